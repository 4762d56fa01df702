// Typed cell edits to typed ops: what a person typed (or pasted) into the sheet's cells becomes one `batch` op, so a
// paste of a block or a bulk edit is one operation, validated as a whole by the core and undone in one step.
// Plain functions over the records, tested without React.
import type { Cost, Discipline, Employment, HiringStage, Membership, Op, OrgRecords, Person, PersonStatus, TeamRole } from "../bindings";
import { roleFor } from "../teammap/teamsModel";

/** One cell to set: the person (row id), the column's key and the text typed. */
export interface CellEdit {
  id: number;
  key: string;
  text: string;
}

/** A cell that cannot take what was typed, named so the person can find it. */
export class CellProblem extends Error {
  constructor(public readonly id: number, public readonly key: string, message: string) {
    super(message);
  }
}

const DISCIPLINES: readonly Discipline[] = ["product-management", "design", "engineering", "engineering-management", "data", "research", "quality", "other"];
const EMPLOYMENTS: readonly Employment[] = ["employee", "contractor"];
const STATUSES: readonly PersonStatus[] = ["active", "open-position", "planned-hire", "leaving"];
const STAGES: readonly HiringStage[] = ["open", "approved", "interviewing", "offer", "filled"];

const displayName = (p: Pick<Person, "name" | "title">) => (p.name.trim() === "" ? p.title : p.name);
const fold = (s: string) => s.trim().toLocaleLowerCase();

/** Looks people and units up by what a cell shows (names), built once per edit. */
export class Lookup {
  readonly persons = new Map<number, Person>();
  private byName = new Map<string, number[]>();
  private unitByName = new Map<string, number[]>();
  readonly memberships: readonly Membership[];
  readonly dotted: ReadonlyMap<number, number[]>;

  constructor(readonly records: OrgRecords) {
    for (const p of records.persons) {
      this.persons.set(p.id, p);
      const k = fold(displayName(p));
      const list = this.byName.get(k);
      if (list) list.push(p.id); else this.byName.set(k, [p.id]);
    }
    for (const u of records.units) {
      const k = fold(u.name);
      const list = this.unitByName.get(k);
      if (list) list.push(u.id); else this.unitByName.set(k, [u.id]);
    }
    this.memberships = records.memberships;
    const dotted = new Map<number, number[]>();
    for (const d of records.dotted_lines) {
      const list = dotted.get(d.person);
      if (list) list.push(d.manager); else dotted.set(d.person, [d.manager]);
    }
    this.dotted = dotted;
  }

  /** The one person called `name` (or with that employee id); a problem when nobody or several are. */
  personNamed(name: string, row: number, key: string): number {
    const ids = this.byName.get(fold(name)) ?? [];
    if (ids.length === 1) return ids[0]!;
    const byEid = this.records.persons.filter((p) => p.employee_id && fold(p.employee_id) === fold(name));
    if (ids.length === 0 && byEid.length === 1) return byEid[0]!.id;
    if (ids.length === 0) throw new CellProblem(row, key, `nobody is called '${name.trim()}'`);
    throw new CellProblem(row, key, `${ids.length} people are called '${name.trim()}'; type their employee id instead`);
  }

  unitNamed(name: string, row: number, key: string): number {
    const ids = this.unitByName.get(fold(name)) ?? [];
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 0) throw new CellProblem(row, key, `there is no team called '${name.trim()}'`);
    throw new CellProblem(row, key, `${ids.length} teams are called '${name.trim()}'`);
  }
}

function choice<T extends string>(all: readonly T[], text: string, row: number, key: string, what: string): T {
  const t = fold(text).replace(/\s+/g, "-");
  const hit = all.find((v) => v === t);
  if (!hit) throw new CellProblem(row, key, `'${text.trim()}' is not a ${what}; expected one of: ${all.join(", ")}`);
  return hit;
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text.trim());

/** "120000 EUR", "120000" (keeping the currency it had) or "" (no cost). */
function readCost(text: string, before: Cost | null, row: number): Cost | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(-?[\d.,_ ]*\d)\s*([A-Za-z]{3})?$/.exec(t);
  const amount = m ? Number(m[1]!.replace(/[,_ ]/g, "")) : NaN;
  if (!m || !Number.isFinite(amount)) throw new CellProblem(row, "cost", `'${t}' is not a cost; type an amount and a currency, such as 120000 EUR`);
  const currency = m[2]?.toUpperCase() ?? before?.currency;
  if (!currency) throw new CellProblem(row, "cost", `type the currency after ${m[1]}, such as ${m[1]} EUR`);
  return { amount, currency };
}

