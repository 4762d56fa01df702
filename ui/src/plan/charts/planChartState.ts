// What the Plan tab shows (its table, or the headcount or cost chart) and over which periods, kept outside React so
// File › Export… starts from the chart on screen with its periods, as it starts from the view on screen.
import type { DiagramScope, Granularity, PlanRange, View } from "../../bindings";

export type PlanDisplay = "table" | "headcount" | "cost";

export const DISPLAY_LABELS: Record<PlanDisplay, string> = { table: "Table", headcount: "Headcount chart", cost: "Cost chart" };

let display: PlanDisplay = "table";
let range: PlanRange | null = null;
const listeners = new Set<() => void>();

export const planChartState = {
  display: (): PlanDisplay => display,
  range: (): PlanRange | null => range,
  setDisplay(d: PlanDisplay): void {
    if (d === display) return;
    display = d;
    for (const l of listeners) l();
  },
  setRange(by: Granularity, from: string, to: string): void {
    range = { by, from, to };
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** Whether a view is one of the charts over time rather than a diagram. */
export function isChart(view: View): view is "headcount" | "cost" {
  return view === "headcount" || view === "cost";
}

/** The chart File › Export… starts from on the Plan tab: the one shown, else headcount. */
export function planExportView(): View {
  return display === "cost" ? "cost" : "headcount";
}

/** What the core draws for a chart: the periods on screen, the groups under `unit` (all top-level ones without). */
export function chartScope(view: "headcount" | "cost", periods: PlanRange | null, unit: number | null = null): DiagramScope {
  return { view, scope: unit, levels: null, periods };
}

/** The name the save dialog proposes for the plan table as CSV. */
export function planCsvName(documentName: string | null | undefined, periods: readonly string[]): string {
  const base = (documentName ?? "").replace(/[\\/:*?"<>|]+/g, " ").trim() || "Topograph";
  const span = periods.length === 0 ? "" : periods.length === 1 ? ` ${periods[0]}` : ` ${periods[0]} to ${periods[periods.length - 1]}`;
  return `${base} plan${span}.csv`;
}
