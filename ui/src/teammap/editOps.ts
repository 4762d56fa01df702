// What each team map gesture does to the document, as one typed Op (a batch when it is several edits), so one
// gesture is one undo step. Pure functions over the scene's ids and contents; the view applies what they answer.
import type { InteractionMode, Op, Placement, TeamRole, Unit, UnitKind } from "../bindings";
import type { DropVerdict } from "../canvas/interaction";

/** A person's seat as a chip shows it. */
export interface Seat {
  person: number;
  unit: number;
  allocation: number;
  role: TeamRole;
  name: string;
}

export interface UnitRef {
  id: number;
  name: string;
  kind: UnitKind;
  parent: number | null;
  placed: boolean;
}

/** Whether a chip may be dropped on a unit: `seats` are the person's current seats. */
export function chipDropVerdict(seat: Seat, target: UnitRef, seats: readonly Seat[], add: boolean): DropVerdict {
  if (target.id === seat.unit) return { ok: false, reason: `${seat.name} is already on ${target.name}` };
  if (add && seats.some((s) => s.unit === target.id)) return { ok: false, reason: `${seat.name} is already on ${target.name}` };
  return { ok: true };
}

/**
 * Dropping a chip on another unit. A move keeps the role and the allocation (added to a seat the person already
 * has there, at most 100); an add (Alt) splits the person 50/50 between the two units, editable afterwards.
 */
export function chipDropOp(seat: Seat, target: UnitRef, seats: readonly Seat[], add: boolean): Op | null {
  if (!chipDropVerdict(seat, target, seats, add).ok) return null;
  if (add) {
    return {
      op: "batch",
      label: `Add ${seat.name} to ${target.name}`,
      ops: [
        { op: "set-membership", person: seat.person, unit: seat.unit, allocation: 50, role: seat.role },
        { op: "set-membership", person: seat.person, unit: target.id, allocation: 50, role: seat.role },
      ],
    };
  }
  const there = seats.find((s) => s.unit === target.id);
  return {
    op: "batch",
    label: `Move ${seat.name} to ${target.name}`,
    ops: [
      {
        op: "set-membership", person: seat.person, unit: target.id,
        allocation: Math.min(100, seat.allocation + (there?.allocation ?? 0)), role: there?.role ?? seat.role,
      },
      { op: "remove-membership", person: seat.person, unit: seat.unit },
    ],
  };
}

/** Whether a unit may be dropped into `group` (null: the open canvas). */
export function unitDropVerdict(unit: UnitRef, group: UnitRef | null): DropVerdict {
  if (group && group.id === unit.id) return { ok: false, reason: `${unit.name} cannot contain itself` };
  if (group && group.kind !== "group") return { ok: false, reason: `${group.name} is a team: drop teams into groups` };
  return { ok: true };
}

/**
 * Dropping a dragged unit with its top-left corner at (x, y): into another group it moves there (its placement,
 * if any, is forgotten so the group arranges it); onto the open canvas it leaves its group and stays where it was
 * dropped; within its own group it just stays where it was dropped.
 */
export function unitDropOp(unit: UnitRef, group: UnitRef | null, at: { x: number; y: number }): Op | null {
  if (!unitDropVerdict(unit, group).ok) return null;
  const target = group?.id ?? null;
  const place: Op = { op: "set-placement", placement: placementAt(unit.id, at) };
  if (target === unit.parent) return place;
  if (group) {
    const ops: Op[] = [{ op: "move-unit", id: unit.id, parent: group.id }];
    if (unit.placed) ops.push({ op: "clear-placements", units: [unit.id] });
    return { op: "batch", label: `Move ${unit.name} into ${group.name}`, ops };
  }
  return { op: "batch", label: `Move ${unit.name} out of its group`, ops: [{ op: "move-unit", id: unit.id, parent: null }, place] };
}

/**
 * A placement with its corner at `at`. The arrangement sizes a unit from its contents and reads only x and y, but the
 * core wants a finite, positive size (null does not even parse), so it gets a nominal one.
 */
