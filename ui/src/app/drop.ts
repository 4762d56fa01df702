// Drag feedback for the chart: refuses only drops the core would refuse as a loop, so the cursor says so before the drop.
import type { DropVerdict } from "../canvas/interaction";
import type { Op, Person } from "../bindings";

/** person id -> solid-line manager id (null for the top of a tree). */
export function managersById(persons: readonly Pick<Person, "id" | "manager">[]): Map<number, number | null> {
  return new Map(persons.map((p) => [p.id, p.manager]));
}

/**
 * Who each card reports to as the chart draws it (its solid lines), for the moments before the records are in: the
 * chart is drawn first, and its first view is composed by levels.
 */
export function managersFromScene(scene: { ids: ArrayLike<number>; connectors: readonly { from: number; to: number; dotted: boolean }[] }): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (let i = 0; i < scene.ids.length; i++) out.set(scene.ids[i] as number, null);
  for (const c of scene.connectors) if (!c.dotted) out.set(c.to, c.from);
  return out;
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

/** Direct reports per manager id, counted once per version of the records. */
export function reportCounts(persons: readonly Pick<Person, "manager">[]): Map<number, number> {
  const n = new Map<number, number>();
  for (const p of persons) if (p.manager !== null) n.set(p.manager, (n.get(p.manager) ?? 0) + 1);
  return n;
}

const reportsText = (n: number) => (n === 1 ? "1 report" : `${n.toLocaleString()} reports`);

/**
 * The hover hint for each kind of drop: a plain drop moves the person with everyone below them, Ctrl (Cmd on macOS)
 * moves only the person (their reports stay with the old manager), Shift adds a dotted line. `modKey` names the key.
 */
export function dropHints(dragged: string, target: string, reports: number, oldManager: string | null, modKey: string) {
  const one = reports === 1;
  const left = oldManager === null ? (one ? "stays at the top" : "stay at the top") : `${one ? "goes" : "go"} to ${oldManager}`;
  return {
    move: reports === 0
      ? `Move ${dragged} under ${target}`
      : `Move ${dragged} and their ${reportsText(reports)} under ${target} · hold ${modKey} to move only ${dragged}`,
    only: reports === 0
      ? `Move only ${dragged} under ${target}`
      : `Move only ${dragged} under ${target}; their ${reportsText(reports)} ${left}`,
    dotted: `Add a dotted line from ${dragged} to ${target}`,
  };
}

export function dropVerdict(
  managers: ReadonlyMap<number, number | null>,
  dragged: number,
  target: number,
  nameOf: (id: number) => string,
  reports?: ReadonlyMap<number, number>,
  modKey = "Ctrl",
): DropVerdict {
  if (dragged === target) return { ok: false, reason: "A person cannot report to themselves" };
  if (reportsTo(managers, target, dragged)) {
    return { ok: false, reason: `${nameOf(target)} reports to ${nameOf(dragged)}: that would make a loop` };
  }
  if (!reports) return { ok: true };
  const old = managers.get(dragged) ?? null;
  return { ok: true, hints: dropHints(nameOf(dragged), nameOf(target), reports.get(dragged) ?? 0, old === null ? null : nameOf(old), modKey) };
}

/** The op a drop makes: Shift a dotted line, Ctrl/Cmd the person alone (set-manager), else the person with their team. */
export function dropOp(dragged: number, target: number, mods: { shift: boolean; only: boolean }): Op {
  if (mods.shift) return { op: "add-dotted-line", person: dragged, manager: target };
  if (mods.only) return { op: "set-manager", person: dragged, manager: target };
  return { op: "move-subtree", person: dragged, manager: target };
}
