// The export dialog's plain logic: its choices, what they allow, and the command arguments they become.
import type { DiagramFormat, DiagramScope, DiagramView, ExportOptions, Paper, View } from "../bindings";

export type ScopeChoice = "whole" | "selection";
export type PngSize = "scale" | "width";

export interface ExportChoice {
  view: DiagramView;
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
}

export interface Selection {
  persons: readonly number[];
  units: readonly number[];
}

export const VIEW_LABELS: Record<DiagramView, string> = {
  "org-chart": "Org chart", "team-map": "Team map", ownership: "Ownership map", effort: "Where the people go",
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

/** The view the dialog starts from: the one on screen. */
export function startView(view: View): DiagramView {
  return view === "ownership" && effortShown ? "effort" : view;
}

export function defaultChoice(view: DiagramView): ExportChoice {
  return { view, scope: "whole", format: "pdf", page: "a4", landscape: true, tile: false, pngSize: "scale", scale: 2, width: "2048", transparent: false };
}

/** The node the "selection" scope starts from in `view`: a selected person on the org chart, a unit on the team map. */
export function selectionRoot(view: DiagramView, selection: Selection): number | null {
  if (view === "org-chart") return selection.persons[0] ?? null;
  if (view === "team-map") return selection.units[0] ?? null;
  return null;
}

/** What is wrong with the choice, or null when it can be exported. */
export function problem(c: ExportChoice, selection: Selection): string | null {
  if (c.scope === "selection" && selectionRoot(c.view, selection) === null) {
    return c.view === "team-map" ? "Select a unit on the team map to export its subtree." : c.view === "org-chart"
      ? "Select a person on the org chart to export their subtree." : c.view === "effort" ? "Where the people go exports whole." : "The ownership map exports whole.";
  }
  if (c.format === "png" && c.pngSize === "width") {
    const w = Number(c.width.trim());
    if (!Number.isInteger(w) || w < 1 || w > MAX_WIDTH) return `The width must be a whole number of pixels from 1 to ${MAX_WIDTH}.`;
  }
  if ((c.format === "png" || (c.format === "pdf" && c.tile)) && !(c.scale >= 1 && c.scale <= 4)) return "The scale must be between 1 and 4.";
  return null;
}

export function scopeOf(c: ExportChoice, selection: Selection): DiagramScope {
  return { view: c.view, scope: c.scope === "selection" ? selectionRoot(c.view, selection) : null };
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
  };
}

/** The command's arguments, or the problem that stops the export. */
export function exportArgs(c: ExportChoice, selection: Selection): { what: DiagramScope; options: ExportOptions } | { problem: string } {
  const p = problem(c, selection);
  return p ? { problem: p } : { what: scopeOf(c, selection), options: optionsOf(c) };
}

/** The name the save dialog proposes: document, view, extension. */
export function suggestedName(documentName: string | null | undefined, c: ExportChoice): string {
  const base = (documentName ?? "").replace(/[\\/:*?"<>|]+/g, " ").trim() || "Topograph";
  return `${base} ${VIEW_LABELS[c.view].toLowerCase()}.${c.format}`;
}

export function progressText(done: number, total: number): string {
  return total > 1 ? `Page ${done.toLocaleString()} of ${total.toLocaleString()}` : "Exporting…";
}