export function placementAt(unit: number, at: { x: number; y: number }): Placement {
  return { unit, x: Math.round(at.x), y: Math.round(at.y), w: 1, h: 1 };
}

export type GroupAs = "team" | "group";

/**
 * "Group into team…/group…" over a lasso selection: one batch that creates the unit (with the id reserved for
 * it), moves the selected units into it and moves the selected people's seats onto it (role and allocation kept;
 * a person selected on two units gets one seat with both shares, at most 100; one on no team joins full time). The
 * new unit sits where the selection was: in the innermost unit that holds all of it.
 */
export function groupOp(
  id: number,
  name: string,
  as: GroupAs,
  units: readonly UnitRef[],
  seats: readonly Seat[],
  parentOf: (unit: number) => number | null,
  /** Selected people on no team yet: they join the new unit full time. */
  newcomers: readonly { person: number; role: TeamRole }[] = [],
): Op {
  const containers = [...units.map((u) => u.parent), ...seats.map((s) => parentOf(s.unit))];
  const parent = commonAncestor(containers, parentOf);
  const unit: Unit = {
    id, name, mission: "", kind: as === "team" ? "stream-aligned" : "group", parent, lead: null, colour: null, target_size: null,
  };
  const ops: Op[] = [{ op: "create-unit", unit }];
  for (const u of units) ops.push({ op: "move-unit", id: u.id, parent: id });
  const merged = new Map<number, { allocation: number; role: TeamRole }>();
  for (const s of seats) {
    const m = merged.get(s.person);
    merged.set(s.person, { allocation: Math.min(100, (m?.allocation ?? 0) + s.allocation), role: m?.role ?? s.role });
  }
  for (const [person, m] of merged) ops.push({ op: "set-membership", person, unit: id, allocation: m.allocation, role: m.role });
  for (const n of newcomers) if (!merged.has(n.person)) ops.push({ op: "set-membership", person: n.person, unit: id, allocation: 100, role: n.role });
  for (const s of seats) ops.push({ op: "remove-membership", person: s.person, unit: s.unit });
  return { op: "batch", label: `Group into ${as === "team" ? "team" : "group"} ${name}`, ops };
}

/** The innermost unit that is, or contains, every one of `units` (null = top level). */
export function commonAncestor(units: readonly (number | null)[], parentOf: (unit: number) => number | null): number | null {
  if (units.length === 0) return null;
  const chain = (u: number | null): (number | null)[] => {
    const out: (number | null)[] = [];
    for (let k = u, guard = 0; k !== null && guard < 10_000; k = parentOf(k), guard++) out.push(k);
    out.push(null);
    return out;
  };
  let common = chain(units[0] ?? null);
  for (const u of units.slice(1)) {
    const c = new Set(chain(u));
    common = common.filter((x) => c.has(x));
  }
  return common[0] ?? null;
}

/**
 * Ungroup: the group goes and its units move up to its parent (delete-unit's own rule). People seated on the group
 * itself move up too when there is a parent group to hold them (delete-unit alone would drop their seats).
 */
export function ungroupOp(group: UnitRef, seats: readonly Seat[] = []): Op | null {
  if (group.kind !== "group") return null;
  const del: Op = { op: "delete-unit", id: group.id };
  if (group.parent === null || seats.length === 0) return del;
  const parent = group.parent;
  const moves: Op[] = seats.map((s) => ({ op: "set-membership", person: s.person, unit: parent, allocation: s.allocation, role: s.role }));
  return { op: "batch", label: `Ungroup ${group.name}`, ops: [...moves, del] };
}

export function interactionOp(from: number, to: number, mode: InteractionMode): Op | null {
  if (from === to) return null;
  return { op: "add-interaction", interaction: { id: 0, from, to, mode, note: "", start: null, expected_end: null } };
}

/** "Auto-arrange": every placement goes, the automatic arrangement takes over. */
export const AUTO_ARRANGE: Op = { op: "clear-placements", units: [] };
