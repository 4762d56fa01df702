// The Sheet view (fifth tab): the open scenario's people (or units) as a spreadsheet. Rows come from the core
// (sheet_table, dictionary-coded columns); sorting and filtering run over typed arrays (./sheetModel); every edit,
// paste, fill or bulk action becomes one typed op (./sheetOps) through the controller, so one Ctrl+Z undoes it.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { commands, type Error as CoreError, type Op, type SheetMode, type SheetView as SavedView } from "../bindings";
import type { AppController } from "../app/controller";
import { SheetData, type Filter, type SortKey } from "./sheetModel";
import { CellProblem, Lookup, batch, editOps, failedStep, type CellEdit } from "./sheetOps";
import { highlightScope, sheetHighlight } from "./sheetHighlight";
import { sheetState } from "./sheetState";
import { SheetGrid } from "./SheetGrid";
import { FilterBar } from "./FilterBar";
import { BulkBar } from "./BulkBar";
import { SavedViews } from "./SavedViews";
import { ConfirmDialog } from "../inspector/ConfirmDialog";
import { deleteMany } from "./deleteMany";
import "./sheet.css";

export function SheetView({ ctl }: { ctl: AppController }) {
  const { doc } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const [mode, setMode] = useState<SheetMode>(sheetState.get().mode);
  const [data, setData] = useState<SheetData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey[]>(sheetState.get().sort);
  const [filters, setFilters] = useState<Filter[]>(sheetState.get().filters);
  const [highlight, setHighlight] = useState(sheetState.get().highlight);
  useEffect(() => sheetState.set({ mode, sort, filters, highlight }), [mode, sort, filters, highlight]);
  const [selected, setSelected] = useState<number[]>([]);
  const [deleting, setDeleting] = useState<number[] | null>(null);
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => {
    let live = true;
    void commands.sheetViews().then((r) => { if (live && r.status === "ok") setViews(r.data.views); });
    return () => { live = false; };
  }, [doc?.history, doc?.document?.path]);

  useEffect(() => {
    let live = true;
    void commands.sheetTable(mode).then((r) => {
      if (!live) return;
      if (r.status === "ok") setData(new SheetData(r.data));
      else setProblem(r.error.message);
    });
    return () => { live = false; };
  }, [mode, doc?.records, doc?.active_scenario]);

  // A filter still waiting for its value filters nothing out.
  const complete = useMemo(() => filters.filter((f) => f.op === "is-empty" || f.op === "is-not-empty" || f.value.trim() !== ""), [filters]);
  const rows = useMemo(() => (data ? data.view(sort, complete) : new Uint32Array(0)), [data, sort, complete]);
  useEffect(() => {
    sheetHighlight.set(
      highlight && mode === "people" && data && complete.length > 0 ? Array.from(rows, (r) => data.table.ids[r]!) : [],
      highlightScope(doc?.document?.path, doc?.active_scenario),
    );
  }, [rows, highlight, mode, data, complete.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const editable = useCallback((key: string) => mode === "people" || UNIT_EDITABLE.has(key), [mode]);
  const lookup = useMemo(() => (doc ? new Lookup(doc.records) : null), [doc]);

  /** Applies cell edits as one op; a refusal names the row and changes nothing. */
  const commit = async (edits: readonly CellEdit[], label: string): Promise<boolean> => {
    if (!lookup || !data || edits.length === 0) return false;
    let ops: Op[];
    try {
      ops = mode === "people" ? editOps(edits, lookup) : unitOps(edits, doc!.records.units);
    } catch (e) {
      if (e instanceof CellProblem) return refuse(rowName(e.id), e.message, "invalid_value");
      throw e;
    }
    const op = ops.length === 1 ? ops[0]! : batch(label, ops);
    if (!op) return true;
    return apply(op, ops);
  };

  const apply = async (op: Op, ops: readonly Op[]): Promise<boolean> => {
    const refusal = await ctl.applyOrRefusal(op);
    if (!refusal) { setProblem(null); return true; }
    const step = ops.length === 1 ? 0 : failedStep(refusal.message);
    const sub = step === null ? undefined : ops[step];
    const about = sub ? subjectOf(sub) : null;
    const message = refusal.message.replace(/^step \d+ \([^)]*\): /, "");
    return refuse(about === null ? null : rowName(about), message, refusal.code);
  };

  const rowName = (id: number): string | null => {
    if (!data) return null;
    const r = data.rowOf.get(id);
    if (r === undefined) return null;
    const at = rows.indexOf(r);
    return `row ${at >= 0 ? at + 1 : "?"} (${data.text(r, "name") || `#${id}`})`;
  };

  const refuse = (row: string | null, message: string, code: CoreError["code"]): false => {
    const text = `Nothing changed: ${row ? `${row}: ` : ""}${message}`;
    setProblem(text);
    ctl.fail({ code, message: text });
    return false;
  };

  if (!doc?.document) return null;
  return (
    <div className="sheet-view" aria-label="Sheet">
      <div className="sheet-controls">
        <div role="radiogroup" aria-label="Rows" className="sheet-mode">
          {(["people", "units"] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="sheet-mode" checked={mode === m} onChange={() => { setMode(m); setSort([]); setFilters([]); }} />
              {m === "people" ? "People" : "Units"}
            </label>
          ))}
        </div>
        {data && (
          <FilterBar
            columns={data.table.columns}
            filters={filters}
            onChange={setFilters}
            highlight={mode === "people" ? highlight : null}
            onHighlight={setHighlight}
          />
        )}
        <SavedViews
          views={views}
          current={{ mode, sort, filters: complete }}
          onOpen={(v) => { setMode(v.mode); setSort(v.sort); setFilters(v.filters); }}
          apply={async (op) => !(await ctl.applyOrRefusal(op))}
        />
        <span className="muted sheet-count" aria-live="polite">
          {data ? `${rows.length.toLocaleString("en")} of ${data.size.toLocaleString("en")} ${mode}` : "Loading…"}
        </span>
      </div>
      {mode === "people" && selected.length > 1 && lookup && (
        <BulkBar ids={selected} lookup={lookup} columns={data?.table.columns ?? []} apply={(op) => (op ? apply(op, op.op === "batch" ? op.ops : [op]) : Promise.resolve(true))} />
      )}
      {problem && <p className="sheet-problem" role="alert">{problem}</p>}
      {data && (
        <SheetGrid
          data={data}
          rows={rows}
          sort={sort}
          onSort={setSort}
          onCommit={commit}
          onSelected={setSelected}
          persons={doc.records.persons}
          units={doc.records.units}
          editable={editable}
          onDelete={mode === "people" ? setDeleting : undefined}
        />
      )}
      {deleting && lookup && (() => {
        const plan = deleteMany(deleting, lookup);
        return (
          <ConfirmDialog
            title={plan.title}
            body={plan.body}
            confirmLabel={plan.confirmLabel}
            onCancel={() => setDeleting(null)}
            onConfirm={() => { setDeleting(null); void apply(plan.op, plan.op.op === "batch" ? plan.op.ops : [plan.op]); }}
          />
        );
      })()}
    </div>
  );
}

