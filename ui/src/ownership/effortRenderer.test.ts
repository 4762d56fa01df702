import { describe, expect, test } from "vitest";
import type { EffortScene } from "../bindings";
import { fakeCanvas } from "../canvas/testing/fakeCanvas";
import { canvasMeasure, TextCache } from "../canvas/lod";
import { parityFixture } from "../testing/parityFixture";
import { drawEffort, EFFORT_PAD, effortHeight, effortZoom, rowAt, visibleRows } from "./effortRenderer";

// The sample's "where the people go" scene as the core lays it out (crates/export/src/effort.rs writes it).
const scene = parityFixture<EffortScene>("effort-scene.json");

function draw(frame: { zoom: number; scrollTop: number; width: number; height: number }, selected: number | null = null) {
  const { canvas, calls } = fakeCanvas();
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  const drawn = drawEffort(ctx, new TextCache(canvasMeasure(ctx)), scene, { ...frame, dpr: 1 }, selected);
  const texts = calls.filter((c) => c.name === "fillText").map((c) => c.args[0] as string);
  const fills = calls.filter((c) => c.name === "set:fillStyle").map((c) => c.args[0] as string);
  return { drawn, texts, fills };
}

describe("the where-the-people-go view on the canvas", () => {
  test("the fixture is the sample's scene: a row per area, bars that fill their track", () => {
    expect(scene.rows.length).toBeGreaterThan(5);
    const width = scene.actual.reduce((s, g) => s + g.rect.w, 0);
    expect(width).toBeCloseTo(scene.actual_bar.w, 6);
  });

  test("fits the scene's width into the view, readable on a small window and never blown up", () => {
    expect(effortZoom(scene, 1000 + 2 * EFFORT_PAD)).toBeCloseTo(1000 / scene.bounds.w);
    expect(effortZoom(scene, 300)).toBe(0.6);
    expect(effortZoom(scene, 5000)).toBe(1.3);
    expect(effortHeight(scene, 1)).toBe(scene.bounds.h + 2 * EFFORT_PAD);
  });

  test("draws the title, both stacked bars and every row in view with its name and figures", () => {
    const { drawn, texts, fills } = draw({ zoom: 1, scrollTop: 0, width: 1100, height: 4000 });
    expect(drawn).toBe(scene.rows.length);
    expect(texts).toContain("Where the people go");
    expect(texts).toContain("Actual");
    expect(texts).toContain("Target");
    for (const r of scene.rows) {
      expect(texts).toContain(r.name);
      expect(texts).toContain(r.figures);
      expect(fills).toContain(r.colour);
    }
  });

  test("scrolled down a short window, it draws only the rows in view", () => {
    const [a, b] = visibleRows(scene, { zoom: 1, scrollTop: scene.rows[4]!.rect.y + EFFORT_PAD, height: 60 });
    expect(a).toBe(4);
    expect(b - a).toBeLessThanOrEqual(4);
    const { drawn, texts } = draw({ zoom: 1, scrollTop: scene.rows[4]!.rect.y + EFFORT_PAD, height: 60, width: 1000 });
    expect(drawn).toBe(b - a);
    expect(texts).not.toContain(scene.rows[0]!.figures);
  });

  test("a click on a row picks its area, and a click between the bars picks none", () => {
    const r = scene.rows[2]!;
    const f = { zoom: 0.8, scrollTop: 40 };
    const x = EFFORT_PAD + (r.rect.x + 10) * f.zoom, y = EFFORT_PAD + (r.rect.y + r.rect.h / 2) * f.zoom - f.scrollTop;
    expect(rowAt(scene, f, x, y)).toBe(r.area);
    expect(rowAt(scene, f, x, EFFORT_PAD + scene.actual_bar.y * f.zoom - f.scrollTop)).toBeNull();
  });
});
