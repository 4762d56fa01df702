import { describe, expect, it } from "vitest";
import type { Person } from "../bindings";
import { deletePlan } from "./deletePlan";
import { teamColour, teamSeats } from "./teams";
import { fieldOfCoreError, formFromPerson, isDirty, newOpenPosition, newReport, parseAmount, personFromForm, type PersonForm } from "./personForm";

const ada: Person = {
  id: 7, name: "Ada Lovelace", title: "VP Engineering", discipline: "engineering-management", level: "L8", location: "London",
  email: "ada@example.com", employee_id: "E-7", employment: "employee", status: "active", start_date: "2020-01-15",
  end_date: null, target_start: null, hiring_stage: null, cost: { amount: 185000, currency: "GBP" }, custom: { pronouns: "she/her" }, manager: 1,
};

const edit = (over: Partial<PersonForm>): PersonForm => ({ ...formFromPerson(ada), ...over });

describe("form ↔ person", () => {
  it("round-trips a person unchanged", () => {
    const r = personFromForm(formFromPerson(ada), ada);
    expect(r).toEqual({ ok: true, person: ada });
    expect(isDirty(formFromPerson(ada), ada)).toBe(false);
  });

  it("shows missing values as empty fields", () => {
    const bare = { ...newReport(3), id: 9 };
    const f = formFromPerson(bare);
    expect([f.level, f.location, f.email, f.employeeId, f.startDate, f.costAmount, f.costCurrency]).toEqual(["", "", "", "", "", "", ""]);
    expect(f.custom).toEqual([]);
  });

  it("turns empty and blank fields into null and trims the rest", () => {
    const r = personFromForm(edit({ level: "", location: "   ", email: " ada@x.org ", employeeId: "", startDate: " ", name: " Ada " }), ada);
    expect(r.ok && r.person).toMatchObject({ level: null, location: null, email: "ada@x.org", employee_id: null, start_date: null, name: "Ada" });
    expect(isDirty(edit({ level: "" }), ada)).toBe(true);
    expect(isDirty(edit({ name: "Ada Lovelace  " }), ada)).toBe(false);
  });

  it("keeps a leaver's end date and a hire's target start and stage through any other edit", () => {
    const hire: Person = { ...ada, status: "planned-hire", end_date: null, target_start: "2027-Q2", hiring_stage: "offer" };
    const r = personFromForm({ ...formFromPerson(hire), title: "CTO" }, hire);
    expect(r.ok && [r.person.target_start, r.person.hiring_stage, r.person.title]).toEqual(["2027-Q2", "offer", "CTO"]);
    const leaver: Person = { ...ada, status: "leaving", end_date: "2027-03-31" };
    const l = personFromForm({ ...formFromPerson(leaver), level: "L9" }, leaver);
    expect(l.ok && l.person.end_date).toBe("2027-03-31");
  });

  it("reads the plan fields: empty is none, a quarter in any case as the core stores it", () => {
    const r = personFromForm(edit({ status: "open-position", targetStart: " 2027-q3 ", hiringStage: "interviewing", endDate: "" }), ada);
    expect(r.ok && [r.person.target_start, r.person.hiring_stage, r.person.end_date]).toEqual(["2027-Q3", "interviewing", null]);
    expect(isDirty(edit({ targetStart: "" }), ada)).toBe(false);
    expect(isDirty(edit({ hiringStage: "open" }), ada)).toBe(true);
    const cleared = personFromForm(edit({ hiringStage: "" }), { ...ada, hiring_stage: "offer" });
    expect(cleared.ok && cleared.person.hiring_stage).toBeNull();
  });

  it("keeps the id and the manager: UpdatePerson does not move people", () => {
    const r = personFromForm(edit({ name: "Ada King" }), ada);
    expect(r.ok && [r.person.id, r.person.manager]).toEqual([7, 1]);
  });

  it("reads the cost, with no amount meaning no cost", () => {
    const cost = (costAmount: string, costCurrency = "eur") => {
      const r = personFromForm(edit({ costAmount, costCurrency }), ada);
      return r.ok ? r.person.cost : r.errors.map((e) => [e.field, e.code]);
    };
    expect(cost("120,000")).toEqual({ amount: 120000, currency: "EUR" });
    expect(cost("")).toBeNull();
    expect(cost("  ", "USD")).toBeNull();
    expect(cost("€ 72.000,50", "")).toEqual({ amount: 72000.5, currency: "EUR" });
    expect(cost("95000", "")).toEqual([["costCurrency", "invalid_value"]]);
    expect(cost("12k")).toEqual([["costAmount", "invalid_value"]]);
    expect(cost("-5")).toEqual([["costAmount", "invalid_value"]]);
  });

  it("parses amounts as people write them", () => {
    const v = (s: string) => { const r = parseAmount(s); return r.ok ? r.value : "bad"; };
    expect(v("120000")).toBe(120000);
    expect(v("120,000")).toBe(120000);
    expect(v("120.000")).toBe(120000);
    expect(v("120 000")).toBe(120000);
    expect(v("120\u00a0000")).toBe(120000);
    expect(v("1'250'000")).toBe(1250000);
    expect(v("1,250,000")).toBe(1250000);
    expect(v("1.250.000")).toBe(1250000);
    expect(v("85,000.50")).toBe(85000.5);
    expect(v("72.000,50")).toBe(72000.5);
    expect(v("85.5")).toBe(85.5);
    expect(v("85,5")).toBe(85.5);
    expect(v("0")).toBe(0);
    expect(v("")).toBeNull();
    for (const bad of ["abc", "12k", "1.2.3,4,5", "1,2,3", "12.", ",5", "1,00,000", "1.000,000.5"]) expect(v(bad)).toBe("bad");
    expect(parseAmount("$95,000")).toEqual({ ok: true, value: 95000, currency: "USD" });
  });

  it("collects custom fields, dropping empty rows", () => {
    const r = personFromForm(edit({ custom: [{ key: " pronouns ", value: " she/her " }, { key: "", value: "" }, { key: "desk", value: "" }] }), ada);
    expect(r.ok && r.person.custom).toEqual({ pronouns: "she/her", desk: "" });
    const bad = personFromForm(edit({ custom: [{ key: "", value: "x" }, { key: "a", value: "1" }, { key: "a ", value: "2" }] }), ada);
    expect(bad.ok ? [] : bad.errors.map((e) => e.code)).toEqual(["name_required", "duplicate"]);
  });

  it("places the core's errors next to their field", () => {
    const f = (code: string, message: string) => fieldOfCoreError({ code: code as never, message });
    expect(f("name_required", "a person needs a name (an open position needs only a role title)")).toBe("name");
    expect(f("name_required", "an open position needs a role title")).toBe("title");
    expect(f("invalid_value", "email 'ada' is not an email address")).toBe("email");
    expect(f("invalid_value", "start date '2024-02-30' is not a date in the form YYYY-MM-DD")).toBe("startDate");
    expect(f("invalid_value", "currency 'EU' must be a three-letter ISO code such as EUR or USD")).toBe("costCurrency");
    expect(f("invalid_value", "cost -1 must be a number of zero or more")).toBe("costAmount");
    expect(f("duplicate", "employee id 'E-7' already belongs to Grace Hopper")).toBe("employeeId");
    expect(f("not_found", "person #99 does not exist")).toBeNull();
    expect(f("invalid_value", "the end date 2019-01-01 is before the start date 2020-01-15")).toBe("endDate");
  });

  it("puts a core error on the field the core names, whatever its message says", () => {
    const e = (field: string) => fieldOfCoreError({ code: "invalid_value", message: "is not a date", field });
    expect(e("end_date")).toBe("endDate");
    expect(e("target_start")).toBe("targetStart");
    expect(e("start_date")).toBe("startDate");
  });

  it("makes new reports and open positions under a manager", () => {
    expect(newReport(7)).toMatchObject({ id: 0, manager: 7, name: "New person", status: "active" });
    expect(newOpenPosition(7)).toMatchObject({ id: 0, manager: 7, name: "", title: "Open role", status: "open-position" });
  });
});

