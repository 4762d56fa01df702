import { describe, expect, test } from "vitest";
import { leafRowsUnder, subtreeRows, unownedLeafCount, visibleAreaRows } from "./areaTree";
import { AREA, rowOf, smallProduct } from "./testing/fixture";

const scene = smallProduct();
const ids = (rows: number[]) => rows.map((r) => scene.areas[r]);

describe("the area tree", () => {
  test("a subtree is its root and every area below it, in tree order", () => {
    expect(ids(subtreeRows(scene, rowOf(scene, AREA.checkout)))).toEqual([AREA.checkout, AREA.cart, AREA.payments, AREA.cards, AREA.wallets]);
    expect(ids(subtreeRows(scene, rowOf(scene, AREA.payments)))).toEqual([AREA.payments, AREA.cards, AREA.wallets]);
  });

  test("the leaves under a parent area skip the parents between", () => {
    expect(ids(leafRowsUnder(scene, rowOf(scene, AREA.checkout)))).toEqual([AREA.cart, AREA.cards, AREA.wallets]);
  });

  test("a leaf area is its own only leaf", () => {
    expect(ids(leafRowsUnder(scene, rowOf(scene, AREA.search)))).toEqual([AREA.search]);
  });

  test("only the unowned leaves are taken when asked", () => {
    expect(ids(leafRowsUnder(scene, rowOf(scene, AREA.checkout), true))).toEqual([AREA.wallets]);
  });
});

describe("the only-unowned filter", () => {
  test("without the filter every area is shown", () => {
    expect(visibleAreaRows(scene, false)).toHaveLength(scene.areas.length);
  });

  test("with the filter the unowned leaves stay, with the areas above them for context", () => {
    expect(ids(visibleAreaRows(scene, true))).toEqual([AREA.checkout, AREA.payments, AREA.wallets, AREA.search]);
  });

  test("counts the unowned leaves the status shows", () => {
    expect(unownedLeafCount(scene)).toBe(2);
  });
});
