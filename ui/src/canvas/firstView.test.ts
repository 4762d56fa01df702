import { describe, expect, it } from "vitest";
import { worldToScreen, type Camera, type Viewport } from "./camera";
import { composeFirstView, fullTextZoom, nameTextZoom, sceneLevels } from "./firstView";
import type { ChartScene } from "./scene";

const W = 220, H = 84, GX = 40, GY = 60;

/** A tidy-ish chart: a root over `width` reports, each over `width` reports, `depth` levels, rows centred on 0. */
function tree(width: number, depth: number): { scene: ChartScene; managers: Map<number, number | null> } {
  const ids: number[] = [], x: number[] = [], y: number[] = [];
  const managers = new Map<number, number | null>();
  let row: number[] = [];
  let next = 1;
  for (let d = 0; d < depth; d++) {
    const made: number[] = [];
    const parents = d === 0 ? [null] : row;
    for (const p of parents) {
      for (let k = 0; k < (d === 0 ? 1 : width); k++) {
        const id = next++;
        managers.set(id, p);
        made.push(id);
      }
    }
    made.forEach((id, i) => {
      ids.push(id);
      x.push((i - (made.length - 1) / 2) * (W + GX) - W / 2);
      y.push(d * (H + GY));
    });
    row = made;
  }
  const minX = Math.min(...x), maxX = Math.max(...x) + W, maxY = Math.max(...y) + H;
  const scene: ChartScene = {
    ids, x, y, w: ids.map(() => W), h: ids.map(() => H), connectors: [],
    bounds: { x: minX, y: 0, w: maxX - minX, h: maxY },
  };
  return { scene, managers };
}

/** Screen rectangle of card i. */
function onScreen(scene: ChartScene, i: number, cam: Camera) {
  const p = worldToScreen(cam, scene.x[i] as number, scene.y[i] as number);
  return { x: p.x, y: p.y, w: (scene.w[i] as number) * cam.zoom, h: (scene.h[i] as number) * cam.zoom };
}

function inside(r: { x: number; y: number; w: number; h: number }, vp: Viewport) {
  return r.x >= -0.01 && r.y >= -0.01 && r.x + r.w <= vp.width + 0.01 && r.y + r.h <= vp.height + 0.01;
}

