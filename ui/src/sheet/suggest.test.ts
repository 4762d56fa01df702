import { describe, expect, it } from "vitest";
import type { Person, SheetColumn, Unit } from "../bindings";
import { suggestions } from "./suggest";
import { deleteMany } from "./deleteMany";
import { Lookup } from "./sheetOps";

const person = (id: number, name: string, manager: number | null): Person => ({
  id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
  employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager,
});
const unit = (id: number, name: string): Unit => ({ id, name, mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null });
const col = (kind: SheetColumn["kind"], choices: string[] = []): SheetColumn => ({ key: "k", label: "K", kind, choices, values: [""], codes: [] });
const persons = [person(1, "Ada Lovelace", null), person(2, "Grace Hopper", 1), person(3, "Adam Smith", 1)];
const units = [unit(10, "Payments"), unit(11, "Growth"), unit(12, "Pay later")];

describe("the cell editor's suggestions", () => {
  it("offers people for a manager cell, never the row's own person", () => {
    expect(suggestions(col("person"), "ada", 1, persons, units).map((s) => s.value)).toEqual(["Adam Smith"]);
    expect(suggestions(col("person"), "ada", 2, persons, units).map((s) => s.value)).toEqual(["Ada Lovelace", "Adam Smith"]);
  });

  it("completes the last name of a dotted-line list", () => {
    expect(suggestions(col("persons"), "Ada Lovelace, gra", 3, persons, units)[0]!.value).toBe("Ada Lovelace, Grace Hopper");
  });

  it("completes the last team of a teams cell, keeping an allocation typed", () => {
    expect(suggestions(col("teams"), "Growth 50%, pay 30", 1, persons, units).map((s) => s.value)).toEqual(["Growth 50%, Pay later 30%", "Growth 50%, Payments 30%"]);
  });

  it("offers the values of a choice column that contain what was typed", () => {
    expect(suggestions(col("choice", ["active", "open-position", "planned-hire", "leaving"]), "open", 1, persons, units).map((s) => s.value)).toEqual(["open-position"]);
  });

  it("offers a custom choice field's choices as written, whatever the case typed", () => {
    expect(suggestions(col("choice", ["North", "South", "North-east"]), "nor", 1, persons, units).map((s) => s.value)).toEqual(["North", "North-east"]);
  });
});

describe("deleting selected rows", () => {
  const records = { persons, dotted_lines: [], units, memberships: [], areas: [], contributors: [], interactions: [], placements: [] };

  it("asks about one person as the chart does", () => {
    const plan = deleteMany([1], new Lookup(records));
    expect(plan.title).toBe("Delete person Ada Lovelace?");
  });

  it("asks about several at once and deletes them in one batch", () => {
    const plan = deleteMany([2, 3], new Lookup(records));
    expect(plan.title).toBe("Delete 2 people?");
    expect(plan.op).toMatchObject({ op: "batch", ops: [{ op: "delete-person", id: 2 }, { op: "delete-person", id: 3 }] });
  });
});
