// The History panel (View › History, Ctrl/Cmd+Shift+H): the document's persistent undo log, newest first, with what
// Redo would bring greyed below a line; a click undoes or redoes up to that entry in one step. Also owns Undo/Redo
// from the keyboard in every view (./historyActions), and Ctrl/Cmd+Z in a text field undoes the typing (./textUndo).
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { commands, events, type HistoryLog } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import type { AppController } from "../app/controller";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import { createHistoryRegistry, type HistoryActionContext } from "./historyActions";
import { historyRows, type HistoryRow } from "./historyModel";
import { attachTextUndo } from "./textUndo";
import "./history.css";

/** Entries listed each way; the panel says how many more there are. */
const LIMIT = 200;

export function HistoryHost({ ctl }: { ctl: AppController }) {
  const { doc } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const [open, setOpen] = useState(false);
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createHistoryRegistry, []);
  const hasDocument = !!doc?.document;
  const ctx: HistoryActionContext = {
    hasDocument,
    canUndo: !!doc?.history.undo,
    canRedo: !!doc?.history.redo,
    undo: () => void ctl.undo(),
    redo: () => void ctl.redo(),
    toggleHistory: () => setOpen((o) => !o),
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => attachKeyboard(window, registry, () => ctxRef.current, { platform }), [registry, platform]);
  useEffect(() => attachTextUndo(window, platform), [platform]);
  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.historyRequested(thisWindow()).listen(() => setOpen((o) => !o)).then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, []);
  if (!open || !hasDocument) return null;
  return <HistoryPanel ctl={ctl} shortcut={registry.shortcutText("history", platform)} onClose={() => setOpen(false)} />;
}

function HistoryPanel({ ctl, shortcut, onClose }: { ctl: AppController; shortcut: string; onClose: () => void }) {
  const [log, setLog] = useState<HistoryLog | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    let off: (() => void) | undefined;
    const load = () => void commands.historyLog(LIMIT).then((r) => {
      if (!live) return;
      if (r.status === "ok") setLog(r.data);
      else ctl.fail(r.error);
    });
    // Every change to the document (an edit, undo, a switch, another file) may change the log.
    void events.docChanged(thisWindow()).listen(load).then((u) => { if (live) off = u; else u(); });
    load();
    return () => { live = false; off?.(); };
  }, [ctl]);
  const rows = useMemo(() => (log ? historyRows(log) : null), [log]);

  const jump = async (row: HistoryRow) => {
    if (busy) return;
    setBusy(true);
    const r = row.jump.kind === "undo" ? await commands.undoSteps(row.jump.steps) : await commands.redoSteps(row.jump.steps);
    setBusy(false);
    if (r.status === "error") ctl.fail(r.error);
  };
  const item = (row: HistoryRow, undone: boolean) => (
    <li key={row.seq}>
      <button type="button" className={undone ? "history-entry undone" : "history-entry"} title={row.hint} aria-label={row.hint} disabled={busy}
        data-seq={row.seq} onClick={() => void jump(row)}>
        <span className="history-label">{row.label}</span>
        <span className="history-meta">{row.time} · {row.scenario}</span>
      </button>
    </li>
  );

  return (
    <aside className="history-panel" aria-label="History">
      <div className="history-head">
        <h2>History</h2>
        <button type="button" onClick={onClose} aria-label="Hide history" title={`Hide (${shortcut})`}>×</button>
      </div>
      {!rows ? <p className="muted history-empty">Reading the history…</p> : rows.done.length + rows.undone.length === 0 ? (
        <p className="muted history-empty">No changes yet. Every edit is listed here, and stays after a restart.</p>
      ) : (
        <>
          <p className="muted history-help">Click an entry to go back to before it, or forward up to it.</p>
          <ol className="history-list" aria-label="Done">{rows.done.map((r) => item(r, false))}</ol>
          {rows.olderHidden > 0 && <p className="muted history-more">{rows.olderHidden.toLocaleString()} older changes not listed</p>}
          {rows.undone.length > 0 && (
            <>
              <hr className="history-line" />
              <ol className="history-list" aria-label="Undone, can be redone">{rows.undone.map((r) => item(r, true))}</ol>
              {rows.laterHidden > 0 && <p className="muted history-more">{rows.laterHidden.toLocaleString()} more not listed</p>}
            </>
          )}
        </>
      )}
    </aside>
  );
}
