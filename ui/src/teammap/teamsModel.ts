// Making teams from scratch: who is on no team (the Unassigned tray), a new empty team where the user clicks, joining
// a team from the tray or the person inspector. Pure functions over records; the views apply the ops they answer.
import type { Discipline, Membership, Op, Person, TeamRole, Unit, UnitKind } from "../bindings";
import { placementAt, type Seat, type UnitRef } from "./editOps";

export const TEAM_KINDS: readonly Exclude<UnitKind, "group">[] = ["stream-aligned", "platform", "enabling", "complicated-subsystem"];

/** People on no team, by name (open positions last), for the Unassigned tray. */
export function unassigned(persons: readonly Person[], memberships: readonly Membership[]): Person[] {
  const seated = new Set(memberships.map((m) => m.person));
  const out = persons.filter((p) => !seated.has(p.id));
  const key = (p: Person) => (p.name.trim() === "" ? `\uffff${p.title}` : p.name);
  return out.sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
}

const ROLE_OF: Record<Discipline, TeamRole> = {
  "product-management": "product-manager", design: "designer", engineering: "engineer",
  "engineering-management": "engineering-manager", data: "engineer", research: "other", quality: "engineer", other: "other",
};

/** The role a person most likely has on a team, from their discipline (editable afterwards). */
export function roleFor(discipline: Discipline): TeamRole {
  return ROLE_OF[discipline] ?? "other";
}

/** Joining a team: a seat at `allocation` percent with `role`; null when they are on it already. */
export function joinOp(person: Pick<Person, "id" | "discipline">, unit: number, memberships: readonly Membership[], allocation = 100, role?: TeamRole): Op | null {
  if (memberships.some((m) => m.person === person.id && m.unit === unit)) return null;
  return { op: "set-membership", person: person.id, unit, allocation, role: role ?? roleFor(person.discipline) };
}

/** Whether a person dragged from the tray may be dropped on a unit. */
export function trayDropVerdict(unit: Pick<Unit, "id" | "name" | "kind"> | null): { ok: boolean; reason?: string } {
  if (!unit) return { ok: false, reason: "Drop onto a team" };
  return { ok: true };
}

/** "New team", then "New team 2", … : a name no unit has. */
export function freshTeamName(units: readonly Pick<Unit, "name">[], base = "New team"): string {
  const taken = new Set(units.map((u) => u.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/**
 * "+ Team" at a point of the map: an empty team of `kind`, in the group under the point (null: top level), with its
 * top-left corner where the user clicked. One batch, so one undo step; the id comes from reserve_ids.
 */
export function newTeamOp(id: number, kind: UnitKind, name: string, parent: number | null, at: { x: number; y: number } | null): Op {
  const unit: Unit = { id, name, mission: "", kind, parent, lead: null, colour: null, target_size: null };
  const ops: Op[] = [{ op: "create-unit", unit }];
  if (at) ops.push({ op: "set-placement", placement: placementAt(id, at) });
  return { op: "batch", label: `Add team ${name}`, ops };
}

/** Teams (not groups) whose name contains the query, best first (prefix matches), leaving out `exclude`. */
export function teamMatches(units: readonly Unit[], query: string, exclude: ReadonlySet<number> = new Set(), limit = 8): Unit[] {
  const q = query.trim().toLowerCase();
  const teams = units.filter((u) => u.kind !== "group" && !exclude.has(u.id));
  if (q === "") return teams.slice(0, limit);
  const starts: Unit[] = [], contains: Unit[] = [];
  for (const u of teams) {
    const n = u.name.toLowerCase();
    if (n.startsWith(q)) starts.push(u);
    else if (n.includes(q)) contains.push(u);
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * What "Group into…" takes from a selection, read from the records rather than the drawn map, so a selection made on
 * another view (or in the Unassigned tray) groups as well: the selected units, every seat of a selected person
 * outside them, and the selected people on no team (who join full time).
 */
export function selectionToGroup(
  sel: { persons: readonly number[]; units: readonly number[] },
  records: { persons: readonly Person[]; units: readonly Unit[]; memberships: readonly Membership[] },
): { units: UnitRef[]; seats: Seat[]; newcomers: { person: number; role: TeamRole }[] } {
  const units = sel.units.flatMap((id) => {
    const u = records.units.find((x) => x.id === id);
    return u ? [{ id: u.id, name: u.name, kind: u.kind, parent: u.parent, placed: false }] : [];
  });
  const chosen = new Set(units.map((u) => u.id));
  const seats = sel.persons.flatMap((p) => records.memberships.filter((m) => m.person === p && !chosen.has(m.unit)).map((m) => ({ ...m, name: "" })));
  const seated = new Set(records.memberships.map((m) => m.person));
  const newcomers = sel.persons.filter((p) => !seated.has(p))
    .map((p) => ({ person: p, role: roleFor(records.persons.find((x) => x.id === p)?.discipline ?? "other") }));
  return { units, seats, newcomers };
}