/** "Payments 60%, Growth" → unit ids with allocations (100 when none is given). */
function readTeams(text: string, lookup: Lookup, row: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const part of text.split(",")) {
    const t = part.trim();
    if (t === "") continue;
    const m = /^(.*?)\s*(\d+)\s*%$/.exec(t);
    const name = m ? m[1]! : t;
    const allocation = m ? Number(m[2]) : 100;
    out.set(lookup.unitNamed(name, row, "teams"), allocation);
  }
  return out;
}

/** The fields of a person a cell sets in place (the relational columns become their own ops). */
function setField(p: Person, key: string, text: string, row: number): void {
  switch (key) {
    case "name": p.name = text.trim(); return;
    case "title": p.title = text.trim(); return;
    case "discipline": p.discipline = choice(DISCIPLINES, text, row, key, "discipline"); return;
    case "level": p.level = optional(text); return;
    case "location": p.location = optional(text); return;
    case "email": p.email = optional(text); return;
    case "employee_id": p.employee_id = optional(text); return;
    case "employment": p.employment = choice(EMPLOYMENTS, text, row, key, "kind of employment"); return;
    case "status": p.status = choice(STATUSES, text, row, key, "status"); return;
    case "hiring_stage": p.hiring_stage = text.trim() === "" ? null : choice(STAGES, text, row, key, "hiring stage"); return;
    case "start_date": p.start_date = optional(text); return;
    case "end_date": p.end_date = optional(text); return;
    case "target_start": p.target_start = optional(text); return;
    case "cost": p.cost = readCost(text, p.cost, row); return;
  }
  if (key.startsWith("custom:")) {
    const k = key.slice("custom:".length);
    const custom = { ...p.custom };
    if (text.trim() === "") delete custom[k]; else custom[k] = text.trim();
    p.custom = custom;
    return;
  }
  throw new CellProblem(row, key, `the ${key} column cannot be edited here`);
}

const RELATIONAL = new Set(["manager", "dotted", "teams"]);

/**
 * The ops that make the cells say what was typed: per person one `update-person` with every plain field, then
 * manager (`move-subtree`: only this row's manager changes, so their reports keep reporting to them, as in a
 * spreadsheet), dotted lines and teams. Throws a CellProblem for a cell that cannot take its text.
 */
export function editOps(edits: readonly CellEdit[], lookup: Lookup): Op[] {
  const drafts = new Map<number, Person>();
  const relational: Op[] = [];
  for (const e of edits) {
    const before = lookup.persons.get(e.id);
    if (!before) throw new CellProblem(e.id, e.key, `person #${e.id} is no longer in the org`);
    if (!RELATIONAL.has(e.key)) {
      const draft = drafts.get(e.id) ?? { ...before };
      setField(draft, e.key, e.text, e.id);
      drafts.set(e.id, draft);
      continue;
    }
    if (e.key === "manager") {
      const manager = e.text.trim() === "" ? null : lookup.personNamed(e.text, e.id, e.key);
      if (manager !== before.manager) relational.push({ op: "move-subtree", person: e.id, manager });
    } else if (e.key === "dotted") {
      const want = new Set(e.text.split(",").map((s) => s.trim()).filter((s) => s !== "").map((s) => lookup.personNamed(s, e.id, e.key)));
      const have = new Set(lookup.dotted.get(e.id) ?? []);
      for (const m of have) if (!want.has(m)) relational.push({ op: "remove-dotted-line", person: e.id, manager: m });
      for (const m of want) if (!have.has(m)) relational.push({ op: "add-dotted-line", person: e.id, manager: m });
    } else {
      const want = readTeams(e.text, lookup, e.id);
      const have = lookup.memberships.filter((m) => m.person === e.id);
      for (const m of have) if (!want.has(m.unit)) relational.push({ op: "remove-membership", person: e.id, unit: m.unit });
      for (const [unit, allocation] of want) {
        const seat = have.find((m) => m.unit === unit);
        if (seat?.allocation === allocation) continue;
        relational.push({ op: "set-membership", person: e.id, unit, allocation, role: seat?.role ?? roleFor(before.discipline) });
      }
    }
  }
  const updates: Op[] = [];
  for (const [id, draft] of drafts) {
    if (JSON.stringify(draft) !== JSON.stringify(lookup.persons.get(id))) updates.push({ op: "update-person", person: draft });
  }
  return [...updates, ...relational];
}

