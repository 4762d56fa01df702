// Editing the area tree as plain data: the ops that add, rename, move and delete areas, the reasons a move is
// refused, and what a delete takes with it. The views (map rows, matrix rows, inspector) only call these.
import type { Area, Contributor, Op, Unit } from "../bindings";

/** The records the tree editor reads (a DocState's records fit). */
export interface AreaRecords {
  areas: readonly Area[];
  contributors: readonly Contributor[];
  units: readonly Pick<Unit, "id" | "name">[];
}

/** Where a dragged row lands relative to the row under the pointer. */
export type DropZone = "before" | "into" | "after";

export type AreaPlan = { ok: true; op: Op } | { ok: false; reason: string };

export const NEW_AREA_NAME = "New area";

/** Children of `parent` (top-level areas for null) in tree order: position, then id, as the core orders them. */
export function childrenOf(areas: readonly Area[], parent: number | null): Area[] {
  return areas.filter((a) => (a.parent ?? null) === parent).sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id);
}

/** Whether `ancestor` is `id` or contains it. */
export function contains(areas: readonly Area[], ancestor: number, id: number): boolean {
  const byId = new Map(areas.map((a) => [a.id, a]));
  let cur: number | null | undefined = id;
  for (let n = 0; cur !== null && cur !== undefined && n <= areas.length; n++) {
    if (cur === ancestor) return true;
    cur = byId.get(cur)?.parent;
  }
  return false;
}

/** Every area under `id` (not itself), deepest first, so deleting them in this order never orphans one. */
export function descendantsDeepestFirst(areas: readonly Area[], id: number): Area[] {
  const out: Area[] = [];
  const walk = (p: number) => {
    for (const c of childrenOf(areas, p)) {
      walk(c.id);
      out.push(c);
    }
  };
  walk(id);
  return out;
}

