// Drag feedback for the chart: refuses only drops the core would refuse as a loop, so the cursor says so before the drop.
import type { DropVerdict } from "../canvas/interaction";
import type { Person } from "../bindings";

/** person id -> solid-line manager id (null for the top of a tree). */
export function managersById(persons: readonly Pick<Person, "id" | "manager">[]): Map<number, number | null> {
  return new Map(persons.map((p) => [p.id, p.manager]));
}

/** Whether `person` is `ancestor` or reports to them, directly or not (bounded, so bad data cannot hang the UI). */
export function reportsTo(managers: ReadonlyMap<number, number | null>, person: number, ancestor: number): boolean {
  let cur: number | null | undefined = person;
  for (let guard = 0; cur !== null && cur !== undefined && guard <= managers.size; guard++) {
    if (cur === ancestor) return true;
    cur = managers.get(cur);
  }
  return false;
}

export function dropVerdict(
  managers: ReadonlyMap<number, number | null>,
  dragged: number,
  target: number,
  nameOf: (id: number) => string,
): DropVerdict {
  if (dragged === target) return { ok: false, reason: "A person cannot report to themselves" };
  if (reportsTo(managers, target, dragged)) {
    return { ok: false, reason: `${nameOf(target)} reports to ${nameOf(dragged)}: that would make a loop` };
  }
  return { ok: true };
}
