// The compare mode's marks on the ownership map: areas transferred (naming the old owner), orphaned or new, and removed ones as ghosts.
import type { MarkSet } from "../canvas/highlights";
import type { MarkStyle } from "./compareHighlights";
import type { ChangeKind, Diff, DiffChange, DiffRef } from "./diffTypes";

export type AreaMarkKind = "transferred" | "orphaned" | "created";

export type AreaMarkStyle = MarkStyle<AreaMarkKind>;

/** Legend order; the tint and outline of an area row with that kind of change. */
export const AREA_MARK_STYLES: readonly AreaMarkStyle[] = [
  { kind: "transferred", label: "Ownership transferred", stroke: "#0284c7", fill: "rgba(2, 132, 199, 0.16)" },
  { kind: "orphaned", label: "Left without an owner", stroke: "#9f1239", fill: "rgba(159, 18, 57, 0.16)" },
  { kind: "created", label: "New area", stroke: "#059669", fill: "rgba(5, 150, 105, 0.14)" },
];

export interface AreaMark {
  kind: AreaMarkKind;
  /** The owner before (null when the area had none, or did not exist). */
  from: DiffRef | null;
}

/** An area of the "from" scenario that the proposal no longer has: drawn as a dashed ghost row. */
export interface RemovedArea {
  area: DiffRef;
  /** Its owner before it was removed, if it had one. */
  owner: DiffRef | null;
}

export interface OwnershipMarks {
  areas: ReadonlyMap<number, AreaMark>;
  /** For the map's highlight layer: one set per kind that has areas, in AREA_MARK_STYLES order. */
  sets: readonly MarkSet[];
  removed: readonly RemovedArea[];
}

const KIND_OF_CHANGE: Readonly<Partial<Record<ChangeKind, AreaMarkKind>>> = {
  "owner-changed": "transferred",
  "area-orphaned": "orphaned",
  "area-created": "created",
};

/** The old value of a change as a reference: its id with the name the change list gives it. */
const fromRef = (c: DiffChange): DiffRef | null => (c.from_id === null ? null : { id: c.from_id, name: c.from ?? `team #${c.from_id}` });

/** The ownership marks of a comparison drawn on its "to" scenario. */
export function ownershipMarksOf(diff: Diff): OwnershipMarks {
  const areas = new Map<number, AreaMark>();
  const removed: RemovedArea[] = [];
  for (const c of diff.changes) {
    if (c.entity !== "area") continue;
    const kind = KIND_OF_CHANGE[c.kind];
    if (kind) areas.set(c.subject.id, { kind, from: fromRef(c) });
    else if (c.kind === "area-removed") removed.push({ area: c.subject, owner: fromRef(c) });
  }
  const sets = AREA_MARK_STYLES.map((s) => ({ style: s, ids: new Set([...areas].filter(([, m]) => m.kind === s.kind).map(([id]) => id)) }))
    .filter((s) => s.ids.size > 0)
    .map(({ style, ids }) => ({ ids, stroke: style.stroke, fill: style.fill }));
  return { areas, sets, removed };
}

/** What the row says about its change at reading zoom: "from Payments", "owner was Payments", "new". */
export function areaMarkLabel(m: AreaMark): string {
  switch (m.kind) {
    case "transferred":
      return m.from ? `from ${m.from.name}` : "was unowned";
    case "orphaned":
      return m.from ? `owner was ${m.from.name}` : "no owner";
    case "created":
      return "new";
  }
}

export function markStyleOf(kind: AreaMarkKind): AreaMarkStyle {
  return AREA_MARK_STYLES.find((s) => s.kind === kind) as AreaMarkStyle;
}
