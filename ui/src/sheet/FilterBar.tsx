// The filter bar: rows of field, operator and value, all of which a row must pass (AND); a filter on the people
// can also highlight the same people on the org chart.
import type { SheetColumn } from "../bindings";
import { FILTER_OPS, opsFor, type Filter } from "./sheetModel";

export interface FilterBarProps {
  columns: readonly SheetColumn[];
  filters: readonly Filter[];
  onChange(filters: Filter[]): void;
  /** null when the mode has nothing to highlight. */
  highlight: boolean | null;
  onHighlight(on: boolean): void;
}

const NEEDS_NO_VALUE = new Set(["is-empty", "is-not-empty"]);

export function FilterBar({ columns, filters, onChange, highlight, onHighlight }: FilterBarProps) {
  const set = (i: number, f: Partial<Filter>) => onChange(filters.map((x, j) => (j === i ? { ...x, ...f } : x)));
  return (
    <div className="sheet-filters" role="group" aria-label="Filters">
      {filters.map((f, i) => {
        const col = columns.find((c) => c.key === f.key);
        const ops = col ? opsFor(col.kind) : [];
        return (
          <span key={i} className="sheet-filter">
            {i > 0 && <span className="muted">and</span>}
            <select aria-label={`Filter ${i + 1} field`} value={f.key} onChange={(e) => {
              const c = columns.find((x) => x.key === e.target.value);
              set(i, { key: e.target.value, op: c ? opsFor(c.kind)[0]! : f.op, value: "" });
            }}>
              {columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </select>
            <select aria-label={`Filter ${i + 1} operator`} value={f.op} onChange={(e) => set(i, { op: e.target.value as Filter["op"] })}>
              {ops.map((o) => <option key={o} value={o}>{FILTER_OPS[o]}</option>)}
            </select>
            {!NEEDS_NO_VALUE.has(f.op) && (col?.kind === "choice" ? (
              <select aria-label={`Filter ${i + 1} value`} value={f.value} onChange={(e) => set(i, { value: e.target.value })}>
                <option value="">—</option>
                {col.choices.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            ) : (
              <input
                aria-label={`Filter ${i + 1} value`}
                type={col?.kind === "date" ? "date" : "text"}
                value={f.value}
                size={12}
                onChange={(e) => set(i, { value: e.target.value })}
              />
            ))}
            <button type="button" aria-label={`Remove filter ${i + 1}`} title="Remove this filter" onClick={() => onChange(filters.filter((_, j) => j !== i))}>×</button>
          </span>
        );
      })}
      <button type="button" onClick={() => onChange([...filters, { key: columns[0]?.key ?? "name", op: opsFor(columns[0]?.kind ?? "text")[0]!, value: "" }])}>
        + Filter
      </button>
      {highlight !== null && filters.length > 0 && (
        <label className="sheet-highlight">
          <input type="checkbox" checked={highlight} onChange={(e) => onHighlight(e.target.checked)} /> Highlight on the chart
        </label>
      )}
    </div>
  );
}
