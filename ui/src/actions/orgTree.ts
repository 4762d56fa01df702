// Walks over reporting lines for the chart's actions: a person's chain of managers, what to expand to reveal them,
// and which people to collapse to show the chart down to a level.
import type { Person } from "../bindings";

export type ManagerOf = (id: number) => number | null | undefined;

/** The managers above `id`, nearest first. Bounded, so a loop in bad data cannot hang the UI. */
export function managerChain(managerOf: ManagerOf, id: number, limit = 10_000): number[] {
  const chain: number[] = [];
  const seen = new Set<number>([id]);
  let cur = managerOf(id);
  while (cur !== null && cur !== undefined && !seen.has(cur) && chain.length < limit) {
    chain.push(cur);
    seen.add(cur);
    cur = managerOf(cur);
  }
  return chain;
}

/** The collapsed managers hiding `id`, top first: expand these and the person gets a card of their own. */
export function ancestorsToExpand(managerOf: ManagerOf, id: number, collapsed: ReadonlySet<number>): number[] {
  return managerChain(managerOf, id).filter((m) => collapsed.has(m)).reverse();
}

/** Where `id` sits in a list sorted by id (as the core sends every list), or -1: no map to build per edit. */
export function indexById(list: readonly { id: number }[], id: number): number {
  let lo = 0, hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = (list[mid] as { id: number }).id;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  // Not sorted after all (a test's hand-made list): look everywhere.
  return list.findIndex((p) => p.id === id);
}

/**
 * Depth of each person below the top of their tree (0), aligned with `persons` (sorted by id). A manager missing
 * from the list makes a top of tree; a loop in bad data is cut where the walk meets itself.
 */
export function depths(persons: readonly Pick<Person, "id" | "manager">[]): Int32Array {
  const n = persons.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = (persons[i] as Pick<Person, "manager">).manager;
    parent[i] = m === null ? -1 : indexById(persons, m);
  }
  const depth = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let j = i;
    while (j >= 0 && (depth[j] as number) === -1) {
      depth[j] = -2; // on the current walk
      path.push(j);
      j = parent[j] as number;
    }
    let d = j >= 0 && (depth[j] as number) >= 0 ? (depth[j] as number) : -1;
    while (path.length) depth[path.pop() as number] = ++d;
  }
  return depth;
}

/**
 * The collapsed set that shows `level` levels (1 = only the tops of the trees): everyone at that level who has
 * reports. Deeper people are not collapsed, so expanding one of those cards shows everything below it. A level
 * deeper than the org collapses no one.
 */
export function collapsedForLevel(persons: readonly Pick<Person, "id" | "manager">[], level: number): number[] {
  if (level < 1) return [];
  const depth = depths(persons);
  const out = new Set<number>();
  for (let i = 0; i < persons.length; i++) {
    const m = (persons[i] as Pick<Person, "manager">).manager;
    if (m === null || (depth[i] as number) !== level) continue;
    out.add(m);
  }
  return [...out].sort((a, b) => a - b);
}
