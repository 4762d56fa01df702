import { describe, expect, it } from "vitest";
import { describeArea, describeChip, describePerson, describeUnit } from "./describe";

describe("what the screen reader hears about the focused item", () => {
  it("names a person with their title, manager and direct reports", () => {
    expect(describePerson({ name: "Dana Lee", title: "Engineering Manager", manager: "Ada Park", directReports: 6 }))
      .toBe("Dana Lee, Engineering Manager, reports to Ada Park, 6 direct reports");
  });

  it("says the top of the org, one report, and folded reports", () => {
    expect(describePerson({ name: "Ada Park", title: "CEO", manager: null, directReports: 1, folded: 40 }))
      .toBe("Ada Park, CEO, top of the org, 1 direct report, 40 people folded");
  });

  it("reads an unnamed open position by its role", () => {
    expect(describePerson({ name: "", title: "Designer", manager: "Ada Park", directReports: 0, isOpenPosition: true }))
      .toBe("Open position: Designer, reports to Ada Park, no direct reports");
  });

  it("names a team with its type, group and people", () => {
    expect(describeUnit({ name: "Payments", kind: "stream-aligned", parent: "Commerce", headcount: 5, openPositions: 1, childUnits: 0 }))
      .toBe("Payments, stream-aligned team, in Commerce, 5 people, 1 open position");
    expect(describeUnit({ name: "Commerce", kind: "group", parent: null, headcount: 0, openPositions: 0, childUnits: 3 }))
      .toBe("Commerce, group, 3 units, 0 people");
  });

  it("names a chip with its team and a partial allocation", () => {
    expect(describeChip({ name: "Dana Lee", title: "Engineer", unit: "Payments", allocation: 50, isOpenPosition: false }))
      .toBe("Dana Lee, Engineer, on Payments, 50%");
  });

  it("names an area with its parent, owner and contributors", () => {
    expect(describeArea({ name: "Checkout", parent: "Commerce", owner: "Payments", contributors: 2, subAreas: 0, unowned: false }))
      .toBe("Checkout, in Commerce, owned by Payments, 2 contributing teams");
    expect(describeArea({ name: "Search", parent: null, owner: null, contributors: 0, subAreas: 0, unowned: true }))
      .toBe("Search, no owner");
  });
});
