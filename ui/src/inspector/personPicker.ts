// The people a "Reports to" or "Add dotted line" field offers for what was typed, and which people may be offered:
// plain functions over the records, tested without React.
import type { DottedLine, Person } from "../bindings";
import { reportsTo } from "../app/drop";
import { fold, matchRank, queryTokens } from "../search/searchIndex";
import { displayName } from "./deletePlan";

export interface PickRow {
  id: number;
  name: string;
  title: string;
}

/**
 * Up to `limit` people whose name (or title, or employee id) matches every typed word, best first: a match at the
 * start of the name, then at the start of a later word of it (or the exact employee id), inside it, then in the
 * title; ties by name. An empty
 * query offers nobody (a list of the whole org is not a choice).
 */
export function pickCandidates(persons: readonly Person[], query: string, allowed: (id: number) => boolean, limit = 8): PickRow[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const scored: { row: PickRow; rank: number }[] = [];
  for (const p of persons) {
    if (!allowed(p.id)) continue;
    const name = fold(displayName(p)), title = fold(p.title), eid = p.employee_id ? fold(p.employee_id) : "";
    let rank = 0;
    for (const t of tokens) {
      const inName = matchRank(name, t);
      const r = inName >= 0 ? inName : eid === t ? 1 : matchRank(title, t) >= 0 ? 3 : -1;
      if (r < 0) { rank = -1; break; }
      rank = Math.max(rank, r);
    }
    if (rank >= 0) scored.push({ row: { id: p.id, name: displayName(p), title: p.title }, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.row.name.localeCompare(b.row.name) || a.row.id - b.row.id);
  return scored.slice(0, limit).map((s) => s.row);
}

/** Who may become `person`'s manager: not themselves, nobody below them (a loop), not the manager they have. */
export function managerAllowed(managers: ReadonlyMap<number, number | null>, person: number): (id: number) => boolean {
  const current = managers.get(person) ?? null;
  return (id) => id !== person && id !== current && !reportsTo(managers, id, person);
}

/** Who may become a dotted-line manager of `person`: not themselves, not their manager, not one they have. */
export function dottedAllowed(person: Pick<Person, "id" | "manager">, lines: readonly DottedLine[]): (id: number) => boolean {
  const have = new Set(lines.filter((d) => d.person === person.id).map((d) => d.manager));
  return (id) => id !== person.id && id !== person.manager && !have.has(id);
}

/** The dotted-line managers of a person, in id order. */
export function dottedManagersOf(person: number, lines: readonly DottedLine[]): number[] {
  return lines.filter((d) => d.person === person).map((d) => d.manager).sort((a, b) => a - b);
}
