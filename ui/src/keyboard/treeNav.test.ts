import { describe, expect, it } from "vitest";
import { TreeNav } from "./treeNav";

// 1 ─┬─ 2 ─┬─ 4
//    │     └─ 5
//    └─ 3 ─── 6
// 7 (a second tree) ── 8
const managers = new Map<number, number | null>([[1, null], [2, 1], [3, 1], [4, 2], [5, 2], [6, 3], [7, null], [8, 7]]);
const order = [1, 2, 3, 4, 5, 6, 7, 8]; // breadth-first per tree, as the scene sends it
const nav = new TreeNav(order, (id) => managers.get(id));

describe("TreeNav", () => {
  it("goes up to the manager and down to the first report", () => {
    expect(nav.move(4, "up")).toBe(2);
    expect(nav.move(2, "up")).toBe(1);
    expect(nav.move(1, "up")).toBeNull();
    expect(nav.move(1, "down")).toBe(2);
    expect(nav.move(3, "down")).toBe(6);
    expect(nav.move(6, "down")).toBeNull();
  });

  it("goes left and right along siblings, then on to cousins in the same row", () => {
    expect(nav.move(2, "right")).toBe(3);
    expect(nav.move(3, "left")).toBe(2);
    expect(nav.move(4, "right")).toBe(5);
    expect(nav.move(5, "right")).toBe(6); // past the last sibling: the cousin beside it
    expect(nav.move(6, "left")).toBe(5);
    expect(nav.move(4, "left")).toBeNull();
  });

  it("treats each tree of a forest as its own, with rows side by side", () => {
    expect(nav.move(1, "right")).toBe(7);
    expect(nav.move(8, "up")).toBe(7);
    expect(nav.move(3, "right")).toBe(8);
    expect(nav.move(6, "right")).toBeNull();
  });

  it("ignores managers without a card (hidden in a collapsed card) and people not on screen", () => {
    const n = new TreeNav([2, 4], (id) => managers.get(id));
    expect(n.move(2, "up")).toBeNull();
    expect(n.move(2, "down")).toBe(4);
    expect(n.move(99, "down")).toBeNull();
    expect(n.first()).toBe(2);
    expect(new TreeNav([], () => null).first()).toBeNull();
  });

  it("works in any card order and survives a loop of managers", () => {
    const shuffled = new TreeNav([6, 4, 1, 3, 2, 5], (id) => managers.get(id));
    expect(shuffled.move(6, "up")).toBe(3);
    expect(shuffled.move(1, "down")).toBe(3); // first report in the given order
    const loop = new TreeNav([1, 2], (id) => (id === 1 ? 2 : 1));
    expect(loop.move(1, "up")).toBe(2);
    expect(loop.move(2, "up")).toBe(1);
  });
});
