import { describe, expect, it } from "vitest";
import type { OrgChartScene, OrgRecords } from "../bindings";
import { ScenarioCache } from "./scenarioCache";

const records: OrgRecords = { persons: [], dotted_lines: [], units: [], memberships: [], areas: [], contributors: [], interactions: [], placements: [] };
const scene: OrgChartScene = { ids: [], x: [], y: [], w: [], h: [], connectors: [], bounds: { x: 0, y: 0, w: 0, h: 0 }, cards: [], stubs: [] };

describe("ScenarioCache", () => {
  it("gives back a kept scenario only at the revision it was kept at", () => {
    const c = new ScenarioCache();
    c.keep(2, { revision: 7, records, scene });
    expect(c.revisionOf(2)).toBe(7);
    expect(c.at(2, 7)?.scene).toBe(scene);
    expect(c.at(2, 8)).toBeNull();
    expect(c.at(3, 7)).toBeNull();
  });

  it("forgets the scenario left longest ago beyond its limit", () => {
    const c = new ScenarioCache(2);
    c.keep(1, { revision: 1, records, scene });
    c.keep(2, { revision: 1, records, scene });
    c.keep(1, { revision: 2, records, scene });
    c.keep(3, { revision: 1, records, scene });
    expect([c.revisionOf(1), c.revisionOf(2), c.revisionOf(3)]).toEqual([2, null, 1]);
    c.clear();
    expect(c.revisionOf(1)).toBeNull();
  });
});
