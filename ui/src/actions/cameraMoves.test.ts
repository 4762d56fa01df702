import { describe, expect, it } from "vitest";
import { focusOn, keepAt, panIntoView, screenPointOf, zoomAroundCentre } from "./cameraMoves";

const vp = { width: 800, height: 600 };
const card = { x: 1000, y: 2000, w: 200, h: 80 };

describe("camera moves", () => {
  it("zooms around the middle of the view", () => {
    const cam = zoomAroundCentre({ x: 0, y: 0, zoom: 1 }, vp, 2);
    expect(cam.zoom).toBe(2);
    // The world point at the centre (400, 300) stays at the centre.
    expect(cam.x + vp.width / 2 / cam.zoom).toBeCloseTo(400);
    expect(cam.y + vp.height / 2 / cam.zoom).toBeCloseTo(300);
  });

  it("centres a found person and zooms in to reading size, never out", () => {
    const far = focusOn({ x: 0, y: 0, zoom: 0.05 }, card, vp);
    expect(far.zoom).toBe(0.8);
    expect(far.x + vp.width / 2 / far.zoom).toBeCloseTo(1100);
    expect(far.y + vp.height / 2 / far.zoom).toBeCloseTo(2040);
    expect(focusOn({ x: 0, y: 0, zoom: 2 }, card, vp).zoom).toBe(2);
  });

  it("pans just enough to bring a card into view", () => {
    const inView = { x: 950, y: 1950, zoom: 1 };
    expect(panIntoView(inView, card, vp)).toBe(inView);
    const left = panIntoView({ x: 1100, y: 1950, zoom: 1 }, card, vp, 40);
    expect(left).toEqual({ x: 960, y: 1950, zoom: 1 });
    const below = panIntoView({ x: 950, y: 1000, zoom: 1 }, card, vp, 40);
    expect(below.y).toBe(2000 + 80 + 40 - 600);
    const huge = panIntoView({ x: 0, y: 0, zoom: 10 }, card, vp, 40);
    expect(huge.x + vp.width / 2 / 10).toBeCloseTo(1100);
  });

  it("keeps a card where it was on screen across a relayout", () => {
    const cam = { x: 900, y: 1900, zoom: 2 };
    const at = screenPointOf(cam, card);
    expect(at).toEqual({ x: 200, y: 200 });
    const moved = { ...card, x: 400, y: 2400 };
    const next = keepAt(cam, moved, at);
    expect(screenPointOf(next, moved)).toEqual(at);
    expect(next.zoom).toBe(2);
  });
});
