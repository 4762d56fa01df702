// File › Import…: the format, the column mapping with the first rows, every problem before anything is written, the
// target, then progress and a summary. The back end reads and writes (ui/src/bindings.ts); the logic is importModel.ts.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { commands, events, type Error as CoreError, type Format, type ImportDraft, type ImportPhase, type Mapping, type Summary } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import {
  FORMATS, TARGETS, columnChoice, customFieldText, fieldTargets, groupProblems, importTarget, problemText, progressText,
  repeatedFields, repeatedTargets, scenarioNameFor, summaryLines, withChoice, type TargetChoice,
} from "./importModel";
import { NO_FIELDS, useFields } from "../fields/fieldsStore";
import "./import.css";

type Stage =
  | { kind: "reading" }
  | { kind: "preview"; draft: ImportDraft }
  | { kind: "running"; phase: ImportPhase; rows: number | null }
  | { kind: "done"; summary: Summary }
  | { kind: "failed"; error: CoreError; draft: ImportDraft | null };

/** How many problems each group lists before "and N more". */
const SHOWN_PER_GROUP = 20;

export function ImportDialog({ path, hasDocument, emptyScenario = false, onClose }: {
  path: string;
  hasDocument: boolean;
  /** The open scenario holds nothing yet (a new document): the import fills it rather than making a scenario. */
  emptyScenario?: boolean;
  onClose: () => void;
}) {
  const titleId = useId();
  // null: the back end guesses from the name and, for YAML, the content (a Team API file is YAML too).
  const [format, setFormat] = useState<Format | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: "reading" });
  const [choice, setChoice] = useState<TargetChoice>(!hasDocument ? "new-document" : emptyScenario ? "merge" : "new-scenario");
  const [scenarioName, setScenarioName] = useState(scenarioNameFor(path));
  const [newPath, setNewPath] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const asked = useRef(0);
  // A preview for the format and mapping on screen is on its way: the one shown is out of date until it comes.
  const [stale, setStale] = useState(true);

  // Into the open document its field definitions check the custom columns; a new document has none.
  const intoDocument = choice !== "new-document";
  const documentFields = useFields(hasDocument ? path : null);
  const defs = intoDocument && hasDocument ? documentFields : NO_FIELDS;
  const fieldOptions = useMemo(() => fieldTargets(defs), [defs]);
  // Each change of format, mapping or target reads the file again; only the newest answer is shown.
  useEffect(() => {
    const n = ++asked.current;
    setStale(true);
    setStage((s) => (s.kind === "preview" ? s : { kind: "reading" }));
    void commands.importPreview(path, format, mapping, intoDocument).then((r) => {
      if (n !== asked.current) return;
      setStale(false);
      setStage(r.status === "ok" ? { kind: "preview", draft: r.data } : { kind: "failed", error: r.error, draft: null });
    });
  }, [path, format, mapping, intoDocument]);

  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    void events.importProgress(thisWindow()).listen((e) => setStage((s) => (s.kind === "running" ? { ...s, phase: e.payload.phase } : s)))
      .then((u) => { if (live) off = u; else u(); });
    return () => { live = false; off?.(); };
  }, []);

  const draft = stage.kind === "preview" ? stage.draft : stage.kind === "failed" ? stage.draft : null;
  const csv = draft?.csv ?? null;
  const shownFormat = format ?? draft?.format ?? null;
  const shownMapping = mapping ?? csv?.mapping ?? null;
  const groups = useMemo(() => groupProblems(draft?.preview.problems ?? []), [draft]);
  const repeated = shownMapping && csv ? repeatedTargets(shownMapping, csv.headers) : [];
  const repeatedField = shownMapping && csv ? repeatedFields(shownMapping, csv.headers, defs) : [];
  const target = importTarget(choice, { newPath, scenarioName });
  // A JSON document brings its own scenarios: it cannot fill the open one.
  useEffect(() => { if (shownFormat === "json" && choice === "merge") setChoice("new-scenario"); }, [shownFormat, choice]);
  const nothing = !draft || draft.preview.people + draft.preview.units + draft.preview.areas === 0;

  const setColumn = (header: string, value: string) => { if (shownMapping) setMapping(withChoice(shownMapping, header, value)); };

  const loadMapping = async () => {
    const chosen = await commands.chooseFile("Use a saved column mapping", "Column mapping", ["json"]);
    if (chosen.status !== "ok" || !chosen.data) return;
    const r = await commands.loadMapping(chosen.data);
    if (r.status === "ok") { setMapping(r.data); setNote(null); } else setNote(`${r.error.code}: ${r.error.message}`);
  };
  const saveMapping = async () => {
    if (!shownMapping) return;
    const chosen = await commands.chooseSaveFile("Save the column mapping", "mapping.json", "Column mapping", "json");
    if (chosen.status !== "ok" || !chosen.data) return;
    const r = await commands.saveMapping(chosen.data, shownMapping);
    setNote(r.status === "ok" ? `Mapping saved to ${chosen.data}` : `${r.error.code}: ${r.error.message}`);
  };
  const chooseNewPath = async () => {
    const chosen = await commands.chooseSaveFile("New document for the import", "Imported.topo", "Topograph document", "topo");
    if (chosen.status === "ok" && chosen.data) setNewPath(chosen.data);
  };
  const run = async () => {
    if ("missing" in target || !draft) return;
    setStage({ kind: "running", phase: "reading", rows: draft.csv?.row_count ?? null });
    const r = await commands.importRun(path, format, shownMapping, target);
    setStage(r.status === "ok" ? { kind: "done", summary: r.data } : { kind: "failed", error: r.error, draft });
  };

  const busy = stage.kind === "running";
  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !busy) onClose(); }}>
      <div
        className="modal import-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}
        onKeyDown={(e) => { if (e.key === "Escape" && !busy) { e.stopPropagation(); onClose(); } }}
      >
        <h2 id={titleId}>Import {path.split(/[\\/]/).pop()}</h2>
        {stage.kind === "done" ? (
          <section aria-label="Summary">
            <p>Imported into “{stage.summary.scenario}”{choice === "new-document" ? ` of ${newPath?.split(/[\\/]/).pop() ?? "the new document"}` : ""}:</p>
            {choice === "new-document" && hasDocument && !emptyScenario && <p className="muted">The new document opened in a window of its own.</p>}
            <ul>{summaryLines(stage.summary).map((l) => <li key={l}>{l}</li>)}</ul>
            {stage.summary.leavers.length > 0 && <p className="muted">Leaving: {stage.summary.leavers.slice(0, 20).join(", ")}{stage.summary.leavers.length > 20 ? "…" : ""}</p>}
            {stage.summary.notes.map((n) => <p key={n} className="muted">{n}</p>)}
            <div className="modal-actions"><button type="button" onClick={onClose} autoFocus>Close</button></div>
          </section>
        ) : busy ? (
          <section aria-label="Progress">
            <p>{progressText(stage.phase, stage.rows)}</p>
            <progress aria-label="Import progress" />
          </section>
        ) : (
          <>
            <label className="import-row">
              Format{" "}
              <select value={shownFormat ?? ""} onChange={(e) => { setFormat(e.target.value as Format); setMapping(null); }}>
                {shownFormat === null && <option value="">—</option>}
                {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
              </select>
              {csv && <span className="muted"> {csv.encoding}, delimiter “{csv.delimiter}”, {csv.row_count.toLocaleString()} rows{draft?.partial ? " in its first 32 MB" : ""}</span>}
            </label>
            {stale && <p className="muted">Reading the file…</p>}
            {stage.kind === "failed" && <p className="error" role="alert"><code>{stage.error.code}</code> {stage.error.message}</p>}
            {csv && shownMapping && (
              <section aria-label="Column mapping">
                <div className="import-table-scroll">
                  <table className="import-table">
                    <thead>
                      <tr>{csv.headers.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
                      <tr>
                        {csv.headers.map((h, i) => {
                          // The type comes from the preview's mapping: the one on screen may be newer than its answer.
                          const field = customFieldText(csv.mapping, h);
                          return (
                            <th key={i}>
                              <select aria-label={`Column ${h}`} value={columnChoice(shownMapping, h, defs)} onChange={(e) => setColumn(h, e.target.value)}>
                                {TARGETS.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
                                {fieldOptions.length > 0 && (
                                  <optgroup label="This document's fields">
                                    {fieldOptions.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
                                  </optgroup>
                                )}
                              </select>
                              {field && !stale && <span className="import-field muted" data-column={h}>{field}</span>}
                            </th>
                          );
                        })}
                      </tr>
                    </thead>
                    <tbody>
                      {csv.rows.map((row, r) => <tr key={r}>{csv.headers.map((_, c) => <td key={c}>{row[c] ?? ""}</td>)}</tr>)}
                    </tbody>
                  </table>
                </div>
                {repeated.length > 0 && <p className="error">Several columns are mapped to {repeated.join(", ")}.</p>}
                {repeatedField.length > 0 && <p className="error">Several columns fill the field {repeatedField.join(", ")}.</p>}
                <div className="import-row">
                  <button type="button" onClick={() => void loadMapping()}>Load mapping…</button>
                  <button type="button" onClick={() => void saveMapping()}>Save mapping…</button>
                  <button type="button" onClick={() => setMapping(null)} disabled={mapping === null}>Suggested mapping</button>
                </div>
              </section>
            )}
            {draft && (
              <section aria-label="What will be imported">
                <p>
                  {draft.preview.people.toLocaleString()} people, {draft.preview.units.toLocaleString()} units,{" "}
                  {draft.preview.memberships.toLocaleString()} memberships, {draft.preview.areas.toLocaleString()} product areas
                  {draft.preview.problems.length > 0 ? `; ${draft.preview.problems.length.toLocaleString()} problems:` : "; no problems."}
                </p>
                {draft.partial && <p className="muted">The file is larger than the preview reads: these are the counts of its first 32 MB; the import reads it all.</p>}
                {groups.length > 0 && (
                  <div className="import-problems" role="list" aria-label="Problems">
                    {groups.map((g) => (
                      <details key={g.kind} open={groups.length <= 3} role="listitem">
                        <summary>{g.problems.length.toLocaleString()} × {g.kind}</summary>
                        <ul>
                          {g.problems.slice(0, SHOWN_PER_GROUP).map((p, i) => <li key={i}><code>{problemText(p)}</code></li>)}
                          {g.problems.length > SHOWN_PER_GROUP && <li className="muted">and {(g.problems.length - SHOWN_PER_GROUP).toLocaleString()} more</li>}
                        </ul>
                      </details>
                    ))}
                  </div>
                )}
              </section>
            )}
            <fieldset className="import-target">
              <legend>Import into</legend>
              <label><input type="radio" name="target" checked={choice === "new-document"} onChange={() => setChoice("new-document")} /> a new document</label>
              {choice === "new-document" && (
                <span className="import-row">
                  <button type="button" onClick={() => void chooseNewPath()}>Choose file…</button>
                  <span className="muted">{newPath ?? "not chosen yet"}</span>
                </span>
              )}
              <label>
                <input type="radio" name="target" disabled={!hasDocument} checked={choice === "new-scenario"} onChange={() => setChoice("new-scenario")} /> a new scenario
              </label>
              {choice === "new-scenario" && <input aria-label="Scenario name" value={scenarioName} onChange={(e) => setScenarioName(e.target.value)} />}
              <label>
                <input type="radio" name="target" disabled={!hasDocument || shownFormat === "json"} checked={choice === "merge" && shownFormat !== "json"} onChange={() => setChoice("merge")} />{" "}
                {emptyScenario
                  ? "the open scenario, which is empty"
                  : "the open scenario (match people by employee id, then email; update them, add new people, mark missing ones as leaving)"}
              </label>
            </fieldset>
            {"missing" in target && <p className="muted">{target.missing}</p>}
            {note && <p className="muted">{note}</p>}
            <div className="modal-actions">
              <button type="button" onClick={onClose}>Cancel</button>
              <button type="button" className="primary" disabled={nothing || stale || "missing" in target || (choice === "merge" && shownFormat === "json")} onClick={() => void run()}>
                {draft && draft.preview.problems.length > 0 ? "Import valid rows" : "Import"}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
