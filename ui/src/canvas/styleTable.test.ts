import { describe, expect, it } from "vitest";
import { clipSegment } from "./drawCards";
import { buildStyleTable, FLAG_COLLAPSED, FLAG_OPEN, groupByColour } from "./styleTable";

describe("style table", () => {
  const scene = { ids: [1, 2, 3, 4], x: [0, 0, 0, 0], y: [0, 0, 0, 0], w: [1, 1, 1, 1], h: [1, 1, 1, 1], connectors: [], bounds: { x: 0, y: 0, w: 1, h: 1 } };
  const people = new Map([
    [1, { name: "a", title: "", isOpenPosition: false, collapsedCount: 0, teamColours: ["#f00"] }],
    [2, { name: "b", title: "", isOpenPosition: true, collapsedCount: 0, teamColours: [] }],
    [3, { name: "c", title: "", isOpenPosition: false, collapsedCount: 7, teamColours: ["#0f0", "#f00"] }],
    [4, { name: "d", title: "", isOpenPosition: false, collapsedCount: 0, teamColours: ["#f00"] }],
  ]);
  const t = buildStyleTable(scene, people, "#999");

  it("flags open and collapsed cards and interns first team colours", () => {
    expect(Array.from(t.flags)).toEqual([0, FLAG_OPEN, FLAG_COLLAPSED, 0]);
    expect(t.palette).toEqual(["#999", "#f00", "#0f0"]);
    expect(Array.from(t.colour)).toEqual([1, 0, 2, 1]);
  });

  it("groups cards by colour keeping draw order within a colour", () => {
    const out = new Uint32Array(4), starts = new Uint32Array(4);
    const s = groupByColour(Uint32Array.from([0, 1, 2, 3]), t, out, starts);
    expect(Array.from(s)).toEqual([0, 1, 3, 4]);
    expect(Array.from(out)).toEqual([1, 0, 3, 2]);
  });
});

describe("clipSegment", () => {
  const rec = () => {
    const pts: number[] = [];
    return { pts, ctx: { moveTo: (x: number, y: number) => { pts.push(x, y); }, lineTo: (x: number, y: number) => { pts.push(x, y); } } };
  };

  it("clips a long line to the view rectangle", () => {
    const r = rec();
    expect(clipSegment(r.ctx, -1000, 50, 5000, 50, 0, 0, 100, 100)).toBe(true);
    expect(r.pts).toEqual([0, 50, 100, 50]);
  });

  it("keeps a segment inside and drops one outside", () => {
    const r = rec();
    expect(clipSegment(r.ctx, 10, 10, 20, 30, 0, 0, 100, 100)).toBe(true);
    expect(r.pts).toEqual([10, 10, 20, 30]);
    expect(clipSegment(r.ctx, 200, 0, 300, 100, 0, 0, 100, 100)).toBe(false);
    expect(clipSegment(r.ctx, -10, -10, -10, 500, 0, 0, 100, 100)).toBe(false);
  });

  it("clips diagonals at both ends", () => {
    const r = rec();
    clipSegment(r.ctx, -50, -50, 150, 150, 0, 0, 100, 100);
    expect(r.pts).toEqual([0, 0, 100, 100]);
  });
});
