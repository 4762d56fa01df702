import { describe, expect, it } from "vitest";
import type { OverTime, PeriodSide } from "../bindings";
import { money, pairChart, rowsOf, signed, valueOf } from "./overTimeModel";

const side = (headcount: number, planned: number, cost: number, planned_cost = 0): PeriodSide =>
  ({ headcount, planned, fte: headcount, cost, planned_cost });

const overTime: OverTime = {
  by: "quarter",
  reporting_currency: "EUR",
  periods: [
    { period: "2027-Q1", before: side(10, 0, 250_000), after: side(10, 0, 250_000) },
    { period: "2027-Q2", before: side(10, 0, 250_000), after: side(12, 2, 300_000, 40_000) },
  ],
  unconverted_before: 0,
  unconverted_after: 0,
};

describe("the compare view's headcount and cost per period", () => {
  it("reads headcount with the planned beside it and marks the periods that differ", () => {
    const rows = rowsOf(overTime, "headcount");
    expect(rows.map((r) => [r.period, r.before, r.after, r.difference, r.changed])).toEqual([
      ["2027-Q1", "10", "10", "0", false],
      ["2027-Q2", "10", "12 (+2)", "+2", true],
    ]);
  });

  it("counts cost with the planned hires in, in whole amounts", () => {
    expect(valueOf(overTime.periods[1]!.after, "cost")).toBe(340_000);
    const rows = rowsOf(overTime, "cost");
    expect(rows[1]).toMatchObject({ before: "250,000", after: "340,000", difference: "+90,000", changed: true });
    expect(money(1_250_000, true)).toBe("1.3M");
    expect(signed(-3)).toBe("−3");
  });

  it("scales both bars of every period to the largest figure", () => {
    const c = pairChart(overTime, "headcount", 200, 100);
    const room = c.floor - 14;
    expect(c.top).toBe(12);
    expect(c.bars[1]!.afterH).toBeCloseTo(room);
    expect(c.bars[0]!.beforeH).toBeCloseTo((room * 10) / 12);
    // Bars stay inside their period's slot.
    for (const [i, b] of c.bars.entries()) {
      expect(b.x).toBeGreaterThanOrEqual(i * 100);
      expect(b.x + 2 * b.barW + 2).toBeLessThanOrEqual((i + 1) * 100);
    }
  });
});
