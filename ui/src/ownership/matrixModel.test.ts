import { describe, expect, test } from "vitest";
import { AREA, PAYMENTS_TEAM, SEARCH_TEAM, smallProduct } from "./testing/fixture";
import { moveFocus, revealCell, sortColumns, sortRows, virtualWindow, type GridMetrics } from "./matrixModel";
import { bigOwnership } from "./testing/syntheticOwnership";

const scene = smallProduct();
const all = scene.areas.map((_, i) => i);
const ids = (rows: number[]) => rows.map((r) => scene.areas[r]);
const M: GridMetrics = { rowHeight: 28, colWidth: 40, headerHeight: 120, headerWidth: 240 };

describe("matrix order", () => {
  test("tree order is the scene's order", () => {
    expect(sortRows(scene, all, "tree")).toEqual(all);
  });

  test("rows sort by area name", () => {
    expect(ids(sortRows(scene, all, "name"))).toEqual([AREA.cards, AREA.cart, AREA.checkout, AREA.payments, AREA.search, AREA.wallets]);
  });

  test("rows sort by owning team with the unowned first", () => {
    // Unowned in tree order (Checkout, Payments, Wallets, Search), then Discovery's Cart, then Payments team's Cards.
    expect(ids(sortRows(scene, all, "owner"))).toEqual([AREA.checkout, AREA.payments, AREA.wallets, AREA.search, AREA.cart, AREA.cards]);
  });

  test("columns sort by name or by load, heaviest first", () => {
    expect(sortColumns(scene, "name").map((k) => scene.teams[k])).toEqual([SEARCH_TEAM, PAYMENTS_TEAM]);
    expect(sortColumns(scene, "load").map((k) => scene.teams[k])).toEqual([PAYMENTS_TEAM, SEARCH_TEAM]);
  });
});

describe("keyboard focus", () => {
  test("arrows move one cell and stop at the edges", () => {
    expect(moveFocus({ row: 0, col: 0 }, "ArrowDown", false, 5, 4, 10)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 0, col: 0 }, "ArrowUp", false, 5, 4, 10)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 2, col: 3 }, "ArrowRight", false, 5, 4, 10)).toEqual({ row: 2, col: 3 });
    expect(moveFocus({ row: 2, col: 3 }, "ArrowLeft", false, 5, 4, 10)).toEqual({ row: 2, col: 2 });
  });

  test("Home and End go to the row's ends, with Ctrl to the grid's corners", () => {
    expect(moveFocus({ row: 2, col: 2 }, "End", false, 5, 4, 10)).toEqual({ row: 2, col: 3 });
    expect(moveFocus({ row: 2, col: 2 }, "Home", true, 5, 4, 10)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 2, col: 2 }, "End", true, 5, 4, 10)).toEqual({ row: 4, col: 3 });
  });

  test("Page Down moves a page of rows", () => {
    expect(moveFocus({ row: 1, col: 1 }, "PageDown", false, 100, 4, 10)).toEqual({ row: 11, col: 1 });
  });

  test("other keys are not grid movements", () => {
    expect(moveFocus({ row: 1, col: 1 }, "a", false, 5, 4, 10)).toBeNull();
  });
});

describe("the virtual window", () => {
  test("renders only the cells in view, plus the overscan, of a 1,000 x 1,200 matrix", () => {
    const big = bigOwnership(1000, 1200);
    const w = virtualWindow(28 * 500, 40 * 600, 1200, 800, big.areas.length, big.teams.length, M, 2);
    expect(w).toEqual({ rowStart: 498, rowEnd: 500 + Math.ceil(680 / 28) + 2, colStart: 598, colEnd: 600 + Math.ceil(960 / 40) + 2 });
    expect((w.rowEnd - w.rowStart) * (w.colEnd - w.colStart)).toBeLessThan(1000);
  });

  test("is clamped to the matrix at its ends", () => {
    expect(virtualWindow(0, 0, 1200, 800, 5, 3, M)).toEqual({ rowStart: 0, rowEnd: 5, colStart: 0, colEnd: 3 });
  });

  test("scrolls just enough to show a focused cell below or left of the view", () => {
    const view = { w: 240 + 400, h: 120 + 280 };
    expect(revealCell({ row: 20, col: 0 }, 0, 0, view.w, view.h, M)).toEqual({ top: 21 * 28 - 280, left: 0 });
    expect(revealCell({ row: 0, col: 2 }, 0, 200, view.w, view.h, M)).toEqual({ top: 0, left: 80 });
    expect(revealCell({ row: 3, col: 3 }, 0, 0, view.w, view.h, M)).toEqual({ top: 0, left: 0 });
  });
});
