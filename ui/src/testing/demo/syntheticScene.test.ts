import { describe, expect, it } from "vitest";
import { assertSceneShape } from "../../canvas/scene";
import { GridIndex } from "../../canvas/spatialIndex";
import { devApplyDrop, devCanDrop, isWithin } from "./devEdits";
import { generateOrg, layoutOrg, orgContent, syntheticScene } from "./syntheticScene";

describe("synthetic org", () => {
  it("is deterministic for a seed", () => {
    const a = syntheticScene(2000, { seed: 5 }), b = syntheticScene(2000, { seed: 5 });
    expect(Array.from(a.scene.x)).toEqual(Array.from(b.scene.x));
    expect(a.org.people.map((p) => p.name)).toEqual(b.org.people.map((p) => p.name));
    expect(syntheticScene(2000, { seed: 6 }).org.people.map((p) => p.name)).not.toEqual(a.org.people.map((p) => p.name));
  });

  it("lays out every card once, without overlaps, inside the bounds", () => {
    const { scene } = syntheticScene(5000, { seed: 2 });
    assertSceneShape(scene);
    expect(new Set(Array.from(scene.ids)).size).toBe(5000);
    const idx = new GridIndex(scene);
    for (let i = 0; i < scene.ids.length; i++) {
      const x = scene.x[i] as number, y = scene.y[i] as number, w = scene.w[i] as number, h = scene.h[i] as number;
      // Shrunk by 1 so neighbours touching at an edge do not count as overlapping.
      expect(Array.from(idx.queryRect(x + 1, y + 1, w - 2, h - 2))).toEqual([i]);
      expect(x >= scene.bounds.x && y >= scene.bounds.y && x + w <= scene.bounds.x + scene.bounds.w && y + h <= scene.bounds.y + scene.bounds.h).toBe(true);
    }
  });

  it("collapsing hides descendants and reports their count", () => {
    const org = generateOrg(3000, { seed: 4, collapseDepth: 2 });
    const scene = layoutOrg(org);
    const content = orgContent(org);
    expect(scene.ids.length).toBeLessThan(3000);
    let hidden = 0;
    for (const i of org.collapsed) hidden += content.get(i + 1)?.collapsedCount ?? 0;
    expect(scene.ids.length + hidden).toBe(3000);
  });
});

describe("dev edits", () => {
  const org = generateOrg(200, { seed: 8, openShare: 0 });

  it("refuses a move into one's own reporting line, with a reason", () => {
    const child = 10, grandManager = org.parent[org.parent[child] as number] as number;
    expect(isWithin(org, child, grandManager)).toBe(true);
    const v = devCanDrop(org, grandManager + 1, child + 1);
    expect(v.ok).toBe(false);
    expect(v.ok ? "" : v.reason).toMatch(/loop/);
    expect(devCanDrop(org, child + 1, 0 + 1).ok).toBe(true);
  });

  it("allows a drop on an open position, as the core and the app do", () => {
    const withOpen = generateOrg(200, { seed: 8, openShare: 0.5 });
    const open = withOpen.people.findIndex((p, i) => p.isOpenPosition && !isWithin(withOpen, i, 10));
    expect(open).toBeGreaterThanOrEqual(0);
    expect(devCanDrop(withOpen, 11, open + 1).ok).toBe(true);
    expect(devApplyDrop(withOpen, 11, open + 1, false).parent[10]).toBe(open);
  });

  it("moves a reporting line, or adds a dotted line with shift", () => {
    expect(org.parent[10]).not.toBe(5);
    const moved = devApplyDrop(org, 11, 6, false);
    expect(moved.parent[10]).toBe(5);
    expect(org.parent[10]).not.toBe(5);
    const dotted = devApplyDrop(org, 11, 3, true);
    expect(dotted.parent).toBe(org.parent);
    expect(dotted.dotted.at(-1)).toEqual([10, 2]);
  });
});
