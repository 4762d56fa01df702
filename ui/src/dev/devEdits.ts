// Edits for the dev-only synthetic org, so drag-and-drop can be tried in `vite dev` without the Rust back end.
import type { DropVerdict } from "../canvas/interaction";
import type { SyntheticOrg } from "./syntheticScene";

/** True when `maybeDescendant` is `ancestor` or reports to it, directly or not. */
export function isWithin(org: SyntheticOrg, maybeDescendant: number, ancestor: number): boolean {
  for (let i = maybeDescendant, guard = 0; i >= 0 && guard <= org.parent.length; i = org.parent[i] as number, guard++) {
    if (i === ancestor) return true;
  }
  return false;
}

/** Same rules the Rust side is expected to enforce; ids are index + 1. */
export function devCanDrop(org: SyntheticOrg, draggedId: number, targetId: number): DropVerdict {
  const d = draggedId - 1, t = targetId - 1;
  const who = org.people[d]?.name ?? "This person";
  if (org.people[t]?.isOpenPosition) return { ok: false, reason: "An open position cannot have reports" };
  if (isWithin(org, t, d)) return { ok: false, reason: `${org.people[t]?.name ?? "Target"} reports to ${who}: that would make a loop` };
  return { ok: true };
}

/** Returns a new org with the move applied (shift = add a dotted line instead). */
export function devApplyDrop(org: SyntheticOrg, draggedId: number, targetId: number, shift: boolean): SyntheticOrg {
  const d = draggedId - 1, t = targetId - 1;
  if (shift) return { ...org, dotted: [...org.dotted, [d, t]] };
  if (org.parent[d] === t || isWithin(org, t, d)) return org;
  const parent = org.parent.slice();
  parent[d] = t;
  return { ...org, parent };
}