describe("composeFirstView", () => {
  it("shows a small org whole at full-text size, no closer than 1:1", () => {
    const { scene, managers } = tree(3, 2);
    const vp = { width: 1000, height: 700 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id) });
    expect(v.levels).toBe(2);
    expect(v.legible).toBe(true);
    expect(v.camera.zoom).toBe(1);
    for (let i = 0; i < scene.ids.length; i++) expect(inside(onScreen(scene, i, v.camera), vp)).toBe(true);
  });

  it("shows the whole chart when its names can be read, even below full-text size", () => {
    const { scene, managers } = tree(3, 3);
    const vp = { width: 1280, height: 700 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id) });
    expect(v.levels).toBe(3);
    expect(v.camera.zoom).toBeLessThan(fullTextZoom(W, H));
    expect(v.camera.zoom).toBeGreaterThanOrEqual(nameTextZoom(W, H));
    for (let i = 0; i < scene.ids.length; i++) expect(inside(onScreen(scene, i, v.camera), vp)).toBe(true);
  });

  it("a deep org opens at its top with as many whole levels as fit at full-text size", () => {
    const { scene, managers } = tree(3, 5);
    const vp = { width: 1200, height: 700 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id) });
    expect(v.legible).toBe(true);
    expect(v.camera.zoom).toBeGreaterThanOrEqual(fullTextZoom(W, H));
    expect(v.levels).toBeGreaterThanOrEqual(2);
    expect(v.levels).toBeLessThan(5);
    const level = sceneLevels(scene, (id) => managers.get(id));
    for (let i = 0; i < scene.ids.length; i++) {
      if ((level[i] as number) < v.levels) expect(inside(onScreen(scene, i, v.camera), vp)).toBe(true);
    }
  });

  it("leaves the reserved corner free of the levels it composes", () => {
    const { scene, managers } = tree(4, 2);
    const vp = { width: 1200, height: 500 };
    const reserve = { width: 230, height: 160 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id), reserve });
    const corner = { x: vp.width - reserve.width, y: vp.height - reserve.height };
    for (let i = 0; i < scene.ids.length; i++) {
      const r = onScreen(scene, i, v.camera);
      expect(inside(r, vp)).toBe(true);
      const overlaps = r.x + r.w > corner.x && r.y + r.h > corner.y;
      expect(overlaps).toBe(false);
    }
  });

  it("prefers a view whose minimap corner no card reaches, deeper levels included", () => {
    // A root over four reports; under the last report one person, and under the first 39 people far to the left
    // (so the whole chart is too wide to read and the view composes the top two levels).
    const ids = [1, 2, 3, 4, 5, 6], x = [-110, -520, -260, 0, 260, 260], y = [0, 144, 144, 144, 144, 288];
    const managers = new Map<number, number | null>([[1, null], [2, 1], [3, 1], [4, 1], [5, 1], [6, 5]]);
    for (let k = 0; k < 39; k++) { ids.push(100 + k); x.push(-12_000 + k * 260); y.push(288); managers.set(100 + k, 2); }
    const scene: ChartScene = { ids, x, y, w: ids.map(() => W), h: ids.map(() => H), connectors: [], bounds: { x: -12_000, y: 0, w: 12_480, h: 372 } };
    const vp = { width: 1100, height: 460 };
    const reserve = { width: 200, height: 140 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id), reserve });
    expect(v.levels).toBe(2);
    const corner = { x: vp.width - reserve.width, y: vp.height - reserve.height, w: reserve.width, h: reserve.height };
    for (let i = 0; i < scene.ids.length; i++) {
      const r = onScreen(scene, i, v.camera);
      const overlaps = r.x < corner.x + corner.w && r.x + r.w > corner.x && r.y < corner.y + corner.h && r.y + r.h > corner.y;
      expect(overlaps, `card ${scene.ids[i]} at ${JSON.stringify(r)}`).toBe(false);
    }
    for (let i = 0; i < 5; i++) expect(inside(onScreen(scene, i, v.camera), vp)).toBe(true);
  });

  it("keeps the root and every direct report on screen when their row is wide, never below the name-only zoom", () => {
    const { scene, managers } = tree(12, 3);
    const vp = { width: 1024, height: 600 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id) });
    expect(v.levels).toBe(2);
    expect(v.reportsShown).toBe(true);
    expect(v.camera.zoom).toBeGreaterThanOrEqual(nameTextZoom(W, H));
    const level = sceneLevels(scene, (id) => managers.get(id));
    for (let i = 0; i < scene.ids.length; i++) {
      if ((level[i] as number) < 2) expect(inside(onScreen(scene, i, v.camera), vp)).toBe(true);
    }
  });

  it("a row too wide even for names is shown whole below the name-only zoom: no direct report is off screen", () => {
    const { scene, managers } = tree(60, 2);
    const vp = { width: 800, height: 600 };
    const reserve = { width: 200, height: 140 };
    const v = composeFirstView(scene, vp, { managerOf: (id) => managers.get(id), reserve });
    expect(v.camera.zoom).toBeLessThan(nameTextZoom(W, H));
    expect(v.reportsShown).toBe(false);
    expect(v.legible).toBe(false);
    const corner = { x: vp.width - reserve.width, y: vp.height - reserve.height, w: reserve.width, h: reserve.height };
    for (let i = 0; i < scene.ids.length; i++) {
      const r = onScreen(scene, i, v.camera);
      expect(inside(r, vp), `card ${scene.ids[i]} at ${JSON.stringify(r)}`).toBe(true);
      expect(r.y + r.h <= corner.y || r.x + r.w <= corner.x, `card ${scene.ids[i]} is clear of the minimap`).toBe(true);
    }
  });

  it("an empty chart or an empty view gives the identity camera", () => {
    const { scene } = tree(0, 1);
    expect(composeFirstView({ ...scene, ids: [], x: [], y: [], w: [], h: [] }, { width: 800, height: 600 }).camera).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(composeFirstView(scene, { width: 0, height: 0 }).camera).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});

describe("sceneLevels", () => {
  it("counts levels from the top of each tree, and cuts a loop where the walk meets itself", () => {
    const scene: ChartScene = { ids: [1, 2, 3, 4, 5], x: [0, 0, 0, 0, 0], y: [0, 1, 2, 0, 1], w: [1, 1, 1, 1, 1], h: [1, 1, 1, 1, 1], connectors: [], bounds: { x: 0, y: 0, w: 1, h: 3 } };
    const m = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 5], [5, 4]]);
    const level = Array.from(sceneLevels(scene, (id) => m.get(id)));
    expect(level.slice(0, 3)).toEqual([0, 1, 2]);
    expect(level.every((l) => l >= 0)).toBe(true);
  });

  it("uses the scene's rows without managers", () => {
    const scene: ChartScene = { ids: [1, 2, 3], x: [0, 0, 5], y: [10, 50, 50], w: [1, 1, 1], h: [1, 1, 1], connectors: [], bounds: { x: 0, y: 10, w: 6, h: 41 } };
    expect(Array.from(sceneLevels(scene))).toEqual([0, 1, 1]);
  });
});
