import { describe, expect, it } from "vitest";
import { drawBadges } from "./badges";
import type { ChartScene } from "./scene";
import { fakeCanvas } from "./testing/fakeCanvas";

const scene: ChartScene = {
  ids: [1, 2, 3], x: [0, 300, 5000], y: [0, 0, 0], w: [200, 200, 200], h: [80, 80, 80], connectors: [], bounds: { x: 0, y: 0, w: 5200, h: 80 },
};
const lookup = new Map([[1, 0], [2, 1], [3, 2]]);

function badgeTexts(zoom: number, badges: Map<number, number>): unknown[] {
  const { canvas, calls } = fakeCanvas();
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  drawBadges({ ctx, scene, lookup, zoom, view: { x: 0, y: 0, w: 1000, h: 500 } }, badges);
  return calls.filter((c) => c.name === "fillText").map((c) => c.args[0]);
}

describe("drawBadges", () => {
  it("draws a count on each visible card with findings and skips cards off screen", () => {
    expect(badgeTexts(1, new Map([[1, 2], [2, 12], [3, 1]]))).toEqual(["2", "9+"]);
  });

  it("draws nothing when cards are too small on screen to carry a badge", () => {
    expect(badgeTexts(0.1, new Map([[1, 2]]))).toEqual([]);
  });
});
