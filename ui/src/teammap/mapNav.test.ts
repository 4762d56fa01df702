import { describe, expect, it } from "vitest";
import { TeamMapIndex } from "./mapIndex";
import { firstFocus, focusForSelection, focusInto, focusOut, focusRect, stepFocus } from "./mapNav";
import { nested } from "./testing/nestedScene";

// Unit indices in nested(): 0 Department ⊃ 1 Tribe ⊃ 2 Checkout; 3 Payments in Department; 4 Alone at the top.
const idx = () => new TeamMapIndex(nested());

describe("keyboard focus on the team map", () => {
  it("starts on the first top-level unit in reading order", () => {
    expect(firstFocus(idx())).toEqual({ kind: "unit", i: 0 });
  });

  it("steps right and left between units in the same group", () => {
    const m = idx();
    expect(stepFocus(m, { kind: "unit", i: 1 }, "right")).toEqual({ kind: "unit", i: 3 });
    expect(stepFocus(m, { kind: "unit", i: 3 }, "left")).toEqual({ kind: "unit", i: 1 });
    expect(stepFocus(m, { kind: "unit", i: 0 }, "right")).toEqual({ kind: "unit", i: 4 });
  });

  it("goes on to a unit outside the group when no sibling lies that way, never to its own container", () => {
    const m = idx();
    // Payments has no sibling to its right: Alone, at the top level, is next.
    expect(stepFocus(m, { kind: "unit", i: 3 }, "right")).toEqual({ kind: "unit", i: 4 });
    // Checkout is alone in the Tribe and inside the Department: left of it there is nothing else.
    expect(stepFocus(m, { kind: "unit", i: 2 }, "left")).toBeNull();
  });

  it("goes into a group, then into a team's chips, and back out", () => {
    const m = idx();
    expect(focusInto(m, { kind: "unit", i: 0 })).toEqual({ kind: "unit", i: 1 });
    expect(focusInto(m, { kind: "unit", i: 1 })).toEqual({ kind: "unit", i: 2 });
    expect(focusInto(m, { kind: "unit", i: 2 })).toEqual({ kind: "chip", k: 0 });
    expect(focusInto(m, { kind: "chip", k: 0 })).toBeNull();
    expect(focusOut(m, { kind: "chip", k: 1 })).toEqual({ kind: "unit", i: 2 });
    expect(focusOut(m, { kind: "unit", i: 2 })).toEqual({ kind: "unit", i: 1 });
    expect(focusOut(m, { kind: "unit", i: 0 })).toBeNull();
  });

  it("steps between the chips of one team before leaving it", () => {
    const m = idx();
    expect(stepFocus(m, { kind: "chip", k: 0 }, "down")).toEqual({ kind: "chip", k: 1 });
    expect(stepFocus(m, { kind: "chip", k: 1 }, "up")).toEqual({ kind: "chip", k: 0 });
    expect(stepFocus(m, { kind: "chip", k: 0 }, "right")).toEqual({ kind: "chip", k: 2 });
  });

  it("follows a selection made elsewhere, keeping the chip it is on when that person stays selected", () => {
    const m = idx();
    expect(focusForSelection(m, null, new Set(), new Set([4]))).toEqual({ kind: "unit", i: 3 });
    expect(focusForSelection(m, null, new Set([10]), new Set())).toEqual({ kind: "chip", k: 0 });
    expect(focusForSelection(m, { kind: "chip", k: 3 }, new Set([10]), new Set())).toEqual({ kind: "chip", k: 3 });
    expect(focusForSelection(m, { kind: "unit", i: 0 }, new Set(), new Set())).toBeNull();
  });

  it("rings the focused unit or chip", () => {
    const m = idx();
    expect(focusRect(m, { kind: "unit", i: 3 })).toEqual({ x: 300, y: 30, w: 80, h: 80 });
    expect(focusRect(m, { kind: "chip", k: 2 })).toEqual({ x: 305, y: 60, w: 70, h: 28 });
  });
});
