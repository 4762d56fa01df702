import { describe, expect, it } from "vitest";
import { hiddenRoutes, labelAnchor, shownRoutes, stubbedLines, type Stub } from "./dottedStubs";

const stub = (line: number, at: number, other: number, to: boolean): Stub => ({
  line, at, other, to, points: [0, 0, 0, 20, 16, 20], label: to ? `dotted to ${other}` : `dotted from ${other}`,
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

  it("put a label past the stub's outer end, ending there when the stub runs left", () => {
    expect(labelAnchor([0, 0, 0, 20, 16, 20])).toEqual({ x: 19, y: 16, leftward: false });
    expect(labelAnchor([0, 0, 0, 20, -16, 20])).toEqual({ x: -19, y: 16, leftward: true });
    expect(labelAnchor([0, 0, 0, 36])).toEqual({ x: 4, y: 46, leftward: false });
  });
});