/** Every area under `id` (not itself) as the tree lists them: each parent before its children. */
function inTreeOrder(areas: readonly Area[], id: number): Area[] {
  const out: Area[] = [];
  const walk = (p: number) => {
    for (const c of childrenOf(areas, p)) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

/** A position after every sibling under `parent`, so a new area is appended without renumbering anyone. */
function positionAtEnd(areas: readonly Area[], parent: number | null): number {
  return childrenOf(areas, parent).reduce((m, a) => Math.max(m, (a.position ?? 0) + 1), 0);
}

/**
 * Creates an area with the reserved id `id`: as a child of `parent` (appended), or, with `after`, right after
 * that sibling (a create and a move in one undo step, since creating never renumbers siblings).
 */
export function addAreaOp(r: AreaRecords, id: number, parent: number | null, after: number | null = null, name = NEW_AREA_NAME): Op {
  const area: Area = { id, name, description: "", parent, complexity: "complicated", user_facing: true, owner: null, position: positionAtEnd(r.areas, parent) };
  const create: Op = { op: "create-area", area };
  if (after === null) return create;
  const siblings = childrenOf(r.areas, parent);
  const k = siblings.findIndex((a) => a.id === after);
  if (k < 0 || k === siblings.length - 1) return create;
  return { op: "batch", label: "Add area", ops: [create, { op: "move-area", id, parent, position: k + 1 }] };
}

/** The update that renames `area`; null when the name is empty or unchanged (nothing to do). */
export function renameOp(area: Area, name: string): Op | null {
  const t = name.trim();
  if (t === "" || t === area.name) return null;
  return { op: "update-area", area: { ...area, name: t } };
}

const q = (s: string) => `“${s}”`;

/**
 * What dropping row `dragged` on row `target` does: `into` makes it the target's last child, `before`/`after`
 * its sibling just there. Refused (with the reason shown while hovering) when the target is the area itself or
 * inside it, or when the area would stay where it is.
 */
export function planAreaMove(areas: readonly Area[], dragged: number, target: number, zone: DropZone): AreaPlan {
  const d = areas.find((a) => a.id === dragged), t = areas.find((a) => a.id === target);
  if (!d || !t) return { ok: false, reason: "Not an area" };
  if (dragged === target) return { ok: false, reason: zone === "into" ? `${q(d.name)} cannot go inside itself` : `${q(d.name)} is already here` };
  if (contains(areas, dragged, target)) {
    return { ok: false, reason: `${q(d.name)} cannot go ${zone === "into" ? "under" : "beside"} ${q(t.name)}, which is inside it` };
  }
  const parent = zone === "into" ? t.id : (t.parent ?? null);
  const siblings = childrenOf(areas, parent).filter((a) => a.id !== dragged);
  const position = zone === "into" ? siblings.length : siblings.findIndex((a) => a.id === target) + (zone === "after" ? 1 : 0);
  const now = childrenOf(areas, parent).findIndex((a) => a.id === dragged);
  if ((d.parent ?? null) === parent && now === position) return { ok: false, reason: `${q(d.name)} is already here` };
  return { ok: true, op: { op: "move-area", id: dragged, parent, position } };
}

export interface DeletePlan {
  op: Op;
  /** What goes with the area, for a confirmation; null when it is a bare area (deleted at once). */
  confirm: string | null;
}

/** Deleting an area takes its whole branch, each area's owner link and contributions, in one undo step. */
export function planAreaDelete(r: AreaRecords, id: number): DeletePlan | null {
  const a = r.areas.find((x) => x.id === id);
  if (!a) return null;
  const below = descendantsDeepestFirst(r.areas, id);
  const branch = [...below, a];
  const op: Op = below.length === 0 ? { op: "delete-area", id } : { op: "batch", label: `Delete area ${a.name}`, ops: branch.map((x) => ({ op: "delete-area", id: x.id })) };
  const ids = new Set(branch.map((x) => x.id));
  const owned = branch.filter((x) => x.owner !== null).length;
  const contributions = r.contributors.filter((c) => ids.has(c.area)).length;
  if (below.length === 0 && a.owner === null) return { op, confirm: null };
  const lines = [`Delete ${q(a.name)}?`];
  if (below.length > 0) {
    const names = inTreeOrder(r.areas, id).slice(0, 3).map((x) => q(x.name)).join(", ") + (below.length > 3 ? ", …" : "");
    lines.push(below.length === 1 ? `Its sub-area ${names} is deleted with it.` : `Its ${below.length} sub-areas (${names}) are deleted with it.`);
  }
  if (a.owner !== null) lines.push(`${r.units.find((u) => u.id === a.owner)?.name ?? "Its owner"} no longer owns it.`);
  const ownedBelow = owned - (a.owner !== null ? 1 : 0);
  if (ownedBelow > 0) lines.push(ownedBelow === 1 ? "One sub-area loses its owner." : `${ownedBelow} sub-areas lose their owners.`);
  if (contributions > 0) lines.push(contributions === 1 ? "One contribution is removed." : `${contributions} contributions are removed.`);
  lines.push("Undo brings it all back.");
  return { op, confirm: lines.join(" ") };
}

/** The area a row key leads to from `current` in the rows shown (scene order): up, down, first, last. */
export function stepRow(rows: readonly number[], current: number | null, key: string): number | null {
  if (rows.length === 0) return null;
  const k = current === null ? -1 : rows.indexOf(current);
  switch (key) {
    case "ArrowUp": return rows[Math.max(0, k < 0 ? rows.length - 1 : k - 1)] ?? null;
    case "ArrowDown": return rows[Math.min(rows.length - 1, k + 1)] ?? null;
    case "Home": return rows[0] ?? null;
    case "End": return rows[rows.length - 1] ?? null;
    default: return current;
  }
}

/** The zone of a row a pointer at `y` is over: its top and bottom quarters are the gaps between rows. */
export function zoneAt(rowTop: number, rowHeight: number, y: number): DropZone {
  const f = (y - rowTop) / Math.max(1, rowHeight);
  return f < 0.25 ? "before" : f > 0.75 ? "after" : "into";
}

/**
 * Moving the selected area by keyboard: Alt+Up/Down past the sibling above/below, Alt+Right into the sibling above
 * (as its last sub-area), Alt+Left out of its parent (right after it). Refused at the edges with the reason.
 */
export function planKeyboardMove(areas: readonly Area[], id: number, key: string): AreaPlan {
  const a = areas.find((x) => x.id === id);
  if (!a) return { ok: false, reason: "Not an area" };
  const siblings = childrenOf(areas, a.parent ?? null);
  const k = siblings.findIndex((x) => x.id === id);
  const above = siblings[k - 1], below = siblings[k + 1];
  switch (key) {
    case "ArrowUp": return above ? planAreaMove(areas, id, above.id, "before") : { ok: false, reason: `${q(a.name)} is already first` };
    case "ArrowDown": return below ? planAreaMove(areas, id, below.id, "after") : { ok: false, reason: `${q(a.name)} is already last` };
    case "ArrowRight": return above ? planAreaMove(areas, id, above.id, "into") : { ok: false, reason: `No area above ${q(a.name)} to go into` };
    case "ArrowLeft": return a.parent !== null ? planAreaMove(areas, id, a.parent, "after") : { ok: false, reason: `${q(a.name)} is already at the top level` };
    default: return { ok: false, reason: "Not a move" };
  }
}
