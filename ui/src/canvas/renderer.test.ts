import { describe, expect, it } from "vitest";
import { syntheticScene } from "../testing/demo/syntheticScene";
import { centerOn, fitBounds, visibleWorldRect } from "./camera";
import { ChartRenderer, type FrameScheduler } from "./renderer";
import { fakeCanvas } from "./testing/fakeCanvas";

function make() {
  const { canvas, calls } = fakeCanvas();
  const queued: (() => void)[] = [];
  const scheduler: FrameScheduler = { request: (cb) => queued.push(cb), cancel: () => {} };
  const r = new ChartRenderer(canvas, { scheduler, measure: (t) => t.length * 7 });
  const { scene, content, org } = syntheticScene(3000, { seed: 9, collapseDepth: 4 });
  r.setViewportSize(1600, 1000, 2);
  r.setScene(scene, content);
  return { r, calls, queued, scene, content, org, canvas };
}

describe("ChartRenderer", () => {
  it("draws once per frame however many changes arrive, and only when dirty", () => {
    const { r, queued } = make();
    r.setCamera({ x: 10, y: 0, zoom: 1 });
    r.setCamera({ x: 20, y: 0, zoom: 1 });
    r.setHighlights({ selected: new Set([1]) });
    expect(queued.length).toBe(1);
    let frames = 0;
    const r2 = r as unknown as { renderNow: () => unknown };
    const orig = r2.renderNow.bind(r);
    r2.renderNow = () => { frames++; return orig(); };
    queued.shift()?.();
    expect(frames).toBe(1);
    expect(queued.length).toBe(0);
  });

  it("sizes the backing store in device pixels", () => {
    const { canvas } = make();
    expect(canvas.width).toBe(3200);
    expect(canvas.height).toBe(2000);
  });

  it("draws names only for visible full-detail cards", () => {
    const { r, calls, scene, content } = make();
    r.setCamera({ x: scene.bounds.w / 2, y: 0, zoom: 1 });
    calls.length = 0;
    const stats = r.renderNow();
    expect(stats.lodCounts.full).toBe(stats.cards);
    const view = visibleWorldRect(r.camera, r.viewport);
    const expected = new Set<string>();
    for (let i = 0; i < scene.ids.length; i++) {
      const x = scene.x[i] as number, y = scene.y[i] as number;
      if (x + (scene.w[i] as number) >= view.x - 6 && x <= view.x + view.w + 6 && y + (scene.h[i] as number) >= view.y - 6 && y <= view.y + view.h + 6) {
        expected.add(content.get(scene.ids[i] as number)?.name ?? "");
      }
    }
    const drawn = new Set(calls.filter((c) => c.name === "fillText").map((c) => String(c.args[0]).replace(/\u2026$/, "")));
    for (const name of expected) expect([...drawn].some((d) => name.startsWith(d))).toBe(true);
    expect(stats.cards).toBeGreaterThan(0);
    expect(stats.cards).toBeLessThan(scene.ids.length);
  });

  it("draws a card's line of custom fields under its title, in the fields' font, and none for cards without", () => {
    const { r, calls, scene, content } = make();
    const id = scene.ids[0] as number;
    const first = content.get(id);
    if (!first) throw new Error("the synthetic chart has content for its first card");
    r.setContent({ get: (k) => (k === id ? { ...first, fields: "Berlin · L3" } : content.get(k)) });
    r.setCamera(centerOn({ x: 0, y: 0, zoom: 1 }, (scene.x[0] as number) + 110, (scene.y[0] as number) + 42, r.viewport));
    calls.length = 0;
    r.renderNow();
    const drawn = calls.filter((c) => c.name === "fillText" && c.args[0] === "Berlin · L3");
    expect(drawn.map((c) => c.args.slice(1))).toEqual([[(scene.x[0] as number) + 19, (scene.y[0] as number) + 62]]);
    const font = calls.slice(0, calls.indexOf(drawn[0] as (typeof calls)[number])).filter((c) => c.name === "set:font").at(-1);
    expect(font?.args[0]).toMatch(/^11px /);
    expect(calls.filter((c) => c.name === "fillText" && String(c.args[0]).includes("·")).length).toBe(1);
  });

  it("zoomed far out draws blocks and no text", () => {
    const { r, calls, scene } = make();
    r.setCamera(fitBounds(scene.bounds, r.viewport));
    calls.length = 0;
    const stats = r.renderNow();
    expect(stats.lodCounts.block).toBe(scene.ids.length);
    expect(calls.some((c) => c.name === "fillText")).toBe(false);
  });

  it("marks open positions and collapsed cards at full detail", () => {
    const { r, calls, scene, content } = make();
    let open = -1, collapsed = -1;
    for (let i = 0; i < scene.ids.length && (open < 0 || collapsed < 0); i++) {
      const c = content.get(scene.ids[i] as number);
      if (c?.isOpenPosition && open < 0) open = i;
      if (c && c.collapsedCount > 0 && collapsed < 0) collapsed = i;
    }
    expect(open).toBeGreaterThanOrEqual(0);
    expect(collapsed).toBeGreaterThanOrEqual(0);
    for (const i of [open, collapsed]) {
      r.setCamera({ x: (scene.x[i] as number) - 100, y: (scene.y[i] as number) - 100, zoom: 1 });
      calls.length = 0;
      r.renderNow();
      const texts = calls.filter((c) => c.name === "fillText").map((c) => c.args[0]);
      if (i === open) {
        expect(texts).toContain("Open");
        expect(calls.some((c) => c.name === "setLineDash" && (c.args[0] as number[]).length > 0)).toBe(true);
      } else {
        expect(texts).toContain(`+${content.get(scene.ids[i] as number)?.collapsedCount}`);
      }
    }
  });

  it("keeps +N on collapsed cards at the name-only level", () => {
    const { r, calls, scene, content } = make();
    let i = 0;
    while (!(content.get(scene.ids[i] as number)?.collapsedCount ?? 0)) i++;
    r.setCamera({ x: (scene.x[i] as number) - 100, y: (scene.y[i] as number) - 100, zoom: 0.45 });
    calls.length = 0;
    const stats = r.renderNow();
    expect(stats.lodCounts.name).toBe(stats.cards);
    expect(calls.filter((c) => c.name === "fillText").map((c) => c.args[0])).toContain(`+${content.get(scene.ids[i] as number)?.collapsedCount}`);
  });

  it("draws every highlight state and the refusal reason without invalid coordinates", () => {
    const { r, calls, scene } = make();
    const id = (i: number) => scene.ids[i] as number;
    r.setCamera({ x: (scene.x[0] as number) - 200, y: -50, zoom: 1 });
    r.setHighlights({
      selected: new Set([id(0)]),
      searchHits: new Set([id(1)]),
      searchChain: new Set([id(0)]),
      dropTarget: { id: id(1), ok: false, reason: "would make a loop" },
      drag: { id: id(2), dx: 30, dy: 40 },
    });
    calls.length = 0;
    r.renderNow();
    expect(calls.filter((c) => c.name === "fillText").map((c) => c.args[0])).toContain("would make a loop");
    for (const c of calls) for (const a of c.args) if (typeof a === "number") expect(Number.isFinite(a)).toBe(true);
  });

  it("hit-tests in screen space and skips the dragged card", () => {
    const { r, scene } = make();
    r.setCamera({ x: 0, y: 0, zoom: 0.5 });
    const i = 0;
    const sx = ((scene.x[i] as number) + 10) * 0.5, sy = ((scene.y[i] as number) + 10) * 0.5;
    expect(r.hitTest(sx, sy)).toBe(scene.ids[i]);
    expect(r.hitTest(sx, sy, scene.ids[i] as number)).toBeNull();
    expect(r.hitTest(-50, -50)).toBeNull();
  });

  it("rejects a scene with ragged columns", () => {
    const { r, scene, content } = make();
    expect(() => r.setScene({ ...scene, x: [1, 2] }, content)).toThrow(/scene.x/);
  });

  it("writes many tiny cards as pixels instead of paths", () => {
    const { canvas, calls } = fakeCanvas();
    const r = new ChartRenderer(canvas, { scheduler: { request: () => 0, cancel: () => {} }, measure: (t) => t.length * 7 });
    const { scene, content } = syntheticScene(20000, { seed: 1 });
    r.setViewportSize(1600, 1000, 1);
    r.setScene(scene, content);
    // Zoomed out to a third of fit-to-screen: the whole org is on screen, every card under 3 px.
    const b = scene.bounds;
    r.setCamera(centerOn({ x: 0, y: 0, zoom: fitBounds(b, r.viewport).zoom / 3 }, b.x + b.w / 2, b.y + b.h / 2, r.viewport));
    calls.length = 0;
    const stats = r.renderNow();
    expect(stats.cards).toBe(20000);
    expect(calls.filter((c) => c.name === "putImageData").length).toBe(1);
    expect(calls.filter((c) => c.name === "rect").length).toBeLessThan(100);
  });
});
