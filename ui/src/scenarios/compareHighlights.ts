// The compare mode's marks: which cards of the proposal's org chart a comparison highlights, and who left.
import type { CompareOverlay } from "../canvas/highlights";
import type { ChangeKind, Diff, DiffRef } from "./diffTypes";
import { ownershipMarksOf, type OwnershipMarks } from "./ownershipMarks";

/** The kinds of change marked on the chart, in legend order; later kinds win when one person has several. */
export type MarkKind = "manager" | "team" | "joined";

/** How one kind of change is drawn (on the chart's cards here, on the ownership map's areas in ownershipMarks.ts). */
export interface MarkStyle<K extends string = MarkKind> {
  kind: K;
  label: string;
  /** Outline around the card. */
  stroke: string;
  /** Tint under the card's text. */
  fill: string;
}

export const MARK_STYLES: readonly MarkStyle[] = [
  { kind: "team", label: "Changed team or allocation", stroke: "#d97706", fill: "rgba(217, 119, 6, 0.14)" },
  { kind: "manager", label: "Changed manager", stroke: "#7c3aed", fill: "rgba(124, 58, 237, 0.14)" },
  { kind: "joined", label: "Joined", stroke: "#059669", fill: "rgba(5, 150, 105, 0.14)" },
];

/** A person of the "from" scenario who has no card on the proposal's chart. */
export interface Ghost {
  person: DiffRef;
  /** Their old manager (named from the people impact when it lists them), null at the top of the org. */
  manager: DiffRef | null;
}


export interface CompareMarks {
  byKind: ReadonlyMap<MarkKind, ReadonlySet<number>>;
  /** Ready for the chart: one set per kind that has people (MARK_STYLES order), and the leavers per old manager. */
  chart: CompareOverlay;
  ghosts: readonly Ghost[];
  /** The leavers per old manager, for the "−N left" badge on the manager's card. */
  ghostsByManager: ReadonlyMap<number, readonly DiffRef[]>;
  /** The same comparison on the ownership map. */
  ownership: OwnershipMarks;
}

const KIND_OF_CHANGE: Readonly<Partial<Record<ChangeKind, MarkKind>>> = {
  "manager-changed": "manager",
  "team-changed": "team",
  "person-joined": "joined",
};

/** The marks for a comparison drawn on its "to" scenario. */
export function compareMarksOf(diff: Diff): CompareMarks {
  const byKind = new Map<MarkKind, Set<number>>(MARK_STYLES.map((s) => [s.kind, new Set<number>()]));
  const managerNames = new Map<number, string>();
  for (const m of diff.impact) managerNames.set(m.manager.id, m.manager.name);
  const ghosts: Ghost[] = [];
  const ghostsByManager = new Map<number, DiffRef[]>();
  for (const c of diff.changes) {
    if (c.entity !== "person") continue;
    const kind = KIND_OF_CHANGE[c.kind];
    if (kind) byKind.get(kind)!.add(c.subject.id);
    else if (c.kind === "person-left") {
      const m = c.from_id;
      ghosts.push({ person: c.subject, manager: m === null ? null : { id: m, name: managerNames.get(m) ?? `person #${m}` } });
      if (m === null) continue;
      const under = ghostsByManager.get(m);
      if (under) under.push(c.subject);
      else ghostsByManager.set(m, [c.subject]);
    }
  }
  const sets = MARK_STYLES.filter((s) => byKind.get(s.kind)!.size > 0).map((s) => ({ ids: byKind.get(s.kind)!, stroke: s.stroke, fill: s.fill }));
  const left = new Map([...ghostsByManager].map(([m, people]) => [m, people.map((p) => p.name)]));
  return { byKind, chart: { sets, left }, ghosts, ghostsByManager, ownership: ownershipMarksOf(diff) };
}

/** The kinds a person is marked with, for the e2e hooks and tooltips. */
export function markKindsOf(marks: CompareMarks, id: number): MarkKind[] {
  return MARK_STYLES.filter((s) => marks.byKind.get(s.kind)?.has(id)).map((s) => s.kind);
}
