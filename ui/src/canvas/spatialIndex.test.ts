import { describe, expect, it } from "vitest";
import { rng } from "../testing/demo/syntheticScene";
import { GridIndex } from "./spatialIndex";

function randomRects(n: number, seed: number, span = 5000) {
  const r = rng(seed);
  const x: number[] = [], y: number[] = [], w: number[] = [], h: number[] = [];
  for (let i = 0; i < n; i++) {
    // A few big rectangles among small ones exercise multi-cell items.
    const big = r() < 0.03;
    x.push(r() * span); y.push(r() * span);
    w.push(big ? r() * 2000 : r() * 200); h.push(big ? r() * 2000 : r() * 80);
  }
  return { x, y, w, h };
}

function bruteRect(c: ReturnType<typeof randomRects>, qx: number, qy: number, qw: number, qh: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.x.length; i++) {
    const x = c.x[i] as number, y = c.y[i] as number, w = c.w[i] as number, h = c.h[i] as number;
    if (!(x > qx + qw || y > qy + qh || x + w < qx || y + h < qy)) out.push(i);
  }
  return out;
}

describe("GridIndex", () => {
  it("queryRect returns exactly the intersecting items, ascending, without duplicates", () => {
    const c = randomRects(3000, 7);
    const idx = new GridIndex(c);
    const r = rng(99);
    for (let t = 0; t < 200; t++) {
      const qx = r() * 6000 - 500, qy = r() * 6000 - 500, qw = r() * 1500, qh = r() * 1500;
      expect(Array.from(idx.queryRect(qx, qy, qw, qh))).toEqual(bruteRect(c, qx, qy, qw, qh));
    }
  });

  it("a query covering everything returns every item once (mark-and-scan path)", () => {
    const c = randomRects(2000, 3);
    const idx = new GridIndex(c);
    expect(Array.from(idx.queryRect(-1e6, -1e6, 2e6, 2e6))).toEqual(c.x.map((_, i) => i));
  });

  it("queries outside the bounds or with negative size return nothing", () => {
    const idx = new GridIndex(randomRects(100, 1));
    expect(idx.queryRect(-1e5, -1e5, 10, 10).length).toBe(0);
    expect(idx.queryRect(100, 100, -5, 10).length).toBe(0);
    expect(idx.hitTest(-1e5, 0)).toBe(-1);
  });

  it("treats rectangle edges as inside (touching counts)", () => {
    const idx = new GridIndex({ x: [0, 100], y: [0, 0], w: [100, 100], h: [50, 50] });
    expect(Array.from(idx.queryRect(100, 10, 0, 0))).toEqual([0, 1]);
    expect(idx.queryPoint(100, 50)).toEqual([0, 1]);
  });

  it("hit-tests overlapping rects to the topmost (last drawn) and can skip one", () => {
    // 0 and 1 overlap; 2 is nested inside 0 and drawn later; 3 is a huge backdrop drawn last.
    const idx = new GridIndex({ x: [0, 50, 10, -1000], y: [0, 0, 10, -1000], w: [100, 100, 20, 50], h: [100, 100, 20, 50] });
    expect(idx.hitTest(75, 50)).toBe(1);
    expect(idx.hitTest(75, 50, 1)).toBe(0);
    expect(idx.hitTest(15, 15)).toBe(2);
    expect(idx.queryPoint(15, 15)).toEqual([0, 2]);
    expect(idx.hitTest(30, 50)).toBe(0);
    expect(idx.hitTest(500, 500)).toBe(-1);
  });

  it("hit-tests a nested rect drawn before its container to the container (what the user sees on top)", () => {
    const idx = new GridIndex({ x: [10, 0], y: [10, 0], w: [20, 100], h: [20, 100] });
    expect(idx.hitTest(15, 15)).toBe(1);
    expect(idx.queryPoint(15, 15)).toEqual([0, 1]);
  });

  it("point queries agree with brute force on random data", () => {
    const c = randomRects(2000, 11);
    const idx = new GridIndex(c);
    const r = rng(5);
    for (let t = 0; t < 500; t++) {
      const px = r() * 5200, py = r() * 5200;
      const expected = bruteRect(c, px, py, 0, 0);
      expect(idx.queryPoint(px, py)).toEqual(expected);
      expect(idx.hitTest(px, py)).toBe(expected.length ? Math.max(...expected) : -1);
    }
  });

  it("ignores non-finite rectangles instead of corrupting the grid", () => {
    const idx = new GridIndex({ x: [0, Number.NaN, 10], y: [0, 0, 0], w: [5, 5, 5], h: [5, 5, 5] });
    expect(Array.from(idx.queryRect(-100, -100, 200, 200))).toEqual([0, 2]);
  });

  it("handles an empty index", () => {
    const idx = new GridIndex({ x: [], y: [], w: [], h: [] });
    expect(idx.queryRect(0, 0, 10, 10).length).toBe(0);
    expect(idx.hitTest(0, 0)).toBe(-1);
  });

  it("at 100k cards a screenful query touches only nearby cells and stays fast", () => {
    const n = 100_000, cols = 500;
    const x = new Float64Array(n), y = new Float64Array(n), w = new Float64Array(n).fill(200), h = new Float64Array(n).fill(80);
    for (let i = 0; i < n; i++) { x[i] = (i % cols) * 240; y[i] = Math.floor(i / cols) * 120; }
    const idx = new GridIndex({ x, y, w, h });
    const out = new Uint32Array(n);
    // A 1600x1000 window at zoom 1 inside the grid.
    const q = idx.queryRect(24_000, 6_000, 1600, 1000, out);
    expect(q.length).toBeGreaterThan(40);
    expect(q.length).toBeLessThan(100);
    const t0 = performance.now();
    for (let k = 0; k < 1000; k++) idx.queryRect(24_000 + k, 6_000, 1600, 1000, out);
    // Generous bound for slow CI; a linear scan of 100k rects 1000 times would take far longer.
    expect((performance.now() - t0) / 1000).toBeLessThan(0.5);
  });
});
