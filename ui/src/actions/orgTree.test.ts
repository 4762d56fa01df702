import { describe, expect, it } from "vitest";
import { ancestorsToExpand, collapsedForLevel, depths, indexById, managerChain } from "./orgTree";

// 1 ─┬─ 2 ─┬─ 4 ── 6
//    │     └─ 5
//    └─ 3
// 7 (its own tree)
const persons = [
  { id: 1, manager: null }, { id: 2, manager: 1 }, { id: 3, manager: 1 }, { id: 4, manager: 2 },
  { id: 5, manager: 2 }, { id: 6, manager: 4 }, { id: 7, manager: null },
];
const managers = new Map(persons.map((p) => [p.id, p.manager]));
const managerOf = (id: number) => managers.get(id);

describe("orgTree", () => {
  it("lists the chain of managers nearest first and stops at a loop", () => {
    expect(managerChain(managerOf, 6)).toEqual([4, 2, 1]);
    expect(managerChain(managerOf, 1)).toEqual([]);
    const loop = new Map([[1, 2], [2, 3], [3, 1]]);
    expect(managerChain((id) => loop.get(id), 1)).toEqual([2, 3]);
  });

  it("expands only the collapsed managers above a person, top first", () => {
    expect(ancestorsToExpand(managerOf, 6, new Set([1, 4, 3]))).toEqual([1, 4]);
    expect(ancestorsToExpand(managerOf, 6, new Set([6]))).toEqual([]);
  });

  it("measures depth from the top of each tree", () => {
    expect([...depths(persons)]).toEqual([0, 1, 1, 2, 2, 3, 0]);
    // A manager outside the list makes a top of tree; a loop is cut.
    expect([...depths([{ id: 9, manager: 99 }])]).toEqual([0]);
    expect([...depths([{ id: 1, manager: 2 }, { id: 2, manager: 1 }])].sort()).toEqual([0, 1]);
    expect(indexById(persons, 5)).toBe(4);
    expect(indexById(persons, 8)).toBe(-1);
    expect(indexById([{ id: 3 }, { id: 1 }], 1)).toBe(1);
  });

  it("collapses the people with reports at the last level shown", () => {
    expect(collapsedForLevel(persons, 1)).toEqual([1]);
    expect(collapsedForLevel(persons, 2)).toEqual([2]); // 3 has no reports
    expect(collapsedForLevel(persons, 3)).toEqual([4]);
    expect(collapsedForLevel(persons, 4)).toEqual([]);
    expect(collapsedForLevel(persons, 9)).toEqual([]);
    expect(collapsedForLevel(persons, 0)).toEqual([]);
  });
});
