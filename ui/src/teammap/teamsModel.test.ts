import { describe, expect, it } from "vitest";
import type { Membership, Person, Unit } from "../bindings";
import { freshTeamName, joinOp, newTeamOp, roleFor, selectionToGroup, teamMatches, unassigned } from "./teamsModel";

const person = (id: number, name: string, extra: Partial<Person> = {}): Person => ({
  id, name, title: "Engineer", discipline: "engineering", level: null, status: "active", employment: "employee", manager: null,
  employee_id: null, email: null, location: null, start_date: null, cost: null, custom: {}, ...extra,
});
const unit = (id: number, name: string, kind: Unit["kind"] = "stream-aligned"): Unit => ({ id, name, mission: "", kind, parent: null, lead: null, colour: null, target_size: null });
const seat = (p: number, u: number): Membership => ({ person: p, unit: u, allocation: 100, role: "engineer" });

describe("the Unassigned tray", () => {
  it("lists the people on no team by name, open positions last", () => {
    const persons = [person(1, "Zoe"), person(2, "Ada"), person(3, "", { status: "open-position", title: "Designer" }), person(4, "Bo")];
    expect(unassigned(persons, [seat(4, 10)]).map((p) => p.id)).toEqual([2, 1, 3]);
  });

  it("joins a dropped person to the team full time in the role their discipline suggests", () => {
    expect(joinOp(person(2, "Ada", { discipline: "design" }), 10, [])).toEqual({ op: "set-membership", person: 2, unit: 10, allocation: 100, role: "designer" });
    expect(joinOp(person(2, "Ada"), 10, [seat(2, 10)])).toBeNull();
    expect(joinOp(person(2, "Ada"), 10, [], 40, "tech-lead")).toEqual({ op: "set-membership", person: 2, unit: 10, allocation: 40, role: "tech-lead" });
    expect(roleFor("product-management")).toBe("product-manager");
  });
});

describe("+ Team", () => {
  it("creates an empty team of the chosen kind where the user clicked, in one batch", () => {
    expect(newTeamOp(77, "platform", "New team", 5, { x: 120.4, y: 80.6 })).toEqual({
      op: "batch", label: "Add team New team",
      ops: [
        { op: "create-unit", unit: { id: 77, name: "New team", mission: "", kind: "platform", parent: 5, lead: null, colour: null, target_size: null } },
        { op: "set-placement", placement: { unit: 77, x: 120, y: 81, w: 1, h: 1 } },
      ],
    });
  });

  it("names it so that it differs from every unit", () => {
    expect(freshTeamName([])).toBe("New team");
    expect(freshTeamName([{ name: "New team" }, { name: "New team 2" }])).toBe("New team 3");
  });
});

describe("the team type-ahead", () => {
  const units = [unit(1, "Payments"), unit(2, "Checkout"), unit(3, "Pay Platform", "platform"), unit(4, "Commerce", "group"), unit(5, "Repayments")];
  it("offers teams starting with the query first, then those containing it, never groups or excluded ones", () => {
    expect(teamMatches(units, "pay").map((u) => u.name)).toEqual(["Payments", "Pay Platform", "Repayments"]);
    expect(teamMatches(units, "pay", new Set([1])).map((u) => u.name)).toEqual(["Pay Platform", "Repayments"]);
    expect(teamMatches(units, "comm")).toEqual([]);
  });
});

describe("Group into team from any view", () => {
  it("takes the selection from the records: seats outside the chosen units, and people on no team as newcomers", () => {
    const persons = [person(1, "Ada", { discipline: "design" }), person(2, "Bo"), person(3, "Cy")];
    const units = [unit(10, "Payments"), unit(11, "Checkout")];
    const memberships = [seat(2, 10), seat(3, 11)];
    const got = selectionToGroup({ persons: [1, 2, 3], units: [11] }, { persons, units, memberships });
    expect(got.units).toEqual([{ id: 11, name: "Checkout", kind: "stream-aligned", parent: null, placed: false }]);
    expect(got.seats).toEqual([{ person: 2, unit: 10, allocation: 100, role: "engineer", name: "" }]);
    expect(got.newcomers).toEqual([{ person: 1, role: "designer" }]);
  });
});
