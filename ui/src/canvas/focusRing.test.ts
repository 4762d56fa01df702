import { describe, expect, it } from "vitest";
import { focusRingRect } from "./focusRing";

describe("the canvas focus ring", () => {
  it("sits the same few screen pixels outside the item at any zoom", () => {
    expect(focusRingRect({ x: 0, y: 0, w: 100, h: 50 }, 1)).toEqual({ x: -5, y: -5, w: 110, h: 60 });
    expect(focusRingRect({ x: 0, y: 0, w: 100, h: 50 }, 0.5)).toEqual({ x: -10, y: -10, w: 120, h: 70 });
  });
});
