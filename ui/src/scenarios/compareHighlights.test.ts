import { describe, expect, it } from "vitest";
import type { ChangeKind, Diff, DiffChange } from "./diffTypes";
import { compareMarksOf, markKindsOf, MARK_STYLES } from "./compareHighlights";

const person = (kind: ChangeKind, id: number, ids: [number | null, number | null] = [null, null]): DiffChange => ({
  kind, entity: "person", subject: { id, name: `P${id}` }, from: null, to: null, from_id: ids[0], to_id: ids[1],
});

const diffOf = (changes: DiffChange[], impact: Diff["impact"] = []): Diff => ({ from: "Current", to: "Proposal", changes, numbers: [], impact });

describe("the compare mode's marks", () => {
  it("marks movers, reassigned people and joiners each in their own set", () => {
    const marks = compareMarksOf(diffOf([person("manager-changed", 1, [10, 11]), person("team-changed", 2), person("person-joined", 3, [null, 10])]));
    expect([...marks.byKind.get("manager")!]).toEqual([1]);
    expect([...marks.byKind.get("team")!]).toEqual([2]);
    expect([...marks.byKind.get("joined")!]).toEqual([3]);
    expect(marks.chart.sets.map((s) => s.stroke)).toEqual(MARK_STYLES.map((s) => s.stroke));
  });

  it("leaves title changes, units and areas off the chart", () => {
    const area: DiffChange = { ...person("owner-changed", 4), entity: "area" };
    const marks = compareMarksOf(diffOf([person("title-changed", 1), area]));
    expect(marks.chart.sets).toEqual([]);
    expect(marks.chart.left.size).toBe(0);
    expect(marks.ghosts).toEqual([]);
  });

  it("marks a person who both moved and changed team with both kinds", () => {
    const marks = compareMarksOf(diffOf([person("manager-changed", 1, [10, 11]), person("team-changed", 1)]));
    expect(markKindsOf(marks, 1).sort()).toEqual(["manager", "team"]);
    expect(markKindsOf(marks, 2)).toEqual([]);
  });

  it("lists leavers as ghosts under their old manager and counts them per manager", () => {
    const impact = [{ manager: { id: 10, name: "Ada" }, joining: [], leaving: [{ person: { id: 5, name: "P5" }, via: "left" }] }];
    const marks = compareMarksOf(diffOf([person("person-left", 5, [10, null]), person("person-left", 6, [10, null]), person("person-left", 7)], impact));
    expect(marks.ghosts.map((g) => [g.person.id, g.manager?.name ?? null])).toEqual([[5, "Ada"], [6, "Ada"], [7, null]]);
    expect(marks.ghostsByManager.get(10)?.map((p) => p.id)).toEqual([5, 6]);
    expect(marks.ghostsByManager.size).toBe(1);
    expect(marks.chart.sets).toEqual([]);
    // The chart's "−N left" badge on the old manager names them.
    expect([...marks.chart.left]).toEqual([[10, ["P5", "P6"]]]);
  });

  it("names an old manager missing from the impact by id", () => {
    const marks = compareMarksOf(diffOf([person("person-left", 5, [42, null])]));
    expect(marks.ghosts[0]!.manager).toEqual({ id: 42, name: "person #42" });
  });
});
