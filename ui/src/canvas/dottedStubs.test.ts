import { describe, expect, it } from "vitest";
import { drawStubs, hiddenRoutes, shownRoutes, stubbedLines, type Stub } from "./dottedStubs";
import type { TextCache } from "./lod";
import type { Theme } from "./theme";

const stub = (line: number, at: number, other: number, to: boolean): Stub => ({
  line, at, other, to, points: [0, 0, 0, 20, 16, 20], label: to ? `dotted to ${other}` : `dotted from ${other}`,
  labelX: 19, labelY: to ? 16 : 33, labelLeftward: to,
});
// Line 4 joins 1 (manager) and 2 (report); line 7 joins 3 and 5.
const stubs = [stub(4, 1, 2, false), stub(4, 2, 1, true), stub(7, 3, 5, false), stub(7, 5, 3, true)];

describe("dotted-line stubs", () => {
  it("hide every distant route until one of its cards is selected or hovered", () => {
    expect([...stubbedLines(stubs)].sort()).toEqual([4, 7]);
    const none = shownRoutes(stubs, new Set(), null);
    expect([...hiddenRoutes(stubs, none)].sort()).toEqual([4, 7]);
    const selected = shownRoutes(stubs, new Set([2]), null);
    expect([...selected]).toEqual([4]);
    expect([...hiddenRoutes(stubs, selected)]).toEqual([7]);
    expect([...shownRoutes(stubs, new Set(), 3)]).toEqual([7]);
  });

  it("set each label where the scene placed it, ending there when it runs left", () => {
    const written: [string, number, number][] = [];
    const noop = () => {};
    const ctx = { beginPath: noop, moveTo: noop, lineTo: noop, stroke: noop, setLineDash: noop, fillText: (t: string, x: number, y: number) => written.push([t, x, y]) };
    const text = { fit: (t: string) => t, width: (t: string) => t.length * 6 } as unknown as TextCache;
    const theme = { dottedConnector: "#888", badgeFont: "11px sans-serif" } as unknown as Theme;
    drawStubs(ctx as unknown as CanvasRenderingContext2D, stubs.slice(0, 2), new Set(), theme, text, 1);
    expect(written).toEqual([["dotted from 2", 19, 33], ["dotted to 1", 19 - 11 * 6, 16]]);
  });
});
