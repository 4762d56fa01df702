import { describe, expect, it } from "vitest";
import { visibleRuns } from "./lineRuns";

// An L: right 100 along y = 0, down 100 along x = 100, right 100 along y = 100.
const L = [0, 0, 100, 0, 100, 100, 200, 100];

describe("visibleRuns", () => {
  it("is the whole line without a view", () => {
    expect(visibleRuns(L, null, 0)).toEqual([{ from: 0, to: 3, offset: 0 }]);
  });

  it("keeps only the segments near the view, with the length before them as the dash offset", () => {
    expect(visibleRuns(L, { x: 150, y: 90, w: 20, h: 20 }, 2)).toEqual([{ from: 2, to: 3, offset: 200 }]);
    expect(visibleRuns(L, { x: 90, y: 40, w: 20, h: 20 }, 2)).toEqual([{ from: 1, to: 2, offset: 100 }]);
  });

  it("joins neighbouring segments into one run and splits where the line leaves the view", () => {
    expect(visibleRuns(L, { x: 95, y: -5, w: 10, h: 110 }, 0)).toEqual([{ from: 0, to: 3, offset: 0 }]);
    // A U whose bottom is off screen: its two arms are two runs.
    const U = [0, 0, 0, 500, 100, 500, 100, 0];
    expect(visibleRuns(U, { x: -10, y: -10, w: 120, h: 50 }, 0)).toEqual([
      { from: 0, to: 1, offset: 0 },
      { from: 2, to: 3, offset: 600 },
    ]);
  });

  it("is nothing for a line wholly off the view or with fewer than two points", () => {
    expect(visibleRuns(L, { x: 500, y: 500, w: 10, h: 10 }, 5)).toEqual([]);
    expect(visibleRuns([1, 2], null, 0)).toEqual([]);
  });
});
