import { describe, expect, it } from "vitest";
import type { AreaEffort } from "../bindings";
import { effortLine, parseTarget } from "./direction";

const effort = (share: number, total: number, planned = 0): AreaEffort => ({
  area: 1, owned: total, contributed: 0, planned, total, total_planned: planned, share, contributing_units: 0,
});

describe("the target share as typed", () => {
  it("clears the target when the field is blank", () => {
    expect(parseTarget("  ")).toEqual({ ok: true, value: null });
  });
  it("accepts a percentage with or without the sign and a decimal comma", () => {
    expect(parseTarget("12.5 %")).toEqual({ ok: true, value: 12.5 });
    expect(parseTarget("7,5")).toEqual({ ok: true, value: 7.5 });
  });
  it("refuses what is not a number from 0 to 100", () => {
    expect(parseTarget("120").ok).toBe(false);
    expect(parseTarget("-1").ok).toBe(false);
    expect(parseTarget("lots").ok).toBe(false);
  });
});

describe("the actual-against-target line", () => {
  it("shows the share, the FTE and the gap in points", () => {
    expect(effortLine(effort(14.24, 16), 12)).toBe("14.2% of the effort (16 FTE) · target 12% (+2.2 pts)");
  });
  it("shows a shortfall as negative points and counts planned hires apart", () => {
    expect(effortLine(effort(3, 2.5, 1), 10)).toBe("3% of the effort (2.5 FTE, 1 planned) · target 10% (-7 pts)");
  });
  it("shows only the actual share without a target, and only the target before the figures arrive", () => {
    expect(effortLine(effort(5, 4), null)).toBe("5% of the effort (4 FTE)");
    expect(effortLine(undefined, 20)).toBe("Target 20%");
  });
});
