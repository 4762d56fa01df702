import { describe, expect, test } from "vitest";
import type { Area, Op } from "../bindings";
import { addAreaOp, childrenOf, planKeyboardMove, contains, descendantsDeepestFirst, planAreaDelete, planAreaMove, renameOp, stepRow, zoneAt, type AreaRecords } from "./areaEdit";

const area = (id: number, name: string, parent: number | null = null, extra: Partial<Area> = {}): Area => ({
  id, name, description: "", parent, complexity: "simple", user_facing: true, owner: null, position: 0, ...extra,
});

/** Product (1) > Checkout (2) > Payments (3), Cart (4); Search (5) at the top; Team (10) owns Checkout. */
function records(): AreaRecords {
  return {
    areas: [area(1, "Product"), area(2, "Checkout", 1, { owner: 10 }), area(3, "Payments", 2), area(4, "Cart", 2), area(5, "Search")],
    contributors: [{ area: 3, unit: 11 }],
    units: [{ id: 10, name: "Team Pay" }, { id: 11, name: "Helpers" }],
  };
}

describe("the tree order", () => {
  test("siblings come by position, then id, as the core orders them", () => {
    const as = [area(7, "b", null, { position: 1 }), area(9, "c"), area(8, "a")];
    expect(childrenOf(as, null).map((a) => a.name)).toEqual(["a", "c", "b"]);
  });

  test("an area contains itself and everything below it, nothing else", () => {
    const { areas } = records();
    expect(contains(areas, 1, 3)).toBe(true);
    expect(contains(areas, 2, 2)).toBe(true);
    expect(contains(areas, 3, 1)).toBe(false);
    expect(contains(areas, 5, 3)).toBe(false);
  });

  test("the descendants of an area are listed deepest first", () => {
    expect(descendantsDeepestFirst(records().areas, 1).map((a) => a.name)).toEqual(["Payments", "Cart", "Checkout"]);
  });
});

describe("adding", () => {
  test("a new area is appended after its siblings with the reserved id", () => {
    const op = addAreaOp(records(), 42, 2);
    expect(op).toMatchObject({ op: "create-area", area: { id: 42, parent: 2, name: "New area" } });
    const pos = (op as Extract<Op, { op: "create-area" }>).area.position;
    const order = childrenOf([...records().areas, { ...(op as Extract<Op, { op: "create-area" }>).area, position: pos }], 2).map((a) => a.id);
    expect(order).toEqual([3, 4, 42]);
  });

  test("a new area right after a sibling in the middle is created and moved there in one step", () => {
    const op = addAreaOp(records(), 42, null, 1);
    expect(op).toEqual({
      op: "batch", label: "Add area",
      ops: [expect.objectContaining({ op: "create-area" }), { op: "move-area", id: 42, parent: null, position: 1 }],
    });
  });

  test("after the last sibling it is a plain create", () => {
    expect(addAreaOp(records(), 42, null, 5).op).toBe("create-area");
  });
});

describe("renaming", () => {
  test("a rename trims the name and keeps every other field", () => {
    const a = records().areas[1] as Area;
    expect(renameOp(a, "  Basket ")).toEqual({ op: "update-area", area: { ...a, name: "Basket" } });
  });

  test("an empty or unchanged name does nothing", () => {
    const a = records().areas[1] as Area;
    expect(renameOp(a, "  ")).toBeNull();
    expect(renameOp(a, "Checkout")).toBeNull();
  });
});

