// The sheet's order and filter over the core's dictionary-coded columns (crates/api/src/sheet.rs): each column is
// ranked once per table (its distinct values sorted), a filter is decided once per distinct value, and the rows
// are then sorted and filtered over typed arrays, so 100k rows take milliseconds.
import type { SheetColumn, SheetKind, SheetTable } from "../bindings";

export interface SortKey {
  key: string;
  desc: boolean;
}

export type FilterOp =
  | "contains" | "not-contains" | "is" | "is-not" | "starts-with" | "is-empty" | "is-not-empty"
  | "lt" | "le" | "gt" | "ge";

export interface Filter {
  key: string;
  op: FilterOp;
  value: string;
}

export const FILTER_OPS: Record<FilterOp, string> = {
  contains: "contains",
  "not-contains": "does not contain",
  is: "is",
  "is-not": "is not",
  "starts-with": "starts with",
  "is-empty": "is empty",
  "is-not-empty": "is not empty",
  lt: "<",
  le: "≤",
  gt: ">",
  ge: "≥",
};

/** The operators that make sense for a column's kind. */
export function opsFor(kind: SheetKind): FilterOp[] {
  switch (kind) {
    case "number":
      return ["is", "is-not", "lt", "le", "gt", "ge", "is-empty", "is-not-empty"];
    case "date":
      return ["is", "lt", "le", "gt", "ge", "is-empty", "is-not-empty"];
    case "choice":
      return ["is", "is-not", "is-empty", "is-not-empty"];
    default:
      return ["contains", "not-contains", "is", "is-not", "starts-with", "is-empty", "is-not-empty"];
  }
}

const fold = (s: string) => s.toLowerCase();

/** The number a number cell starts with ("120000 EUR" → 120000); NaN when none. */
export function leadingNumber(s: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(s);
  return m ? Number(m[1]) : NaN;
}

/** Ranks a column's distinct values: `rank[code]` orders the cells (the core sends them sorted, so usually
 * `rank[code] === code`, checked in one pass; a column in another order is sorted here). */
