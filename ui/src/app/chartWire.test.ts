import { describe, expect, it } from "vitest";
import type { OrgChartScene, OrgChartWire } from "../bindings";
import { parityFixture } from "../testing/parityFixture";
import { sceneFromWire } from "./chartWire";

const wire: OrgChartWire = {
  ids: [1, 2, 3],
  x: [0, -120.5, 120.5],
  y: [0, 140, 140],
  w: [220, 220, 220],
  h: [84, 84, 84],
  bounds: { x: -230.5, y: 0, w: 461, h: 224 },
  lineFrom: [1, 1, 3],
  lineTo: [2, 3, 2],
  lineLengths: [8, 4, 6],
  linePoints: [0, 84, 0, 112, -10, 112, -10, 140, 0, 84, 10, 140, 10, 140, 5, 150, 0, 150],
  dottedLines: [2],
  names: ["Ada", "Staff Engineer", "Cy"],
  titles: ["CEO", "Open position", "Engineer"],
  titleOf: [0, 1, 2],
  openPositions: [1],
  collapsedCards: [2],
  collapsedCounts: [4],
  colourSets: [[], ["#3d5a80"]],
  coloursOf: [0, 1, 1],
  stubs: [],
};

describe("sceneFromWire", () => {
  it("rebuilds every card and line from the columns", () => {
    const scene: OrgChartScene = sceneFromWire(wire);
    expect(scene.cards).toEqual([
      { name: "Ada", title: "CEO", isOpenPosition: false, collapsedCount: 0, teamColours: [] },
      { name: "Staff Engineer", title: "Open position", isOpenPosition: true, collapsedCount: 0, teamColours: ["#3d5a80"] },
      { name: "Cy", title: "Engineer", isOpenPosition: false, collapsedCount: 4, teamColours: ["#3d5a80"] },
    ]);
    expect(scene.connectors).toEqual([
      { from: 1, to: 2, points: [0, 84, 0, 112, -10, 112, -10, 140], dotted: false },
      { from: 1, to: 3, points: [0, 84, 10, 140], dotted: false },
      { from: 3, to: 2, points: [10, 140, 5, 150, 0, 150], dotted: true },
    ]);
    expect([scene.ids, scene.x, scene.y, scene.w, scene.h, scene.bounds]).toEqual([wire.ids, wire.x, wire.y, wire.w, wire.h, wire.bounds]);
  });

  it("refuses columns that do not line up instead of drawing a partial chart", () => {
    expect(() => sceneFromWire({ ...wire, names: ["Ada"] })).toThrow(/card columns/);
    expect(() => sceneFromWire({ ...wire, lineLengths: [8, 4, 4] })).toThrow(/coordinates/);
  });

  it("decodes an empty chart", () => {
    const empty = sceneFromWire({ ...wire, ids: [], x: [], y: [], w: [], h: [], lineFrom: [], lineTo: [], lineLengths: [], linePoints: [], dottedLines: [], names: [], titleOf: [], openPositions: [], collapsedCards: [], collapsedCounts: [], coloursOf: [] });
    expect(empty.cards).toEqual([]);
    expect(empty.connectors).toEqual([]);
  });
});

describe("sceneFromWire on the back end's own columns", () => {
  // Both written by crates/scene/src/wire.rs from a small generated org: the columns as the app sends them and
  // the scene they were made from.
  const wire = parityFixture<OrgChartWire>("chart-wire.json");
  const expected = parityFixture<OrgChartScene>("chart-scene.json");

  it("decodes the columns the back end writes into the scene it wrote them from", () => {
    expect(expected.connectors.some((c) => c.dotted)).toBe(true);
    expect(expected.cards.some((c) => c.isOpenPosition)).toBe(true);
    expect(expected.cards.some((c) => c.collapsedCount > 0)).toBe(true);
    expect(sceneFromWire(wire)).toEqual(expected);
  });
});
