import { describe, expect, it } from "vitest";
import { syntheticScene, rng } from "../testing/demo/syntheticScene";
import { visibleWorldRect, type Camera } from "./camera";
import { cullScene, makeCullBuffers } from "./cull";
import { connectorBoxes } from "./scene";
import { GridIndex } from "./spatialIndex";

describe("cullScene", () => {
  const { scene } = syntheticScene(5000, { seed: 3 });
  const cards = new GridIndex(scene);
  const boxes = connectorBoxes(scene.connectors);
  const connectors = new GridIndex(boxes);
  const vp = { width: 1600, height: 1000 };

  function brute(cam: Camera, marginPx: number) {
    const r = visibleWorldRect(cam, vp);
    const m = marginPx / cam.zoom;
    const x0 = r.x - m, y0 = r.y - m, x1 = r.x + r.w + m, y1 = r.y + r.h + m;
    const hit = (x: number, y: number, w: number, h: number) => !(x > x1 || y > y1 || x + w < x0 || y + h < y0);
    const c: number[] = [], k: number[] = [];
    for (let i = 0; i < scene.ids.length; i++) if (hit(scene.x[i] as number, scene.y[i] as number, scene.w[i] as number, scene.h[i] as number)) c.push(i);
    for (let i = 0; i < scene.connectors.length; i++) if (hit(boxes.x[i] as number, boxes.y[i] as number, boxes.w[i] as number, boxes.h[i] as number)) k.push(i);
    return { c, k };
  }

  it("chooses exactly the cards and connectors touching the viewport, at many cameras", () => {
    const r = rng(17);
    const bufs = makeCullBuffers(cards, connectors);
    for (let t = 0; t < 100; t++) {
      const zoom = [0.003, 0.05, 0.3, 0.6, 1, 2.5][t % 6] as number;
      const cam = { x: r() * scene.bounds.w - 800 / zoom, y: r() * scene.bounds.h - 500 / zoom, zoom };
      const res = cullScene(cards, connectors, cam, vp, 4, bufs);
      const b = brute(cam, 4);
      expect(Array.from(res.cards)).toEqual(b.c);
      expect(Array.from(res.connectors)).toEqual(b.k);
    }
  });

  it("a full zoom-out sees everything; a camera in empty space sees nothing", () => {
    const all = cullScene(cards, connectors, { x: -10, y: -10, zoom: 1500 / scene.bounds.w / 2 }, vp, 0);
    expect(all.cards.length).toBe(scene.ids.length);
    const none = cullScene(cards, connectors, { x: -1e6, y: -1e6, zoom: 1 }, vp, 0);
    expect(none.cards.length + none.connectors.length).toBe(0);
  });

  it("the margin brings in cards just off screen", () => {
    // Put the left screen edge 2 CSS px right of card 0's right edge.
    const zoom = 1;
    const cam = { x: (scene.x[0] as number) + (scene.w[0] as number) + 2, y: scene.y[0] as number, zoom };
    expect(Array.from(cullScene(cards, connectors, cam, vp, 0).cards)).not.toContain(0);
    expect(Array.from(cullScene(cards, connectors, cam, vp, 4).cards)).toContain(0);
  });
});
