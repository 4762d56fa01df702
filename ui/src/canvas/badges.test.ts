import { describe, expect, it } from "vitest";
import { drawBadges, drawLeftBadges, leftTooltip, onBadge } from "./badges";
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

describe("drawLeftBadges", () => {
  function leftTexts(zoom: number, left: Map<number, string[]>): unknown[] {
    const { canvas, calls } = fakeCanvas();
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    drawLeftBadges({ ctx, scene, lookup, zoom, view: { x: 0, y: 0, w: 1000, h: 500 } }, left);
    return calls.filter((c) => c.name === "fillText").map((c) => c.args[0]);
  }

  it("says how many left on each visible old manager's card, shorter as the card shrinks", () => {
    const left = new Map([[1, ["Ann", "Bo"]], [2, ["Cy"]], [3, ["Dee"]]]);
    expect(leftTexts(1, left)).toEqual(["−2 left", "−1 left"]);
    expect(leftTexts(0.3, left)).toEqual(["−2", "−1"]);
    expect(leftTexts(0.1, left)).toEqual([]);
  });

  it("names who left in the hover text, up to ten", () => {
    expect(leftTooltip(["Ann", "Bo"])).toBe("2 left this line in the proposal: Ann, Bo");
    const many = Array.from({ length: 12 }, (_, k) => `P${k}`);
    expect(leftTooltip(many)).toMatch(/P9, and 2 more$/);
  });
});

describe("onBadge", () => {
  const card = { x: 100, y: 50, w: 160, h: 60 };
  it("finds the badge at the card's top-right corner and nowhere else on the card", () => {
    expect(onBadge(card, 257, 53)).toBe(true);
    expect(onBadge(card, 180, 80)).toBe(false);
  });
  it("has no badge on a card drawn too small to carry one", () => {
    expect(onBadge({ ...card, w: 30 }, 127, 53)).toBe(false);
  });
});
