import { describe, expect, it } from "vitest";
import type { OrgRecords, PlanCell, Person } from "../bindings";
import { costText, headcountText, peopleBehind, readTargetStart, yearOfQuarters } from "./planModel";

const cell = (over: Partial<PlanCell>): PlanCell => ({
  headcount: 0, fte: 0, cost: 0, open_positions: 0, planned_hires: 0, planned_fte: 0, planned_cost: 0,
  budget_headcount: null, budget_amount: null, over_budget: false, ...over,
});

const person = (id: number, name: string, status: Person["status"] = "active"): Person => ({
  id, name, title: "Designer", discipline: "design", level: null, location: null, email: null, employee_id: null,
  employment: "employee", status, start_date: null, cost: null, custom: {}, manager: null,
});

describe("the plan view's model", () => {
  it("spans a year of quarters from the quarter holding today", () => {
    expect(yearOfQuarters(new Date(2026, 11, 7))).toEqual({ from: "2026-10-01", to: "2027-09-30" });
  });

  it("writes planned people beside the headcount and the cost against the budget in thousands", () => {
    expect(headcountText(cell({ headcount: 12, open_positions: 1, planned_hires: 1 }))).toBe("12 +2");
    expect(headcountText(cell({ headcount: 3 }))).toBe("3");
    expect(costText(cell({ cost: 250_400, planned_cost: 60_000, budget_amount: 300_000 }))).toBe("310k / 300k");
    expect(costText(cell({ cost: 1_500 }))).toBe("2k");
  });

  it("lists the people of a unit and of the units inside it, planned ones last", () => {
    const records = {
      persons: [person(1, "Zoe"), person(2, "", "open-position"), person(3, "Ada"), person(4, "Out")],
      units: [
        { id: 10, name: "Group", mission: "", kind: "group", parent: null, lead: null, colour: null, target_size: null },
        { id: 11, name: "Team", mission: "", kind: "stream-aligned", parent: 10, lead: null, colour: null, target_size: null },
      ],
      memberships: [
        { person: 1, unit: 11, allocation: 100, role: "designer" },
        { person: 2, unit: 11, allocation: 100, role: "designer" },
        { person: 3, unit: 10, allocation: 100, role: "designer" },
      ],
    } as unknown as OrgRecords;
    expect(peopleBehind(records, 10).map((p) => p.id)).toEqual([3, 1, 2]);
    expect(peopleBehind(records, 11).map((p) => p.id)).toEqual([1, 2]);
  });

  it("reads a target start as a month, a quarter or a day and refuses anything else", () => {
    expect(readTargetStart(" 2027-q3 ")).toBe("2027-Q3");
    expect(readTargetStart("2027-04")).toBe("2027-04");
    expect(readTargetStart("2027-04-15")).toBe("2027-04-15");
    expect(readTargetStart("next spring")).toBeNull();
    expect(readTargetStart("2027-Q5")).toBeNull();
  });
});
