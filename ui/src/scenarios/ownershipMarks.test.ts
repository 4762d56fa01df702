import { describe, expect, it } from "vitest";
import type { ChangeKind, Diff, DiffChange } from "./diffTypes";
import { AREA_MARK_STYLES, areaMarkLabel, ownershipMarksOf } from "./ownershipMarks";

const area = (kind: ChangeKind, id: number, from: [number, string] | null, to: [number, string] | null = null): DiffChange => ({
  kind, entity: "area", subject: { id, name: `A${id}` },
  from: from?.[1] ?? (kind === "owner-changed" || kind === "area-orphaned" ? "no owner" : null), to: to?.[1] ?? null,
  from_id: from?.[0] ?? null, to_id: to?.[0] ?? null,
});

const diffOf = (changes: DiffChange[]): Diff => ({ from: "Current", to: "Proposal", changes, numbers: [], impact: [] });

describe("the compare mode's marks on the ownership map", () => {
  it("marks a transferred area with its old owner, by id and name", () => {
    const marks = ownershipMarksOf(diffOf([area("owner-changed", 4, [900, "Payments"], [901, "Discovery"])]));
    expect(marks.areas.get(4)).toEqual({ kind: "transferred", from: { id: 900, name: "Payments" } });
    expect(areaMarkLabel(marks.areas.get(4)!)).toBe("from Payments");
    expect(marks.sets).toEqual([{ ids: new Set([4]), stroke: AREA_MARK_STYLES[0]!.stroke, fill: AREA_MARK_STYLES[0]!.fill }]);
  });

  it("says an area that had no owner was unowned rather than naming a team", () => {
    const marks = ownershipMarksOf(diffOf([area("owner-changed", 4, null, [901, "Discovery"])]));
    expect(marks.areas.get(4)!.from).toBeNull();
    expect(areaMarkLabel(marks.areas.get(4)!)).toBe("was unowned");
  });

  it("marks orphaned and new areas each in their own set, in legend order", () => {
    const marks = ownershipMarksOf(diffOf([area("area-orphaned", 2, [900, "Payments"]), area("area-created", 7, null, [901, "Discovery"])]));
    expect(marks.sets.map((s) => [...s.ids])).toEqual([[2], [7]]);
    expect(marks.sets.map((s) => s.stroke)).toEqual([AREA_MARK_STYLES[1]!.stroke, AREA_MARK_STYLES[2]!.stroke]);
    expect(areaMarkLabel(marks.areas.get(2)!)).toBe("owner was Payments");
    expect(areaMarkLabel(marks.areas.get(7)!)).toBe("new");
  });

  it("lists removed areas as ghosts with their old owner, and marks nothing for them on the map", () => {
    const marks = ownershipMarksOf(diffOf([area("area-removed", 3, [900, "Payments"]), area("area-removed", 5, null)]));
    expect(marks.removed).toEqual([
      { area: { id: 3, name: "A3" }, owner: { id: 900, name: "Payments" } },
      { area: { id: 5, name: "A5" }, owner: null },
    ]);
    expect(marks.areas.size).toBe(0);
    expect(marks.sets).toEqual([]);
  });

  it("ignores changes to people, units and interactions", () => {
    const person: DiffChange = { ...area("owner-changed", 1, [900, "Payments"]), entity: "person", kind: "manager-changed" };
    expect(ownershipMarksOf(diffOf([person])).areas.size).toBe(0);
  });
});
