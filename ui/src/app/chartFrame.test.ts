import { describe, expect, it } from "vitest";
import { ASPECT_STEP, chartFrame, chartRoom, quantizeAspect } from "./chartFrame";
import { nameTextZoom } from "../canvas/firstView";

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

  it("asks for folding only on a document's first layout, at the zoom that shows names", () => {
    const room = { width: 980, height: 700 };
    expect(chartFrame(room, false)).toEqual({ aspect: quantizeAspect(1.4), fold: null });
    expect(chartFrame(room, true).fold).toEqual({ width: 980, height: 700, zoom: nameTextZoom(220, 84) });
  });
});
