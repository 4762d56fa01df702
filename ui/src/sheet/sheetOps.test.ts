import { describe, expect, it } from "vitest";
import type { OrgRecords, Person } from "../bindings";
import { CellProblem, Lookup, bulk, editOps, failedStep, formatBlock, parseBlock, pasteEdits } from "./sheetOps";

function person(id: number, name: string, manager: number | null, extra: Partial<Person> = {}): Person {
  return {
    id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
    employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager, ...extra,
  };
}

function records(): OrgRecords {
  return {
    persons: [person(1, "Ada", null), person(2, "Grace", 1), person(3, "Linus", 2), person(4, "Margaret", 1, { cost: { amount: 100, currency: "EUR" } })],
    dotted_lines: [{ person: 3, manager: 4 }],
    units: [
      { id: 10, name: "Payments", mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null },
      { id: 11, name: "Growth", mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null },
    ],
    memberships: [{ person: 3, unit: 10, allocation: 100, role: "engineer" }],
    areas: [], contributors: [], interactions: [], placements: [],
  };
}

describe("cell edits as ops", () => {
  it("gathers several fields of one person into one update and leaves the manager alone", () => {
    const ops = editOps([{ id: 2, key: "title", text: "Staff engineer" }, { id: 2, key: "location", text: " Berlin " }, { id: 2, key: "level", text: "" }], new Lookup(records()));
    expect(ops).toEqual([{ op: "update-person", person: { ...person(2, "Grace", 1), title: "Staff engineer", location: "Berlin", level: null } }]);
  });

  it("changes a manager cell as only that row changes: the person moves with their reports", () => {
    expect(editOps([{ id: 3, key: "manager", text: "margaret" }], new Lookup(records()))).toEqual([{ op: "move-subtree", person: 3, manager: 4 }]);
    expect(editOps([{ id: 3, key: "manager", text: "" }], new Lookup(records()))).toEqual([{ op: "move-subtree", person: 3, manager: null }]);
  });

  it("refuses a name that nobody has, naming the cell's row", () => {
    expect(() => editOps([{ id: 3, key: "manager", text: "Nobody" }], new Lookup(records()))).toThrow(CellProblem);
    try { editOps([{ id: 3, key: "manager", text: "Nobody" }], new Lookup(records())); } catch (e) { expect((e as CellProblem).id).toBe(3); }
  });

  it("turns a teams cell into the seats it adds, changes and removes", () => {
    const ops = editOps([{ id: 3, key: "teams", text: "Growth 60%, Payments 40%" }], new Lookup(records()));
    expect(ops).toEqual([
      { op: "set-membership", person: 3, unit: 11, allocation: 60, role: "engineer" },
      { op: "set-membership", person: 3, unit: 10, allocation: 40, role: "engineer" },
    ]);
    expect(editOps([{ id: 3, key: "teams", text: "" }], new Lookup(records()))).toEqual([{ op: "remove-membership", person: 3, unit: 10 }]);
  });

  it("turns a dotted-line cell into the lines it adds and removes", () => {
    expect(editOps([{ id: 3, key: "dotted", text: "Ada" }], new Lookup(records()))).toEqual([
      { op: "remove-dotted-line", person: 3, manager: 4 },
      { op: "add-dotted-line", person: 3, manager: 1 },
    ]);
  });

  it("reads a choice whatever its case and refuses one that is not offered", () => {
    expect(editOps([{ id: 2, key: "status", text: "Open Position" }], new Lookup(records()))[0]).toMatchObject({ person: { status: "open-position" } });
    expect(() => editOps([{ id: 2, key: "status", text: "asleep" }], new Lookup(records()))).toThrow(/not a status/);
  });

  it("keeps a cost's currency when only the amount is typed", () => {
    expect(editOps([{ id: 4, key: "cost", text: "120,000" }], new Lookup(records()))[0]).toMatchObject({ person: { cost: { amount: 120000, currency: "EUR" } } });
    expect(() => editOps([{ id: 2, key: "cost", text: "120000" }], new Lookup(records()))).toThrow(/currency/);
  });

  it("sets and clears a custom field", () => {
    expect(editOps([{ id: 2, key: "custom:badge", text: "42" }], new Lookup(records()))[0]).toMatchObject({ person: { custom: { badge: "42" } } });
  });

  it("makes nothing of a cell typed as it was", () => {
    expect(editOps([{ id: 2, key: "title", text: "Engineer" }], new Lookup(records()))).toEqual([]);
  });
});

describe("bulk actions", () => {
  it("sets the manager of several people in one batch", () => {
    expect(bulk.setManager([2, 3], 4)).toEqual({
      op: "batch", label: "Set the manager of 2 people",
      ops: [{ op: "move-subtree", person: 2, manager: 4 }, { op: "move-subtree", person: 3, manager: 4 }],
    });
  });

  it("adds to a team only those not on it at that allocation and removes only members", () => {
    const lookup = new Lookup(records());
    expect(bulk.addToTeam([2, 3], 10, 50, lookup)).toMatchObject({ ops: [{ person: 2, allocation: 50 }, { person: 3, allocation: 50, role: "engineer" }] });
    expect(bulk.removeFromTeam([2, 3], 10, lookup)).toMatchObject({ ops: [{ op: "remove-membership", person: 3, unit: 10 }] });
    expect(bulk.removeFromTeam([2], 10, lookup)).toBeNull();
  });
});

describe("blocks on the clipboard", () => {
  it("reads rows by line and cells by tab, ignoring the last newline", () => {
    expect(parseBlock("a\tb\r\nc\td\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(formatBlock([["a", "b\tc"], ["d", ""]])).toBe("a\tb c\nd\t");
  });

  it("lays a block over the rows and columns from where it is pasted, clipped to the sheet", () => {
    const ids = [5, 6, 7];
    const edits = pasteEdits([["x", "y"], ["z", "w"]], { row: 2, col: 1 }, (r) => ids[r], 3, ["name", "title", "level"]);
    expect(edits).toEqual([{ id: 7, key: "title", text: "x" }, { id: 7, key: "level", text: "y" }]);
  });

  it("fills a taller selection with one pasted value", () => {
    const ids = [5, 6, 7];
    expect(pasteEdits([["x"]], { row: 0, col: 0 }, (r) => ids[r], 3, ["name"], 3).map((e) => e.id)).toEqual([5, 6, 7]);
  });

  it("finds the step of a refused batch in the core's message", () => {
    expect(failedStep("step 3 (Move team under new manager): Ada cannot report to Linus")).toBe(2);
    expect(failedStep("something else")).toBeNull();
  });
});
