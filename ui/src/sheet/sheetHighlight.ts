// The people the sheet's filter matches, for the org chart to highlight as it does search hits: a tiny store the
// sheet writes and the chart reads, so the two views agree on who "designers in Berlin" are. Kept with the
// document and scenario it was made in: ids mean other people elsewhere.
const EMPTY: ReadonlySet<number> = new Set();
let current: { ids: ReadonlySet<number>; scope: string } = { ids: EMPTY, scope: "" };
const listeners = new Set<() => void>();

export const sheetHighlight = {
  get: (): { ids: ReadonlySet<number>; scope: string } => current,
  set(ids: readonly number[], scope: string): void {
    if (ids.length === 0 && current.ids.size === 0) return;
    current = { ids: ids.length === 0 ? EMPTY : new Set(ids), scope };
    for (const f of listeners) f();
  },
  subscribe(f: () => void): () => void {
    listeners.add(f);
    return () => listeners.delete(f);
  },
};

/** Where a highlight belongs: the document's path and the open scenario. */
export const highlightScope = (path: string | undefined, scenario: number | null | undefined) => `${path ?? ""}#${scenario ?? ""}`;
