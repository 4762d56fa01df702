// The Plan view's logic, apart from React: the periods a year of quarters spans, how a cell reads, and which
// people stand behind a cell (the unit and the units inside it).
import type { OrgRecords, PlanCell, Person } from "../bindings";

/** The first day of the quarter holding `day` and the last day three quarters on: a year of quarters. */
export function yearOfQuarters(day: Date): { from: string; to: string } {
  const y = day.getFullYear();
  const q = Math.floor(day.getMonth() / 3);
  const from = new Date(Date.UTC(y, q * 3, 1));
  const to = new Date(Date.UTC(y, q * 3 + 12, 0));
  return { from: iso(from), to: iso(to) };
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "12 +2" : people there at the end of the period, then open positions and planned hires. */
export function headcountText(c: PlanCell): string {
  const planned = c.open_positions + c.planned_hires;
  return planned > 0 ? `${c.headcount} +${planned}` : `${c.headcount}`;
}

/** "310k / 300k" : cost with planned hires against the budget, in thousands. */
export function costText(c: PlanCell): string {
  const k = (v: number) => `${Math.round(v / 1000).toLocaleString("en")}k`;
  const cost = k((c.cost ?? 0) + (c.planned_cost ?? 0));
  return c.budget_amount === null ? cost : `${cost} / ${k(c.budget_amount)}`;
}

/** The unit and every unit inside it. */
export function unitsWithin(records: OrgRecords, unit: number): Set<number> {
  const inside = new Set([unit]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of records.units) {
      if (u.parent !== null && inside.has(u.parent) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
    }
  }
  return inside;
}

/** The people with a seat in the unit or a unit inside it, open positions and planned hires last, by name. */
export function peopleBehind(records: OrgRecords, unit: number): Person[] {
  const units = unitsWithin(records, unit);
  const ids = new Set(records.memberships.filter((m) => units.has(m.unit)).map((m) => m.person));
  const planned = (p: Person) => (p.status === "open-position" || p.status === "planned-hire" ? 1 : 0);
  return records.persons
    .filter((p) => ids.has(p.id))
    .sort((a, b) => planned(a) - planned(b) || displayName(a).localeCompare(displayName(b)));
}

export function displayName(p: Person): string {
  return p.name.trim() === "" ? p.title : p.name;
}

/** A target start as typed: a month (2027-03), a quarter (2027-Q1, any case) or a day; null when it is none of these. */
export function readTargetStart(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (/^\d{4}-Q[1-4]$/.test(t)) return t;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t)) return t;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)) return t;
  return null;
}
