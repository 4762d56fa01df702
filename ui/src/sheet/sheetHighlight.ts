// The people the sheet's filter matches, for the org chart to highlight as it does search hits: a tiny store the
// sheet writes and the chart reads, so the two views agree on who "designers in Berlin" are.
const EMPTY: ReadonlySet<number> = new Set();
let current: ReadonlySet<number> = EMPTY;
const listeners = new Set<() => void>();

export const sheetHighlight = {
  get: (): ReadonlySet<number> => current,
  set(ids: readonly number[]): void {
    const next = ids.length === 0 ? EMPTY : new Set(ids);
    if (next === current) return;
    current = next;
    for (const f of listeners) f();
  },
  subscribe(f: () => void): () => void {
    listeners.add(f);
    return () => listeners.delete(f);
  },
};
