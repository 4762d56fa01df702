import { describe, expect, it } from "vitest";
import { START, block, clickCell, columnsInView, fillDown, isRowSelected, move, selectedIds } from "./gridNav";
import { nextSort } from "./sortKeys";

const ids = [100, 101, 102, 103, 104];
const idAt = (r: number) => ids[r];

describe("moving and selecting in the sheet", () => {
  it("moves the cursor within the grid and extends a block with Shift", () => {
    let s = move(START, 1, 0, 5, 3, false);
    expect(s.cursor).toEqual({ row: 1, col: 0 });
    s = move(s, 2, 1, 5, 3, true);
    expect(block(s)).toEqual({ top: 1, bottom: 3, left: 0, right: 1 });
    expect(selectedIds(s, idAt)).toEqual([101, 102, 103]);
    expect(move(s, 99, 99, 5, 3, false).cursor).toEqual({ row: 4, col: 2 });
  });

  it("adds single rows with Ctrl-click and takes them off again", () => {
    let s = clickCell(START, { row: 1, col: 0 }, 101, { shift: false, toggle: false });
    s = clickCell(s, { row: 3, col: 0 }, 103, { shift: false, toggle: true }, selectedIds(s, idAt));
    expect(selectedIds(s, idAt).sort()).toEqual([101, 103]);
    s = clickCell(s, { row: 3, col: 0 }, 103, { shift: false, toggle: true }, selectedIds(s, idAt));
    expect(selectedIds(s, idAt)).toEqual([101]);
    expect(isRowSelected(s, 3, 103)).toBe(false);
  });

  it("selects a run of rows with Shift-click", () => {
    let s = clickCell(START, { row: 0, col: 0 }, 100, { shift: false, toggle: false });
    s = clickCell(s, { row: 2, col: 0 }, 102, { shift: true, toggle: false });
    expect(selectedIds(s, idAt)).toEqual([100, 101, 102]);
  });

  it("fills a block down from its top row", () => {
    const s = { anchor: { row: 0, col: 0 }, cursor: { row: 2, col: 1 }, extra: new Set<number>() };
    expect(fillDown(s, (r, c) => `${r}:${c}`)).toEqual([
      { row: 1, col: 0, text: "0:0" }, { row: 2, col: 0, text: "0:0" },
      { row: 1, col: 1, text: "0:1" }, { row: 2, col: 1, text: "0:1" },
    ]);
  });
});

describe("sorting from the headers", () => {
  it("sorts by one column, reverses, then drops it; Shift adds levels", () => {
    let s = nextSort([], "name", false);
    expect(s).toEqual([{ key: "name", desc: false }]);
    s = nextSort(s, "name", false);
    expect(s).toEqual([{ key: "name", desc: true }]);
    expect(nextSort(s, "name", false)).toEqual([]);
    s = nextSort([{ key: "name", desc: false }], "level", true);
    expect(s).toEqual([{ key: "name", desc: false }, { key: "level", desc: false }]);
    expect(nextSort(s, "level", true)).toEqual([{ key: "name", desc: false }, { key: "level", desc: true }]);
    expect(nextSort(s, "level", false)).toEqual([{ key: "level", desc: false }]);
  });
});

describe("the columns a row draws", () => {
  // Five columns of 100 px, the last 300 px wide: the grid is 700 px.
  const starts = [0, 100, 200, 300, 400, 700];

  it("draws the columns the view shows and one more each side", () => {
    expect(columnsInView(starts, 0, 250, 1)).toEqual({ first: 0, end: 4 });
    expect(columnsInView(starts, 150, 100, 1)).toEqual({ first: 0, end: 4 });
    expect(columnsInView(starts, 150, 100, 0)).toEqual({ first: 1, end: 3 });
  });

  it("keeps a wide column that starts left of the view and draws every column of a view wider than the grid", () => {
    expect(columnsInView(starts, 500, 100, 0)).toEqual({ first: 4, end: 5 });
    expect(columnsInView(starts, 0, 2000, 1)).toEqual({ first: 0, end: 5 });
  });
});