/** The person or unit an op acts on, to name its row when the core refuses it. */
function subjectOf(op: Op): number | null {
  switch (op.op) {
    case "update-person": return op.person.id;
    case "update-unit": return op.unit.id;
    case "move-subtree": case "set-manager": case "add-dotted-line": case "remove-dotted-line":
    case "set-membership": case "remove-membership":
      return op.person;
    case "delete-person": return op.id;
    default: return null;
  }
}

const UNIT_EDITABLE = new Set(["name", "mission", "colour", "target_size", "kind"]);

/** Unit cells: the plain fields of update-unit. */
function unitOps(edits: readonly CellEdit[], units: readonly import("../bindings").Unit[]): Op[] {
  const drafts = new Map<number, import("../bindings").Unit>();
  for (const e of edits) {
    const before = drafts.get(e.id) ?? units.find((u) => u.id === e.id);
    if (!before) throw new CellProblem(e.id, e.key, `unit #${e.id} is no longer in the org`);
    const u = { ...before };
    const t = e.text.trim();
    switch (e.key) {
      case "name": u.name = t; break;
      case "mission": u.mission = t; break;
      case "colour": u.colour = t === "" ? null : t; break;
      case "kind": u.kind = t.toLowerCase().replace(/\s+/g, "-") as typeof u.kind; break;
      case "target_size": {
        const n = Number(t);
        if (t !== "" && !(Number.isInteger(n) && n >= 0)) throw new CellProblem(e.id, e.key, `'${t}' is not a whole number`);
        u.target_size = t === "" ? null : n;
        break;
      }
      default: throw new CellProblem(e.id, e.key, `the ${e.key} column of a unit is edited on the team map`);
    }
    drafts.set(e.id, u);
  }
  return [...drafts.values()].map((unit) => ({ op: "update-unit", unit }));
}
