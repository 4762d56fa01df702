import { describe, expect, test } from "vitest";
import type { EffortShift } from "../bindings";
import { fteMove, points, shareMove, shiftBar, shiftsToShow } from "./effortShift";

const shift = (area: number, name: string, before: number, after: number, fte: [number, number] = [before / 10, after / 10]): EffortShift => ({
  area, name, before_fte: fte[0], after_fte: fte[1], before_share: before, after_share: after, share_difference: after - before, target_share: null,
});

describe("the effort shift between two scenarios", () => {
  test("shows only the areas that moved, largest move first", () => {
    const rows = shiftsToShow([shift(1, "Cart", 20, 20), shift(2, "Search", 40, 30), shift(3, "Payments", 30, 50), shift(4, "Ads", 5, 5.02)]);
    expect(rows.map((r) => r.name)).toEqual(["Payments", "Search"]);
    expect(shiftsToShow(undefined)).toEqual([]);
  });

  test("an area whose people changed but whose share did not still shows", () => {
    expect(shiftsToShow([shift(1, "Cart", 20, 20, [2, 3])]).map((r) => r.name)).toEqual(["Cart"]);
  });

  test("gains grow right of the middle and losses left, scaled to the largest move", () => {
    expect(shiftBar(shift(1, "Payments", 30, 50), 20, 48)).toEqual({ left: 48, width: 48, gain: true });
    expect(shiftBar(shift(2, "Search", 40, 30), 20, 48)).toEqual({ left: 24, width: 24, gain: false });
    expect(shiftBar(shift(3, "Cart", 20, 20), 0, 48)).toEqual({ left: 48, width: 0, gain: true });
  });

  test("words the move as people read it", () => {
    expect(points(12.54)).toBe("+12.5 pts");
    expect(points(-3)).toBe("−3 pts");
    expect(points(0.01)).toBe("0 pts");
    expect(shareMove(shift(1, "Payments", 30, 42.5))).toBe("30% → 42.5%");
    expect(fteMove(shift(1, "Payments", 30, 42.5))).toBe("3 → 4.3 FTE");
  });
});
