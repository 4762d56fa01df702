import { describe, expect, it } from "vitest";
import { MINIMAP_MARGIN, minimapReserve, minimapSize, minimapToWorld, minimapTransform, viewportOnMinimap } from "./minimap";

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

describe("minimap size", () => {
  it("takes about a fifth of the chart's width, 120 to 220 px at 3:2", () => {
    expect(minimapSize({ width: 1400, height: 800 })).toEqual({ width: 220, height: 150 });
    expect(minimapSize({ width: 700, height: 600 })).toEqual({ width: 140, height: 95 });
    expect(minimapSize({ width: 540, height: 400 })).toEqual({ width: 120, height: 82 });
  });

  it("gives way in a view too small to spare a corner, so it never covers a card centred there", () => {
    expect(minimapSize({ width: 500, height: 700 })).toBeNull();
    expect(minimapSize({ width: 900, height: 300 })).toBeNull();
    // Wherever it shows, the middle third of the view (where a centred card sits) is clear of it.
    for (const vp of [{ width: 520, height: 360 }, { width: 800, height: 500 }, { width: 1280, height: 700 }]) {
      const s = minimapSize(vp);
      if (!s) continue;
      expect(vp.width - MINIMAP_MARGIN - s.width).toBeGreaterThan((vp.width * 2) / 3 - 1);
      expect(vp.height - MINIMAP_MARGIN - s.height).toBeGreaterThan((vp.height * 1) / 2);
    }
  });

  it("reserves the minimap and its margins for the first view, nothing when hidden", () => {
    expect(minimapReserve({ width: 220, height: 150 })).toEqual({ width: 220 + 2 * MINIMAP_MARGIN, height: 150 + 2 * MINIMAP_MARGIN });
    expect(minimapReserve(null)).toBeNull();
  });
});
