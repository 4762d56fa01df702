// The scenario bar's and compare panel's logic without React: names, the baseline, grouping and figures.
import type { Scenario } from "../bindings";
import type { ChangeKind, DiffChange, DiffNumber } from "./diffTypes";

/** The baseline ("Current"): the first scenario in bar order that is not archived (as the core decides). */
export function baselineOf(scenarios: readonly Scenario[]): Scenario | undefined {
  return scenarios.find((s) => !s.archived) ?? scenarios[0];
}

/** `stem`, or `stem 2`, `stem 3`, ... : the first name no scenario has. */
export function freshName(scenarios: readonly Scenario[], stem: string): string {
  const taken = new Set(scenarios.map((s) => s.name));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem} ${n}`)) return `${stem} ${n}`;
}

/** The palette's list: scenarios whose name contains every word typed, in bar order. */
export function filterScenarios(scenarios: readonly Scenario[], query: string): Scenario[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return scenarios.filter((s) => words.every((w) => s.name.toLowerCase().includes(w)));
}

const KIND_TITLES: Record<ChangeKind, [group: string, title: string]> = {
  "manager-changed": ["People", "Changed manager"],
  "team-changed": ["People", "Changed team or allocation"],
  "person-joined": ["People", "Joined"],
  "person-left": ["People", "Left"],
  "title-changed": ["People", "Changed title"],
  "unit-created": ["Units", "Created"],
  "unit-removed": ["Units", "Removed"],
  "unit-renamed": ["Units", "Renamed"],
  "unit-moved": ["Units", "Moved to another group"],
  "unit-kind-changed": ["Units", "Changed kind"],
  "owner-changed": ["Product areas", "Ownership transferred"],
  "area-orphaned": ["Product areas", "Left without an owner"],
  "area-created": ["Product areas", "Created"],
  "area-removed": ["Product areas", "Removed"],
  "interaction-added": ["Interactions", "Added"],
  "interaction-removed": ["Interactions", "Removed"],
  "interaction-mode-changed": ["Interactions", "Changed mode"],
};

export interface ChangeSection {
  kind: ChangeKind;
  group: string;
  title: string;
  changes: DiffChange[];
}

/** The change list cut into one section per kind; the core already sends it grouped, in kind order. */
export function sectionsOf(changes: readonly DiffChange[]): ChangeSection[] {
  const out: ChangeSection[] = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    if (last && last.kind === c.kind) last.changes.push(c);
    else {
      const [group, title] = KIND_TITLES[c.kind] ?? ["Other", c.kind];
      out.push({ kind: c.kind, group, title, changes: [c] });
    }
  }
  return out;
}

/** "from → to", or the one side there is. */
export function transition(c: DiffChange): string {
  if (c.from !== null && c.to !== null) return `${c.from} → ${c.to}`;
  return c.from ?? c.to ?? "";
}

/** Whole numbers as they are, others with one decimal; a dash when there is no figure (the bindings allow null). */
export function figure(x: number | null): string {
  if (x === null) return "—";
  return Number.isInteger(x) ? x.toLocaleString("en") : x.toFixed(1);
}

export function difference(n: DiffNumber): string {
  const d = n.difference;
  if (d === null) return "—";
  if (d === 0) return "0";
  return (d > 0 ? "+" : "−") + figure(Math.abs(d));
}

/** Where a change's subject is seen: people on the org chart, units and interactions on the team map, areas on the ownership map. */
export function focusOf(c: DiffChange): { view: "org-chart" | "team-map" | "ownership"; person?: number; unit?: number; area?: number } {
  switch (c.entity) {
    case "person":
      return { view: "org-chart", person: c.subject.id };
    case "unit":
      return { view: "team-map", unit: c.subject.id };
    case "interaction":
      return { view: "team-map" };
    case "area":
      return { view: "ownership", area: c.subject.id };
  }
}
