// Compare's "over time" section, apart from React: headcount and cost per period of both scenarios as table rows
// and as a small paired-bar chart (from side, to side) laid out in plain numbers.
import type { OverTime, PeriodShift, PeriodSide } from "../bindings";

export type Measure = "headcount" | "cost";

/** What one side counts for `measure`: people there, or the cost with planned hires in. */
export function valueOf(side: PeriodSide, measure: Measure): number {
  return measure === "headcount" ? side.headcount : (side.cost ?? 0) + (side.planned_cost ?? 0);
}

/** A whole amount with separators, or thousands/millions when `short`. */
export function money(v: number, short = false): string {
  if (short) {
    const a = Math.abs(v);
    if (a >= 1e6) return `${(Math.round(v / 1e5) / 10).toLocaleString("en")}M`;
    if (a >= 1e3) return `${Math.round(v / 1e3).toLocaleString("en")}k`;
  }
  return Math.round(v).toLocaleString("en");
}

/** "+3", "−1", "0" (a real minus sign, as the rest of the panel). */
export function signed(d: number, show: (x: number) => string = (x) => x.toLocaleString("en")): string {
  const r = Math.round(d);
  if (r === 0) return "0";
  return (r > 0 ? "+" : "−") + show(Math.abs(r));
}

/** "12 (+3)": headcount with the open positions and planned hires beside it. */
export function peopleText(side: PeriodSide): string {
  return side.planned > 0 ? `${side.headcount} (+${side.planned})` : `${side.headcount}`;
}

export interface OverTimeRow {
  period: string;
  before: string;
  after: string;
  difference: string;
  changed: boolean;
}

/** The table's rows for `measure`. */
export function rowsOf(o: OverTime, measure: Measure): OverTimeRow[] {
  return o.periods.map((p: PeriodShift) => {
    const [a, b] = [valueOf(p.before, measure), valueOf(p.after, measure)];
    const people = measure === "headcount";
    return {
      period: p.period,
      before: people ? peopleText(p.before) : money(a),
      after: people ? peopleText(p.after) : money(b),
      difference: people ? signed(b - a) : signed(b - a, (x) => money(x)),
      changed: Math.round(a) !== Math.round(b) || (people && p.before.planned !== p.after.planned),
    };
  });
}

export interface PairBar {
  period: string;
  /** Left edges and heights in the chart's pixels; y grows down from the top of the plot. */
  x: number;
  beforeH: number;
  afterH: number;
  barW: number;
}

export interface PairChart {
  width: number;
  height: number;
  /** The bottom of the bars. */
  floor: number;
  top: number;
  bars: PairBar[];
}

/** Two bars per period (from, to), scaled to the larger figure of all. */
export function pairChart(o: OverTime, measure: Measure, width: number, height: number): PairChart {
  const floor = height - 18;
  const room = floor - 14;
  const top = Math.max(1, ...o.periods.flatMap((p) => [valueOf(p.before, measure), valueOf(p.after, measure)]));
  const slot = width / Math.max(1, o.periods.length);
  const barW = Math.min(22, (slot - 8) / 2);
  const bars = o.periods.map((p, i) => ({
    period: p.period,
    x: i * slot + (slot - 2 * barW - 2) / 2,
    beforeH: (room * valueOf(p.before, measure)) / top,
    afterH: (room * valueOf(p.after, measure)) / top,
    barW,
  }));
  return { width, height, floor, top, bars };
}