export function rankColumn(col: SheetColumn): Uint32Array {
  const n = col.values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let cmp: (a: number, b: number) => number;
  if (col.kind === "number") {
    const nums = new Float64Array(n);
    for (let i = 0; i < n; i++) nums[i] = leadingNumber(col.values[i]!);
    cmp = (a, b) => {
      const x = nums[a]!, y = nums[b]!;
      if (Number.isNaN(x)) return Number.isNaN(y) ? a - b : 1;
      if (Number.isNaN(y)) return -1;
      return x - y || a - b;
    };
  } else {
    const keys = col.values.map(fold);
    cmp = (a, b) => {
      const x = keys[a]!, y = keys[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    };
  }
  // The empty value (code 0) sorts apart from the others (see keys in view()); only 1.. need ranking.
  let sorted = true;
  for (let i = 2; i < n && sorted; i++) if (cmp(i - 1, i) > 0) sorted = false;
  if (sorted) return order;
  const rest = order.subarray(1).sort(cmp);
  const rank = new Uint32Array(n);
  for (let r = 0; r < rest.length; r++) rank[rest[r]!] = r + 1;
  return rank;
}

/** Whether one distinct value passes a filter. */
export function passes(kind: SheetKind, value: string, f: Filter): boolean {
  const v = fold(value), want = fold(f.value.trim());
  switch (f.op) {
    case "is-empty": return value === "";
    case "is-not-empty": return value !== "";
    case "contains": return v.includes(want);
    case "not-contains": return !v.includes(want);
    case "starts-with": return v.startsWith(want);
    case "is": return kind === "number" ? leadingNumber(value) === leadingNumber(want) : v === want;
    case "is-not": return kind === "number" ? leadingNumber(value) !== leadingNumber(want) : v !== want;
  }
  if (value === "") return false;
  const cmp = kind === "number" ? leadingNumber(value) - leadingNumber(want) : v < want ? -1 : v > want ? 1 : 0;
  if (Number.isNaN(cmp)) return false;
  switch (f.op) {
    case "lt": return cmp < 0;
    case "le": return cmp <= 0;
    case "gt": return cmp > 0;
    case "ge": return cmp >= 0;
  }
}

/** A table with its columns' ranks kept, so resorting never re-ranks. */
export class SheetData {
  private ranks = new Map<string, Uint32Array>();
  readonly byKey = new Map<string, SheetColumn>();
  private rows: Map<number, number> | null = null;

  constructor(readonly table: SheetTable) {
    for (const c of table.columns) this.byKey.set(c.key, c);
  }

  /** The table row of an id (built on first use: opening the sheet needs none). */
  get rowOf(): ReadonlyMap<number, number> {
    if (!this.rows) {
      this.rows = new Map();
      this.table.ids.forEach((id, i) => this.rows!.set(id, i));
    }
    return this.rows;
  }

  get size(): number {
    return this.table.ids.length;
  }

  text(row: number, key: string): string {
    const c = this.byKey.get(key);
    return c ? c.values[c.codes[row]!]! : "";
  }

  rank(key: string): Uint32Array | undefined {
    let r = this.ranks.get(key);
    if (!r) {
      const c = this.byKey.get(key);
      if (!c) return undefined;
      r = rankColumn(c);
      this.ranks.set(key, r);
    }
    return r;
  }

  /** The rows (indexes into the table) passing every filter, in the sort's order (table order for ties). */
  view(sort: readonly SortKey[], filters: readonly Filter[]): Uint32Array {
    const n = this.size;
    let keep: Uint8Array | null = null;
    for (const f of filters) {
      const c = this.byKey.get(f.key);
      if (!c) continue;
      const ok = new Uint8Array(c.values.length);
      for (let i = 0; i < c.values.length; i++) ok[i] = passes(c.kind, c.values[i]!, f) ? 1 : 0;
      const codes = c.codes;
      if (!keep) {
        keep = new Uint8Array(n);
        for (let r = 0; r < n; r++) keep[r] = ok[codes[r]!]!;
      } else {
        for (let r = 0; r < n; r++) if (keep[r]) keep[r] = ok[codes[r]!]!;
      }
    }
    let count = n;
    if (keep) { count = 0; for (let r = 0; r < n; r++) count += keep[r]!; }
    const rows = new Uint32Array(count);
    if (keep) { let j = 0; for (let r = 0; r < n; r++) if (keep[r]) rows[j++] = r; } else for (let r = 0; r < n; r++) rows[r] = r;
    // Each level's key per row: its rank, reversed for a descending level, with empty cells last either way.
    const levels = sort.flatMap((s) => {
      const rank = this.rank(s.key), col = this.byKey.get(s.key);
      return rank && col ? [{ rank, codes: col.codes, desc: s.desc, span: col.values.length + 1 }] : [];
    });
    const keyOf = (l: (typeof levels)[number], r: number): number => {
      const code = l.codes[r]!;
      if (code === 0) return l.span - 1;
      const k = l.rank[code]!;
      return l.desc ? l.span - 2 - k : k;
    };
    if (levels.length === 0) return rows;
    // While the levels' keys and the row number fit one exact double, sort packed numbers natively (no
    // comparator); otherwise compare level by level.
    const span = levels.reduce((p, l) => p * l.span, n + 1);
    if (span <= Number.MAX_SAFE_INTEGER) {
      const keys = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const r = rows[i]!;
        let k = 0;
        for (const l of levels) k = k * l.span + keyOf(l, r);
        keys[i] = k * (n + 1) + r;
      }
      keys.sort();
      for (let i = 0; i < count; i++) rows[i] = keys[i]! % (n + 1);
    } else {
      const cols = levels.map((l) => {
        const k = new Uint32Array(n);
        for (let r = 0; r < n; r++) k[r] = keyOf(l, r);
        return k;
      });
      rows.sort((a, b) => {
        for (const k of cols) {
          const d = k[a]! - k[b]!;
          if (d !== 0) return d;
        }
        return a - b;
      });
    }
    return rows;
  }

  /** The ids of the rows passing the filters (for the chart's highlight). */
  matchingIds(filters: readonly Filter[]): number[] {
    if (filters.length === 0) return [];
    const rows = this.view([], filters);
    return Array.from(rows, (r) => this.table.ids[r]!);
  }
}
