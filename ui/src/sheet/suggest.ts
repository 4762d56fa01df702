// What the cell editor offers as one types: people for the manager and dotted-line cells (the last name of a list),
// teams for the teams cell (keeping the allocations typed before), the allowed values of a choice column.
import type { Person, SheetColumn, Unit } from "../bindings";
import { pickCandidates } from "../inspector/personPicker";
import { fold } from "../search/searchIndex";

export interface Suggestion {
  /** The whole cell text choosing it gives. */
  value: string;
  label: string;
  detail?: string;
}

/** Splits "A, B, Gr" into "A, B, " and "Gr". */
function lastPart(text: string): [string, string] {
  const at = text.lastIndexOf(",");
  return at < 0 ? ["", text] : [text.slice(0, at + 1) + " ", text.slice(at + 1)];
}

export function suggestions(column: SheetColumn, text: string, person: number, persons: readonly Person[], units: readonly Unit[], limit = 8): Suggestion[] {
  switch (column.kind) {
    case "person":
      return pickCandidates(persons, text, (id) => id !== person, limit).map((p) => ({ value: p.name, label: p.name, detail: p.title }));
    case "persons": {
      const [head, tail] = lastPart(text);
      return pickCandidates(persons, tail, (id) => id !== person, limit).map((p) => ({ value: head + p.name, label: p.name, detail: p.title }));
    }
    case "teams": {
      const [head, tail] = lastPart(text);
      const q = fold(tail.replace(/\s*\d+\s*%?\s*$/, "").trim());
      if (q === "") return [];
      const pct = /(\d+)\s*%?\s*$/.exec(tail)?.[1] ?? "100";
      return units
        .filter((u) => fold(u.name).includes(q))
        .sort((a, b) => Number(!fold(a.name).startsWith(q)) - Number(!fold(b.name).startsWith(q)) || a.name.localeCompare(b.name))
        .slice(0, limit)
        .map((u) => ({ value: `${head}${u.name} ${pct}%`, label: u.name, detail: u.kind }));
    }
    case "choice": {
      const q = fold(text.trim());
      // Built-in choices are kebab-case ("open-position"); a custom field's are as its author wrote them.
      return column.choices.filter((c) => fold(c).includes(q) || c.includes(q.replace(/\s+/g, "-"))).slice(0, limit).map((c) => ({ value: c, label: c }));
    }
    default:
      return [];
  }
}
