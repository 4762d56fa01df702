// Edits for the browser-only synthetic org, so drag-and-drop can be tried in `vite dev` without the Rust back end.
// The refusals are the app's own (app/drop.ts), so the demo cannot drift from what the core allows.
import type { DropVerdict } from "../../canvas/interaction";
import { dropVerdict, reportsTo } from "../../app/drop";
import type { SyntheticOrg } from "./syntheticScene";

/** person id -> manager id, as the app keeps it (ids are index + 1; the root has none). */
export function managersOf(org: SyntheticOrg): Map<number, number | null> {
  const m = new Map<number, number | null>();
  for (let i = 0; i < org.parent.length; i++) {
    const p = org.parent[i] as number;
    m.set(i + 1, p < 0 ? null : p + 1);
  }
  return m;
}

/** True when `maybeDescendant` is `ancestor` or reports to it, directly or not (indexes, not ids). */
export function isWithin(org: SyntheticOrg, maybeDescendant: number, ancestor: number): boolean {
  return reportsTo(managersOf(org), maybeDescendant + 1, ancestor + 1);
}

/** The app's verdict for dropping `draggedId` on `targetId`. */
export function devCanDrop(org: SyntheticOrg, draggedId: number, targetId: number): DropVerdict {
  const name = (id: number) => org.people[id - 1]?.name ?? `#${id}`;
  return dropVerdict(managersOf(org), draggedId, targetId, name);
}

/** Returns a new org with the move applied (shift = add a dotted line instead); a refused drop changes nothing. */
export function devApplyDrop(org: SyntheticOrg, draggedId: number, targetId: number, shift: boolean): SyntheticOrg {
  const d = draggedId - 1, t = targetId - 1;
  if (shift) return { ...org, dotted: [...org.dotted, [d, t]] };
  if (org.parent[d] === t || !devCanDrop(org, draggedId, targetId).ok) return org;
  const parent = org.parent.slice();
  parent[d] = t;
  return { ...org, parent };
}
