import { describe, expect, it } from "vitest";
import { centerOn, clampCamera, clampZoom, fitBounds, zoomLimitsFor, panBy, screenToWorld, visibleWorldRect, wheelZoomFactor, worldToScreen, zoomAt } from "./camera";

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe("camera", () => {
  it("screen and world conversions are inverse", () => {
    const cam = { x: 120, y: -40, zoom: 0.37 };
    const w = screenToWorld(cam, 300, 200);
    const s = worldToScreen(cam, w.x, w.y);
    close(s.x, 300);
    close(s.y, 200);
    expect(worldToScreen(cam, 120, -40)).toEqual({ x: 0, y: 0 });
  });

  it("pans so content follows the pointer", () => {
    const cam = { x: 0, y: 0, zoom: 2 };
    const before = worldToScreen(cam, 50, 50);
    const after = worldToScreen(panBy(cam, 30, -10), 50, 50);
    close(after.x - before.x, 30);
    close(after.y - before.y, -10);
  });

  it("zooms about a point, keeping the world point under it fixed", () => {
    const cam = { x: 10, y: 20, zoom: 1 };
    const anchor = screenToWorld(cam, 400, 300);
    const z = zoomAt(cam, 400, 300, 2.5);
    expect(z.zoom).toBe(2.5);
    const s = worldToScreen(z, anchor.x, anchor.y);
    close(s.x, 400);
    close(s.y, 300);
  });

  it("clamps zoom to limits and keeps the anchor when clamped", () => {
    const limits = { min: 0.1, max: 2 };
    expect(clampZoom(5, limits)).toBe(2);
    expect(clampZoom(0.01, limits)).toBe(0.1);
    expect(clampZoom(Number.NaN, limits)).toBe(0.1);
    const cam = { x: 0, y: 0, zoom: 1.5 };
    const anchor = screenToWorld(cam, 100, 100);
    const z = zoomAt(cam, 100, 100, 10, limits);
    expect(z.zoom).toBe(2);
    close(worldToScreen(z, anchor.x, anchor.y).x, 100);
  });

  it("wheel zoom in and out by equal amounts cancels", () => {
    close(wheelZoomFactor(120) * wheelZoomFactor(-120), 1);
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
  });

  it("fits bounds centred inside the padded viewport", () => {
    const vp = { width: 1000, height: 500 };
    const b = { x: 100, y: 100, w: 2000, h: 400 };
    const cam = fitBounds(b, vp, 20);
    close(cam.zoom, (1000 - 40) / 2000);
    const r = visibleWorldRect(cam, vp);
    close(r.x + r.w / 2, b.x + b.w / 2);
    close(r.y + r.h / 2, b.y + b.h / 2);
    expect(r.x).toBeLessThanOrEqual(b.x);
    expect(r.x + r.w).toBeGreaterThanOrEqual(b.x + b.w);
  });

  it("fits degenerate bounds without NaN", () => {
    const cam = fitBounds({ x: 5, y: 5, w: 0, h: 0 }, { width: 800, height: 600 });
    expect(cam.zoom).toBe(1);
    expect(Number.isFinite(cam.x) && Number.isFinite(cam.y)).toBe(true);
  });

  it("centres on a world point", () => {
    const vp = { width: 800, height: 600 };
    const cam = centerOn({ x: 0, y: 0, zoom: 0.5 }, 1000, 2000, vp);
    const s = worldToScreen(cam, 1000, 2000);
    close(s.x, 400);
    close(s.y, 300);
  });

  it("clampCamera keeps some content on screen after a fling", () => {
    const b = { x: 0, y: 0, w: 10000, h: 1000 };
    const vp = { width: 800, height: 600 };
    const far = clampCamera({ x: 1e6, y: -1e6, zoom: 1 }, b, vp, 64);
    const r = visibleWorldRect(far, vp);
    expect(b.x + b.w - r.x).toBeCloseTo(64, 6); // 64 px of content still visible on the left edge
    expect(r.y + r.h - b.y).toBeCloseTo(64, 6);
    const inside = { x: 500, y: 100, zoom: 1 };
    expect(clampCamera(inside, b, vp)).toEqual(inside);
  });

  it("zoom limits always let a very wide chart fit on screen", () => {
    const vp = { width: 1600, height: 1000 };
    const wide = { x: 0, y: 0, w: 6_000_000, h: 2_000 };
    const l = zoomLimitsFor(wide, vp);
    expect(l.min).toBeLessThan(fitBounds(wide, vp, 24, { min: 0, max: 4 }).zoom);
    expect(zoomLimitsFor({ x: 0, y: 0, w: 1000, h: 1000 }, vp).min).toBe(0.002);
  });
});
