// The Plan tab's deck charts and CSV: a display picker (table, headcount chart, cost chart) and "Export CSV…" in
// its controls, and the chart itself, drawn by the core (topograph-scene's plan chart through the same export
// machinery as the diagrams) and shown as an SVG document in an <img>, so names stay data.
import { useEffect, useState, useSyncExternalStore } from "react";
import { commands, type Error as CoreError, type Granularity } from "../../bindings";
import type { AppController } from "../../app/controller";
import { chartScope, DISPLAY_LABELS, planChartState, planCsvName, type PlanDisplay } from "./planChartState";
import "./charts.css";

export interface PlanRangeProps {
  by: Granularity;
  from: string;
  to: string;
}

/** The picker and the CSV button, for the Plan view's controls row. */
export function PlanChartControls({ ctl, by, from, to, periods }: PlanRangeProps & { ctl: AppController; periods: readonly string[] }) {
  const display = useSyncExternalStore(planChartState.subscribe, planChartState.display);
  useEffect(() => planChartState.setRange(by, from, to), [by, from, to]);
  const exportCsv = async () => {
    const name = planCsvName(ctl.snapshot().doc?.document?.name, periods);
    const chosen = await commands.chooseSaveFile("Export the plan as CSV", name, "CSV", "csv");
    if (chosen.status === "error") return ctl.fail(chosen.error);
    if (chosen.data === null) return;
    const written = await commands.exportPlanCsv({ by, from, to, unit: null }, chosen.data);
    if (written.status === "error") return ctl.fail(written.error);
    ctl.info(`Saved ${chosen.data}`);
  };
  return (
    <span className="plan-chart-controls">
      <label>
        Show{" "}
        <select aria-label="Plan display" value={display} onChange={(e) => planChartState.setDisplay(e.target.value as PlanDisplay)}>
          {(Object.keys(DISPLAY_LABELS) as PlanDisplay[]).map((d) => <option key={d} value={d}>{DISPLAY_LABELS[d]}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => void exportCsv()}>Export CSV…</button>
    </span>
  );
}

/** The chart on screen when the display is a chart (the table is hidden by CSS meanwhile); nothing otherwise. */
export function PlanChartPanel({ by, from, to, revision }: PlanRangeProps & { revision: unknown }) {
  const display = useSyncExternalStore(planChartState.subscribe, planChartState.display);
  const [shown, setShown] = useState<{ url: string } | { error: CoreError } | null>(null);
  useEffect(() => {
    if (display === "table") return;
    let live = true;
    let url: string | null = null;
    void commands.exportPreview(chartScope(display, { by, from, to })).then((r) => {
      if (!live) return;
      if (r.status === "ok") {
        url = URL.createObjectURL(new Blob([r.data.svg], { type: "image/svg+xml" }));
        setShown({ url });
      } else setShown({ error: r.error });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [display, by, from, to, revision]);
  if (display === "table") return null;
  return (
    <figure className="plan-chart-panel" aria-label={DISPLAY_LABELS[display]} data-display={display}>
      {shown && "url" in shown ? <img src={shown.url} alt={`${DISPLAY_LABELS[display]} by group`} />
        : shown && "error" in shown ? <p className="error" role="alert">{shown.error.message}</p>
        : <p className="muted">Drawing the chart…</p>}
      <figcaption className="muted">File › Export… saves it as SVG, PNG or PDF.</figcaption>
    </figure>
  );
}
