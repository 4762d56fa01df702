import { describe, expect, it } from "vitest";
import { minimapToWorld, minimapTransform, viewportOnMinimap } from "./minimap";

describe("minimap maths", () => {
  const bounds = { x: 100, y: 50, w: 10_000, h: 2_000 };
  const size = { width: 220, height: 150 };
  const t = minimapTransform(bounds, size, 4);

  it("fits the chart inside the padded minimap, centred", () => {
    expect(t.scale).toBeCloseTo(212 / 10_000, 12);
    const tl = { x: (bounds.x - t.bx) * t.scale + t.ox, y: (bounds.y - t.by) * t.scale + t.oy };
    expect(tl.x).toBeCloseTo(4, 9);
    expect(tl.y).toBeCloseTo((150 - 2_000 * t.scale) / 2, 9);
  });

  it("maps minimap clicks back to world points", () => {
    const w = minimapToWorld(t, t.ox + 106, t.oy + 10);
    expect(w.x).toBeCloseTo(bounds.x + 106 / t.scale, 6);
    expect(w.y).toBeCloseTo(bounds.y + 10 / t.scale, 6);
  });

  it("outlines the visible world rectangle", () => {
    const r = viewportOnMinimap(t, { x: 100, y: 50, zoom: 0.5 }, { width: 1600, height: 1000 });
    expect(r.x).toBeCloseTo(t.ox, 9);
    expect(r.w).toBeCloseTo(3200 * t.scale, 9);
    expect(r.h).toBeCloseTo(2000 * t.scale, 9);
  });
});