describe("moving", () => {
  test("dropping onto a row makes the area its last child", () => {
    expect(planAreaMove(records().areas, 5, 2, "into")).toEqual({ ok: true, op: { op: "move-area", id: 5, parent: 2, position: 2 } });
  });

  test("dropping between rows makes the area a sibling there", () => {
    const { areas } = records();
    expect(planAreaMove(areas, 5, 3, "before")).toEqual({ ok: true, op: { op: "move-area", id: 5, parent: 2, position: 0 } });
    expect(planAreaMove(areas, 5, 3, "after")).toEqual({ ok: true, op: { op: "move-area", id: 5, parent: 2, position: 1 } });
    expect(planAreaMove(areas, 5, 1, "before")).toEqual({ ok: true, op: { op: "move-area", id: 5, parent: null, position: 0 } });
  });

  test("reordering among the same siblings counts positions without the moved area", () => {
    expect(planAreaMove(records().areas, 3, 4, "after")).toEqual({ ok: true, op: { op: "move-area", id: 3, parent: 2, position: 1 } });
  });

  test("a move under its own descendant is refused with the reason", () => {
    const p = planAreaMove(records().areas, 1, 3, "into");
    expect(p).toEqual({ ok: false, reason: "“Product” cannot go under “Payments”, which is inside it" });
    expect(planAreaMove(records().areas, 1, 2, "after").ok).toBe(false);
  });

  test("a drop that leaves the area where it is, or onto itself, is refused", () => {
    const { areas } = records();
    expect(planAreaMove(areas, 4, 3, "after")).toEqual({ ok: false, reason: "“Cart” is already here" });
    expect(planAreaMove(areas, 3, 2, "into")).toEqual({ ok: true, op: { op: "move-area", id: 3, parent: 2, position: 1 } });
    expect(planAreaMove(areas, 4, 2, "into")).toEqual({ ok: false, reason: "“Cart” is already here" });
    expect(planAreaMove(areas, 4, 4, "into").ok).toBe(false);
  });

  test("the top and bottom quarters of a row are the gaps before and after it", () => {
    expect(zoneAt(100, 28, 102)).toBe("before");
    expect(zoneAt(100, 28, 114)).toBe("into");
    expect(zoneAt(100, 28, 126)).toBe("after");
  });
});

describe("deleting", () => {
  test("a bare area goes at once, without a question", () => {
    expect(planAreaDelete(records(), 5)).toEqual({ op: { op: "delete-area", id: 5 }, confirm: null });
  });

  test("an area with children goes with its branch, deepest first, in one batch, after saying what goes", () => {
    const plan = planAreaDelete(records(), 1);
    expect(plan?.op).toEqual({
      op: "batch", label: "Delete area Product",
      ops: [3, 4, 2, 1].map((id) => ({ op: "delete-area", id })),
    });
    expect(plan?.confirm).toBe(
      "Delete “Product”? Its 3 sub-areas (“Checkout”, “Payments”, “Cart”) are deleted with it. One sub-area loses its owner. One contribution is removed. Undo brings it all back.",
    );
  });

  test("an owned area asks first and names the owner", () => {
    const r = records();
    const plan = planAreaDelete({ ...r, areas: r.areas.filter((a) => a.parent !== 2) }, 2);
    expect(plan?.confirm).toBe("Delete “Checkout”? Team Pay no longer owns it. Undo brings it all back.");
  });

  test("an unknown area plans nothing", () => {
    expect(planAreaDelete(records(), 99)).toBeNull();
  });
});

describe("keys on the rows", () => {
  test("arrows step through the rows shown and stop at the ends", () => {
    const rows = [1, 2, 3];
    expect(stepRow(rows, null, "ArrowDown")).toBe(1);
    expect(stepRow(rows, 2, "ArrowDown")).toBe(3);
    expect(stepRow(rows, 3, "ArrowDown")).toBe(3);
    expect(stepRow(rows, 1, "ArrowUp")).toBe(1);
    expect(stepRow(rows, 3, "Home")).toBe(1);
    expect(stepRow([], 3, "Home")).toBeNull();
  });
});

describe("moving by keyboard", () => {
  test("Alt+Up and Alt+Down move an area past its neighbour, Alt+Right into the one above, Alt+Left out of its parent", () => {
    const { areas } = records();
    expect(planKeyboardMove(areas, 4, "ArrowUp")).toEqual({ ok: true, op: { op: "move-area", id: 4, parent: 2, position: 0 } });
    expect(planKeyboardMove(areas, 3, "ArrowDown")).toEqual({ ok: true, op: { op: "move-area", id: 3, parent: 2, position: 1 } });
    expect(planKeyboardMove(areas, 4, "ArrowRight")).toEqual({ ok: true, op: { op: "move-area", id: 4, parent: 3, position: 0 } });
    expect(planKeyboardMove(areas, 3, "ArrowLeft")).toEqual({ ok: true, op: { op: "move-area", id: 3, parent: 1, position: 1 } });
  });

  test("at the edges the move is refused with the reason", () => {
    const { areas } = records();
    expect(planKeyboardMove(areas, 1, "ArrowUp")).toEqual({ ok: false, reason: "“Product” is already first" });
    expect(planKeyboardMove(areas, 4, "ArrowDown")).toEqual({ ok: false, reason: "“Cart” is already last" });
    expect(planKeyboardMove(areas, 3, "ArrowRight").ok).toBe(false);
    expect(planKeyboardMove(areas, 5, "ArrowLeft")).toEqual({ ok: false, reason: "“Search” is already at the top level" });
  });
});
