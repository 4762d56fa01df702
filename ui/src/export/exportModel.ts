// The export dialog's plain logic: its choices, what they allow, and the command arguments they become.
import type { DiagramFormat, DiagramScope, ExportOptions, Paper, View } from "../bindings";
import { isChart, planChartState, planExportView } from "../plan/charts/planChartState";

export type ScopeChoice = "whole" | "selection";
export type PngSize = "scale" | "width";

export interface ExportChoice {
  view: View;
  scope: ScopeChoice;
  format: DiagramFormat;
  page: Paper;
  landscape: boolean;
  tile: boolean;
  pngSize: PngSize;
  scale: number;
  /** Text as typed, so a half-typed width is not lost. */
  width: string;
  transparent: boolean;
  /** Org chart: how many levels from the top to export; 0 exports them all. */
  levels: number;
  /** Org chart and team map: draw the legend beside the diagram (on the first page of a PDF). */
  legend: boolean;
  /** Org chart: the colour by on screen when the dialog opened (null: none), and whether the export keeps it. */
  colourBy: string | null;
  coloured: boolean;
}

/** The views whose exports can carry a legend. */
export function hasLegend(view: View): boolean {
  return view === "org-chart" || view === "team-map";
}

/** The level limits the dialog offers (0: all levels). */
export const LEVEL_CHOICES = [0, 1, 2, 3, 4, 5, 6] as const;

export interface Selection {
  persons: readonly number[];
  units: readonly number[];
}

export const VIEW_LABELS: Record<View, string> = {
  "org-chart": "Org chart", "team-map": "Team map", ownership: "Ownership map", effort: "Where the people go",
  headcount: "Headcount over time", cost: "Cost over time",
};
export const FORMAT_LABELS: Record<DiagramFormat, string> = { svg: "SVG image", pdf: "PDF document", png: "PNG image" };
export const PAPER_LABELS: Record<Paper, string> = { a4: "A4", letter: "Letter", a3: "A3", fit: "Fit to the diagram" };
/** The largest PNG width the exporter accepts (its 16384 x 16384 pixel limit). */
export const MAX_WIDTH = 16384;

/** Set while the Ownership tab shows "Where the people go", so File › Export… starts from that view. */
let effortShown = false;
export function showingEffort(on: boolean): void {
  effortShown = on;
}

/** The view the dialog starts from: the one on screen (on the Plan tab, which passes "headcount", its chart). */
export function startView(view: View): View {
  if (isChart(view)) return planExportView();
  return view === "ownership" && effortShown ? "effort" : view;
}

/** The dialog's first choice for `view`, keeping the colour by on screen (`colourBy`) as the screen shows it. */
export function defaultChoice(view: View, colourBy: string | null = null): ExportChoice {
  return { view, scope: "whole", format: "pdf", page: "a4", landscape: true, tile: false, pngSize: "scale", scale: 2, width: "2048", transparent: false, levels: 0, legend: true, colourBy, coloured: colourBy !== null };
}

/** The colour by the export draws: the org chart's, when there is one and it is kept. */
export function colourOf(c: ExportChoice): string | null {
  return c.view === "org-chart" && c.coloured ? c.colourBy : null;
}

/** The node the "selection" scope starts from in `view`: a selected person on the org chart, a unit on the team map. */
export function selectionRoot(view: View, selection: Selection): number | null {
  if (view === "org-chart") return selection.persons[0] ?? null;
  if (view === "team-map") return selection.units[0] ?? null;
  return null;
}

/** What is wrong with the choice, or null when it can be exported. */
export function problem(c: ExportChoice, selection: Selection): string | null {
  if (c.scope === "selection" && selectionRoot(c.view, selection) === null) {
    return c.view === "team-map" ? "Select a unit on the team map to export its subtree." : c.view === "org-chart"
      ? "Select a person on the org chart to export their subtree." : c.view === "effort" ? "Where the people go exports whole."
      : isChart(c.view) ? "The charts over time export whole." : "The ownership map exports whole.";
  }
  if (c.format === "png" && c.pngSize === "width") {
    const w = Number(c.width.trim());
    if (!Number.isInteger(w) || w < 1 || w > MAX_WIDTH) return `The width must be a whole number of pixels from 1 to ${MAX_WIDTH}.`;
  }
  if ((c.format === "png" || (c.format === "pdf" && c.tile)) && !(c.scale >= 1 && c.scale <= 4)) return "The scale must be between 1 and 4.";
  return null;
}

export function scopeOf(c: ExportChoice, selection: Selection): DiagramScope {
  const levels = c.view === "org-chart" && c.levels > 0 ? c.levels : null;
  const scope = { view: c.view, scope: c.scope === "selection" ? selectionRoot(c.view, selection) : null, levels };
  // A chart covers the periods the Plan tab shows (the core's default, a year of quarters, without).
  return isChart(c.view) ? { ...scope, periods: planChartState.range() } : scope;
}

export function optionsOf(c: ExportChoice): ExportOptions {
  const png = c.format === "png";
  return {
    format: c.format,
    page: c.page,
    landscape: c.landscape,
    tile: c.format === "pdf" && c.tile,
    // A PDF on one page is shrunk to fit; its scale only bounds how far a small diagram is enlarged.
    scale: png || c.tile ? c.scale : 1,
    width: png && c.pngSize === "width" ? Number(c.width.trim()) : null,
    transparent: c.format !== "pdf" && c.transparent,
    legend: hasLegend(c.view) && c.legend,
    colour_by: colourOf(c),
  };
}

/** The command's arguments, or the problem that stops the export. */
export function exportArgs(c: ExportChoice, selection: Selection): { what: DiagramScope; options: ExportOptions } | { problem: string } {
  const p = problem(c, selection);
  return p ? { problem: p } : { what: scopeOf(c, selection), options: optionsOf(c) };
}

/** What the preview depends on: the drawing, and for a PDF on paper the page it goes on. Null when there is nothing to draw. */
export function previewKey(c: ExportChoice, selection: Selection): string | null {
  const what = scopeOf(c, selection);
  if (c.scope === "selection" && what.scope === null) return null;
  const page = c.format === "pdf" && c.page !== "fit" ? `${c.page}:${c.landscape}:${c.tile}:${c.scale}` : "";
  const periods = what.periods ? `${what.periods.by}:${what.periods.from}:${what.periods.to}` : "";
  return `${what.view}:${what.scope ?? ""}:${what.levels ?? ""}:${page}:${periods}:${hasLegend(c.view) && c.legend}:${colourOf(c) ?? ""}`;
}

/** The name the save dialog proposes: document, view, extension. */
export function suggestedName(documentName: string | null | undefined, c: ExportChoice): string {
  const base = (documentName ?? "").replace(/[\\/:*?"<>|]+/g, " ").trim() || "Topograph";
  return `${base} ${VIEW_LABELS[c.view].toLowerCase()}.${c.format}`;
}

export function progressText(done: number, total: number): string {
  return total > 1 ? `Page ${done.toLocaleString()} of ${total.toLocaleString()}` : "Exporting…";
}

/** The preview page `delta` pages on from `page` (from 0), kept within the `pages` the export writes. */
export function stepPage(page: number, pages: number, delta: number): number {
  return Math.max(0, Math.min(Math.max(pages, 1) - 1, page + delta));
}

/** "Page 3 of 12" for page 2 (from 0) of 12. */
export function pageLabel(page: number, pages: number): string {
  return `Page ${(page + 1).toLocaleString()} of ${pages.toLocaleString()}`;
}
