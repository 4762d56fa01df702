import { describe, expect, it } from "vitest";
import { ASPECT_STEP, chartFrame, chartRoom, quantizeAspect } from "./chartFrame";
import { nameTextZoom } from "../canvas/firstView";
import { minimapReserve, minimapSize } from "../canvas/minimap";

describe("the chart's frame", () => {
  it("moves a window's shape to the nearest step, so nudging an edge lays nothing out again", () => {
    expect(quantizeAspect(1)).toBe(1);
    expect(quantizeAspect(1.6)).toBe(quantizeAspect(1.55));
    expect(quantizeAspect(1.6)).toBeCloseTo(ASPECT_STEP ** 2, 3);
    expect(quantizeAspect(0.5)).toBeCloseTo(ASPECT_STEP ** -3, 3);
    expect(quantizeAspect(Number.NaN)).toBe(1);
    expect(quantizeAspect(-2)).toBe(1);
  });

  it("gives the chart the app's body less the insights panel a wide window opens with", () => {
    expect(chartRoom({ width: 1280, height: 800 }, { width: 1280, height: 700 })).toEqual({ width: 980, height: 700 });
    expect(chartRoom({ width: 1024, height: 768 }, null)).toEqual({ width: 1024, height: 678 });
  });

  it("asks for folding only on a document's first layout, at the zoom that shows names, clear of the minimap's corner", () => {
    const room = { width: 980, height: 700 };
    expect(chartFrame(room, false)).toEqual({ aspect: quantizeAspect(1.4), fold: null });
    const reserve = minimapReserve(minimapSize(room));
    expect(reserve).not.toBeNull();
    expect(chartFrame(room, true).fold).toEqual({ width: 980, height: 700, zoom: nameTextZoom(220, 84), reserve_width: reserve?.width, reserve_height: reserve?.height });
    // With the minimap put away, or too small a view to show one, nothing is kept free.
    expect(chartFrame(room, true, false).fold).toMatchObject({ reserve_width: 0, reserve_height: 0 });
    expect(chartFrame({ width: 500, height: 340 }, true).fold).toMatchObject({ reserve_width: 0, reserve_height: 0 });
  });
});