describe("deletePlan", () => {
  const grace: Person = { ...ada, id: 1, name: "Grace Hopper", manager: null };
  const r1: Person = { ...ada, id: 20, name: "Alan", manager: 7 };
  const r2: Person = { ...ada, id: 21, name: "", title: "Data Engineer", status: "open-position", manager: 7 };

  it("says the reports go to the deleted person's manager", () => {
    const plan = deletePlan(ada, [grace, ada, r1, r2]);
    expect(plan.title).toBe("Delete person Ada Lovelace?");
    expect(plan.body[0]).toBe("Ada Lovelace's 2 direct reports (Alan, Data Engineer) will report to Grace Hopper, Ada Lovelace's manager.");
    expect(plan.op).toEqual({ op: "delete-person", id: 7, reports_to: { to: "deleted-persons-manager" } });
  });

  it("says reports of a top person become tops of their own trees", () => {
    const top = { ...ada, manager: null };
    const plan = deletePlan(top, [top, r1]);
    expect(plan.body[0]).toBe("Ada Lovelace has no manager, so their direct report (Alan) will become the top of a tree.");
  });

  it("needs no reports_to for someone without reports, and names open positions as such", () => {
    const plan = deletePlan(r2, [grace, ada, r1, r2]);
    expect(plan.title).toBe("Delete open position Data Engineer?");
    expect(plan.op).toEqual({ op: "delete-person", id: 21, reports_to: null });
    expect(plan.body[0]).toBe("Data Engineer has no direct reports.");
  });

  it("shortens long lists of reports", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...r1, id: 30 + i, name: `R${i}` }));
    expect(deletePlan(ada, [grace, ada, ...many]).body[0]).toContain("(R0, R1, R2, and 3 others)");
  });
});

describe("team seats", () => {
  it("lists a person's teams in unit order, coloured like the chart", () => {
    const units = new Map([
      [3, { id: 3, name: "Payments", mission: "", kind: "stream-aligned" as const, parent: null, lead: null, colour: "#112233", target_size: null }],
      [9, { id: 9, name: "Core", mission: "", kind: "platform" as const, parent: null, lead: null, colour: null, target_size: null }],
    ]);
    const seats = teamSeats(7, [
      { person: 7, unit: 9, allocation: 50, role: "engineer" },
      { person: 8, unit: 3, allocation: 100, role: "engineer" },
      { person: 7, unit: 3, allocation: 50, role: "tech-lead" },
    ], units);
    expect(seats.map((s) => [s.unit.name, s.colour, s.membership.allocation])).toEqual([["Payments", "#112233", 50], ["Core", "#e07a5f", 50]]);
    expect(teamColour({ id: 8, colour: null })).toBe("#3d5a80");
  });
});