/** One undo step named for what it did; null when nothing changes. */
export function batch(label: string, ops: Op[]): Op | null {
  if (ops.length === 0) return null;
  return { op: "batch", label, ops };
}

/** The bulk actions on selected rows, each one batch. */
export const bulk = {
  setManager: (ids: readonly number[], manager: number | null): Op | null =>
    batch(`Set the manager of ${ids.length} people`, ids.map((person) => ({ op: "move-subtree", person, manager }))),
  addToTeam: (ids: readonly number[], unit: number, allocation: number, lookup: Lookup): Op | null =>
    batch(`Add ${ids.length} people to a team`, ids.map((person) => {
      const seat = lookup.memberships.find((m) => m.person === person && m.unit === unit);
      const role: TeamRole = seat?.role ?? roleFor(lookup.persons.get(person)?.discipline ?? "other");
      return { op: "set-membership", person, unit, allocation, role };
    })),
  removeFromTeam: (ids: readonly number[], unit: number, lookup: Lookup): Op | null =>
    batch(`Remove ${ids.length} people from a team`, ids
      .filter((person) => lookup.memberships.some((m) => m.person === person && m.unit === unit))
      .map((person) => ({ op: "remove-membership", person, unit }))),
  addDotted: (ids: readonly number[], manager: number, lookup: Lookup): Op | null =>
    batch(`Add a dotted line to ${ids.length} people`, ids
      .filter((person) => person !== manager && !(lookup.dotted.get(person) ?? []).includes(manager))
      .map((person) => ({ op: "add-dotted-line", person, manager }))),
  removeDotted: (ids: readonly number[], manager: number, lookup: Lookup): Op | null =>
    batch(`Remove a dotted line from ${ids.length} people`, ids
      .filter((person) => (lookup.dotted.get(person) ?? []).includes(manager))
      .map((person) => ({ op: "remove-dotted-line", person, manager }))),
  setField: (ids: readonly number[], key: string, text: string, lookup: Lookup): Op | null =>
    batch(`Set ${key.replace(/^custom:/, "").replace(/_/g, " ")} of ${ids.length} people`, editOps(ids.map((id) => ({ id, key, text })), lookup)),
  delete: (ids: readonly number[]): Op | null =>
    batch(`Delete ${ids.length} people`, ids.map((id) => ({ op: "delete-person", id, reports_to: { to: "deleted-persons-manager" } }))),
};

/** Reads a block copied from a spreadsheet: rows by newline, cells by tab; a trailing newline adds no row. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => l.split("\t"));
}

/** Writes a block the way spreadsheets read it from the clipboard. */
export function formatBlock(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\n\r]+/g, " ")).join("\t")).join("\n");
}

/**
 * The cells a block pasted at (row, col) covers, clipped to the sheet; a single value pasted over a taller
 * selection fills it (as spreadsheets do).
 */
export function pasteEdits(
  block: readonly (readonly string[])[],
  at: { row: number; col: number },
  rowIds: (row: number) => number | undefined,
  rowCount: number,
  keys: readonly string[],
  selectedRows = 1,
): CellEdit[] {
  const out: CellEdit[] = [];
  const height = block.length === 1 && block[0]!.length === 1 ? Math.max(1, selectedRows) : block.length;
  for (let r = 0; r < height && at.row + r < rowCount; r++) {
    const cells = block[block.length === 1 ? 0 : r]!;
    const id = rowIds(at.row + r);
    if (id === undefined) continue;
    for (let c = 0; c < cells.length && at.col + c < keys.length; c++) out.push({ id, key: keys[at.col + c]!, text: cells[c]! });
  }
  return out;
}

/** Which person a refused batch's message is about, so the sheet can name the row ("step 2 (…): …"). */
export function failedStep(message: string): number | null {
  const m = /^step (\d+) /.exec(message);
  return m ? Number(m[1]) - 1 : null;
}
