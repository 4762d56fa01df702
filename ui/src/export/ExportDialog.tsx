// File › Export…: view, scope, format and its options with a preview, then the native save dialog, progress with
// Cancel for long exports, and the path written or the error. The logic is exportModel.ts; Rust draws and writes.
import { useEffect, useId, useRef, useState } from "react";
import { commands, events, type DiagramFormat, type Error as CoreError, type ExportResult, type Paper, type View } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import { testHooks } from "../app/testHooks";
import {
  FORMAT_LABELS, LEVEL_CHOICES, PAPER_LABELS, VIEW_LABELS, defaultChoice, exportArgs, hasLegend, optionsOf, pageLabel, previewKey, progressText,
  scopeOf, selectionRoot, stepPage, suggestedName,
  type ExportChoice, type Selection,
} from "./exportModel";
import { colourLabel } from "../fields/colourBy";
import "./export.css";

type Stage =
  | { kind: "choosing" }
  | { kind: "running"; shown: boolean; done: number; total: number }
  | { kind: "done"; result: ExportResult }
  | { kind: "failed"; error: CoreError };

/** Exports quicker than this show no progress bar. */
const PROGRESS_AFTER_MS = 200;

export function ExportDialog({ documentName, view, selection, colourBy = null, asOf = null, onClose }: {
  documentName: string | null;
  view: View;
  selection: Selection;
  /** The colour by on screen (null: none): an org chart export keeps it unless unticked. */
  colourBy?: string | null;
  /** The as-of date the back end draws the org on (the views'); null: today. */
  asOf?: string | null;
  onClose: () => void;
}) {
  const titleId = useId();
  const [choice, setChoice] = useState<ExportChoice>(() => defaultChoice(view, colourBy));
  const [stage, setStage] = useState<Stage>({ kind: "choosing" });
  const [preview, setPreview] = useState<{ url: string; page: number; pages: number } | { error: CoreError } | null>(null);
  // The page previewed, for the drawing it was chosen on: a new choice starts again from page 1.
  const [at, setAt] = useState<{ key: string | null; page: number }>({ key: null, page: 0 });
  const asked = useRef(0);
  const set = (patch: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const args = exportArgs(choice, selection);
  // A problem with the format's options leaves the preview as it is; only a scope with no root has none.
  const previewWhat = scopeOf(choice, selection);
  const key = previewKey(choice, selection);
  const page = at.key === key ? at.page : 0;
  const pages = preview && "pages" in preview ? preview.pages : 1;
  const goTo = (delta: number) => setAt({ key, page: stepPage(page, pages, delta) });

  // The preview is an SVG document shown through <img> from a blob URL: names stay data, never page markup. It
  // follows what is drawn and, for a PDF on paper, the page it is printed on (the key), so it shows the real page;
  // Previous / Next step through every page the export writes.
  useEffect(() => {
    if (key === null) return;
    const n = ++asked.current;
    let url: string | null = null;
    void commands.exportPagePreview(previewWhat, optionsOf(choice), page).then((r) => {
      if (n !== asked.current) return;
      if (r.status === "ok") {
        url = URL.createObjectURL(new Blob([r.data.svg], { type: "image/svg+xml" }));
        setPreview({ url, page: r.data.page, pages: r.data.pages });
        testHooks.exportPreview?.shown(r.data.svg, r.data.page, r.data.pages);
      } else setPreview({ error: r.error });
    });
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [key, page]);

  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.exportProgress(thisWindow()).listen((e) => setStage((s) => (s.kind === "running" ? { ...s, done: e.payload.done, total: e.payload.total } : s)))
      .then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, []);

  async function run() {
    if (!("what" in args)) return;
    const path = testHooks.save?.takeSavePath() ?? await chooseTarget();
    if (path === null) return;
    setStage({ kind: "running", shown: false, done: 0, total: 0 });
    const timer = setTimeout(() => setStage((s) => (s.kind === "running" ? { ...s, shown: true } : s)), PROGRESS_AFTER_MS);
    const r = await commands.exportDiagram(args.what, args.options, path);
    clearTimeout(timer);
    if (r.status === "error") setStage({ kind: "failed", error: r.error });
    else if (r.data.cancelled) setStage({ kind: "choosing" });
    else setStage({ kind: "done", result: r.data });
  }

  async function chooseTarget(): Promise<string | null> {
    const r = await commands.chooseSaveFile("Export the diagram", suggestedName(documentName, choice), FORMAT_LABELS[choice.format], choice.format);
    if (r.status === "ok") return r.data;
    setStage({ kind: "failed", error: r.error });
    return null;
  }

  const busy = stage.kind === "running";
  const canSelect = selectionRoot(choice.view, selection) !== null;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !busy) onClose(); }}>
      <div
        className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => { if (e.key === "Escape" && !busy) { e.stopPropagation(); onClose(); } }}
      >
        <h2 id={titleId}>Export diagram</h2>
        {asOf && <p className="muted export-as-of">The org as of {asOf}, as the views show it (the PDF footer says so).</p>}
        {stage.kind === "done" ? (
          <section aria-label="Exported">
            <p className="export-done">Exported to <code>{stage.result.path}</code>{stage.result.pages > 1 ? ` (${stage.result.pages.toLocaleString()} pages)` : ""}.</p>
            <div className="modal-actions"><button type="button" onClick={onClose} autoFocus>Close</button></div>
          </section>
        ) : busy ? (
          <section aria-label="Progress">
            {stage.shown && (
              <>
                <p>{progressText(stage.done, stage.total)}</p>
                {stage.total > 1 ? <progress aria-label="Export progress" value={stage.done} max={stage.total} /> : <progress aria-label="Export progress" />}
              </>
            )}
            <div className="modal-actions"><button type="button" onClick={() => void commands.cancelExport()}>Cancel</button></div>
          </section>
        ) : (
          <>
            <div className="export-body">
              <div className="export-options">
                <label className="export-row">View
                  <select aria-label="View" value={choice.view} onChange={(e) => set({ view: e.target.value as View })}>
                    {(Object.keys(VIEW_LABELS) as View[]).map((v) => <option key={v} value={v}>{VIEW_LABELS[v]}</option>)}
                  </select>
                </label>
                <fieldset className="export-row">
                  <legend>Scope</legend>
                  <label><input type="radio" name="scope" checked={choice.scope === "whole"} onChange={() => set({ scope: "whole" })} /> Whole diagram</label>
                  <label><input type="radio" name="scope" disabled={!canSelect} checked={choice.scope === "selection"} onChange={() => set({ scope: "selection" })} /> From the selection down</label>
                </fieldset>
                {choice.view === "org-chart" && (
                  <label className="export-row">Levels
                    <select aria-label="Levels" value={choice.levels} onChange={(e) => set({ levels: Number(e.target.value) })}>
                      {LEVEL_CHOICES.map((l) => <option key={l} value={l}>{l === 0 ? "All levels" : l === 1 ? "Top level only" : `Top ${l} levels`}</option>)}
                    </select>
                  </label>
                )}
                <label className="export-row">Format
                  <select aria-label="Format" value={choice.format} onChange={(e) => set({ format: e.target.value as DiagramFormat })}>
                    {(Object.keys(FORMAT_LABELS) as DiagramFormat[]).map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
                  </select>
                </label>
                {choice.format === "pdf" && (
                  <>
                    <label className="export-row">Page
                      <select aria-label="Page" value={choice.page} onChange={(e) => set({ page: e.target.value as Paper })}>
                        {(Object.keys(PAPER_LABELS) as Paper[]).map((p) => <option key={p} value={p}>{PAPER_LABELS[p]}</option>)}
                      </select>
                    </label>
                    <label className="export-row"><input type="checkbox" checked={choice.landscape} onChange={(e) => set({ landscape: e.target.checked })} /> Landscape</label>
                    <label className="export-row"><input type="checkbox" disabled={choice.page === "fit"} checked={choice.tile && choice.page !== "fit"} onChange={(e) => set({ tile: e.target.checked })} /> Tile across pages</label>
                  </>
                )}
                {(choice.format === "png" || (choice.format === "pdf" && choice.tile)) && (
                  <label className="export-row">Scale
                    <select aria-label="Scale" value={choice.scale} disabled={choice.format === "png" && choice.pngSize === "width"} onChange={(e) => set({ scale: Number(e.target.value) })}>
                      {[1, 2, 3, 4].map((s) => <option key={s} value={s}>{s}×</option>)}
                    </select>
                  </label>
                )}
                {choice.format === "png" && (
                  <>
                    <label className="export-row"><input type="checkbox" checked={choice.pngSize === "width"} onChange={(e) => set({ pngSize: e.target.checked ? "width" : "scale" })} /> Width in pixels
                      <input aria-label="Width" inputMode="numeric" size={6} disabled={choice.pngSize !== "width"} value={choice.width} onChange={(e) => set({ width: e.target.value })} />
                    </label>
                  </>
                )}
                {hasLegend(choice.view) && (
                  <label className="export-row"><input type="checkbox" checked={choice.legend} onChange={(e) => set({ legend: e.target.checked })} /> Include the legend</label>
                )}
                {choice.view === "org-chart" && choice.colourBy !== null && (
                  <label className="export-row"><input type="checkbox" checked={choice.coloured} onChange={(e) => set({ coloured: e.target.checked })} /> Colour by {colourLabel(choice.colourBy)}, as on screen</label>
                )}
                {choice.format !== "pdf" && (
                  <label className="export-row"><input type="checkbox" checked={choice.transparent} onChange={(e) => set({ transparent: e.target.checked })} /> Transparent background</label>
                )}
              </div>
              <div className="export-preview-pane">
                <figure className="export-preview" aria-label="Preview">
                  {preview && "url" in preview ? <img src={preview.url} alt={`Preview of the ${VIEW_LABELS[choice.view].toLowerCase()}, ${pageLabel(preview.page, preview.pages).toLowerCase()}`} />
                    : preview && "error" in preview ? <p className="error"><code>{preview.error.code}</code> {preview.error.message}</p>
                    : <p className="muted">Drawing the preview…</p>}
                </figure>
                {pages > 1 && preview && "url" in preview && (
                  <nav className="export-pages" aria-label="Preview pages">
                    <button type="button" aria-label="Previous page" disabled={preview.page === 0} onClick={() => goTo(-1)}>‹ Previous</button>
                    <output aria-live="polite">{pageLabel(preview.page, preview.pages)}</output>
                    <button type="button" aria-label="Next page" disabled={preview.page >= preview.pages - 1} onClick={() => goTo(1)}>Next ›</button>
                  </nav>
                )}
              </div>
            </div>
            {"problem" in args && <p className="error" role="alert">{args.problem}</p>}
            {stage.kind === "failed" && <p className="error" role="alert"><code>{stage.error.code}</code> {stage.error.message}</p>}
            <div className="modal-actions">
              <button type="button" onClick={onClose}>Cancel</button>
              <button type="button" className="primary" disabled={"problem" in args} onClick={() => void run()}>Export…</button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
