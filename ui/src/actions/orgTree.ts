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

/** Depth of every person below the top of their tree (0), from the solid-line managers. */
export function depths(persons: readonly Pick<Person, "id" | "manager">[]): Map<number, number> {
  const manager = new Map(persons.map((p) => [p.id, p.manager]));
  const depth = new Map<number, number>();
  const path: number[] = [];
  const onPath = new Set<number>();
  for (const p of persons) {
    let cur: number | null | undefined = p.id;
    while (cur !== null && cur !== undefined && !depth.has(cur) && manager.has(cur) && !onPath.has(cur)) {
      path.push(cur);
      onPath.add(cur);
      cur = manager.get(cur);
    }
    let d = cur !== null && cur !== undefined && depth.has(cur) ? (depth.get(cur) as number) : -1;
    while (path.length) depth.set(path.pop() as number, ++d);
    onPath.clear();
  }
  return depth;
}

/** The deepest level (1 = only the tops of the trees). */
export function levelCount(persons: readonly Pick<Person, "id" | "manager">[]): number {
  let max = -1;
  for (const d of depths(persons).values()) if (d > max) max = d;
  return max + 1;
}

/**
 * The collapsed set that shows `level` levels (1 = only the tops of the trees): everyone at that level who has
 * reports. Deeper people are not collapsed, so expanding one of those cards shows everything below it.
 */
export function collapsedForLevel(persons: readonly Pick<Person, "id" | "manager">[], level: number): number[] {
  if (level < 1) return [];
  const depth = depths(persons);
  const hasReports = new Set<number>();
  for (const p of persons) if (p.manager !== null && depth.has(p.manager)) hasReports.add(p.manager);
  const out: number[] = [];
  for (const p of persons) if (depth.get(p.id) === level - 1 && hasReports.has(p.id)) out.push(p.id);
  return out.sort((a, b) => a - b);
}
