// Sorting by several columns from the headers: a click sorts by that column alone (a second click reverses it, a
// third drops it); a Shift-click adds it as a further level, or reverses it where it already is.
import type { SortKey } from "./sheetModel";

export function nextSort(sort: readonly SortKey[], key: string, addLevel: boolean): SortKey[] {
  const at = sort.findIndex((s) => s.key === key);
  if (addLevel) {
    if (at < 0) return [...sort, { key, desc: false }];
    return sort.map((s, i) => (i === at ? { key, desc: !s.desc } : s));
  }
  if (at !== 0 || sort.length > 1) return at === 0 ? [{ key, desc: !sort[0]!.desc }] : [{ key, desc: false }];
  return sort[0]!.desc ? [] : [{ key, desc: true }];
}
