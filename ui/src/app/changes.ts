// Pure store updates: the back end's DocChanged events patch the loaded DocState in place of a reload.
import type { ChangeSet, DocChanged, DocState, Entity, EntityKey, OrgRecords, Scenario } from "../bindings";

type Lists = Omit<OrgRecords, "plan_settings"> & { scenarios: Scenario[] };
type ListName = keyof Lists;
/** The plan settings are one record per scenario, not a list: set apart below. */
type Kind = Exclude<Entity["kind"], "plan-settings">;

/** A budget's period as numbers, as the core keys it: "2027" is (2027, 0), "2027-Q3" is (2027, 3). */
function periodKey(period: string): number[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? [Number(q[1]), Number(q[2])] : [Number(period.slice(0, 4)), 0];
}

/** Where each kind of record lives and how its key reads; lists stay sorted by key, as the core sends them. */
const KINDS: { [K in Kind]: { list: ListName; key: (r: Extract<Entity, { kind: K }>["record"]) => number[] } } = {
  person: { list: "persons", key: (p) => [p.id] },
  "dotted-line": { list: "dotted_lines", key: (d) => [d.person, d.manager] },
  unit: { list: "units", key: (u) => [u.id] },
  membership: { list: "memberships", key: (m) => [m.person, m.unit] },
  area: { list: "areas", key: (a) => [a.id] },
  contributor: { list: "contributors", key: (c) => [c.area, c.unit] },
  interaction: { list: "interactions", key: (i) => [i.id] },
  placement: { list: "placements", key: (p) => [p.unit] },
  budget: { list: "budgets", key: (b) => [b.unit, ...periodKey(b.period)] },
  "dated-change": { list: "dated_changes", key: (c) => [c.id] },
  // Scenarios are listed in bar order (position), but found by id.
  scenario: { list: "scenarios", key: (s) => [s.id] },
};

function keyOfEntity(e: Exclude<Entity, { kind: "plan-settings" }>): number[] {
  return (KINDS[e.kind].key as (r: unknown) => number[])(e.record);
}

function keyOfKey(k: Exclude<EntityKey, { kind: "plan-settings" }>): number[] {
  switch (k.kind) {
    case "budget": return [k.unit, k.year, k.quarter];
    case "dated-change": return [k.id];
    case "person": case "unit": case "area": case "interaction": case "scenario": return [k.id];
    case "dotted-line": return [k.person, k.manager];
    case "membership": return [k.person, k.unit];
    case "contributor": return [k.area, k.unit];
    case "placement": return [k.unit];
  }
}

const keyString = (key: number[]) => key.join(":");

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * Applies one change set to a state and returns the new state; lists no change touches keep their identity
 * (so memoised views of them stay valid). Records of a scenario other than the open one are ignored: the
 * back end sends a full reload when the open scenario changes.
 */
export function applyChangeSet(state: DocState, changes: ChangeSet): DocState {
  const sameScenario = changes.scenario === null || changes.scenario === state.active_scenario;
  type Edit = { upserts: Map<string, Entity>; deletes: Set<string> };
  const edits = new Map<ListName, Edit>();
  const editOf = (list: ListName): Edit => {
    let e = edits.get(list);
    if (!e) edits.set(list, (e = { upserts: new Map(), deletes: new Set() }));
    return e;
  };
  const relevant = (kind: Entity["kind"]) => kind === "scenario" || sameScenario;
  let planSettings: { value: Extract<Entity, { kind: "plan-settings" }>["record"] | null } | null = null;
  for (const e of [...changes.created, ...changes.updated]) {
    if (!relevant(e.kind)) continue;
    if (e.kind === "plan-settings") {
      planSettings = { value: e.record };
      continue;
    }
    const k = keyString(keyOfEntity(e));
    const edit = editOf(KINDS[e.kind].list);
    edit.deletes.delete(k);
    edit.upserts.set(k, e);
  }
  for (const key of changes.deleted) {
    if (!relevant(key.kind)) continue;
    if (key.kind === "plan-settings") {
      planSettings = { value: null };
      continue;
    }
    const k = keyString(keyOfKey(key));
    const edit = editOf(KINDS[key.kind].list);
    edit.upserts.delete(k);
    edit.deletes.add(k);
  }
  if (edits.size === 0 && planSettings === null) return state;

  const records: OrgRecords = { ...state.records };
  if (planSettings !== null) records.plan_settings = planSettings.value;
  let scenarios = state.scenarios;
  for (const [list, edit] of edits) {
    const kind = list === "scenarios" ? "scenario" : (Object.keys(KINDS) as Kind[]).find((k) => KINDS[k].list === list) as Kind;
    const key = KINDS[kind].key as (r: unknown) => number[];
    const old = ((list === "scenarios" ? scenarios : records[list as keyof OrgRecords]) ?? []) as unknown[];
    const next: unknown[] = [];
    for (const r of old) {
      const k = keyString(key(r));
      if (edit.deletes.has(k)) continue;
      const up = edit.upserts.get(k);
      if (up) {
        next.push(up.record);
        edit.upserts.delete(k);
      } else next.push(r);
    }
    for (const up of edit.upserts.values()) next.push(up.record);
    if (list === "scenarios") {
      scenarios = (next as Scenario[]).sort((a, b) => a.position - b.position || a.id - b.id);
    } else {
      next.sort((a, b) => compareKeys(key(a), key(b)));
      (records as unknown as Record<string, unknown[]>)[list] = next;
    }
  }
  return { ...state, records, scenarios };
}

/** The store after one DocChanged event. */
export function reduceDocChanged(state: DocState, event: DocChanged): DocState {
  switch (event.kind) {
    case "applied":
      return { ...applyChangeSet(state, event.changes), history: event.history, revision: event.revision };
    case "reloaded":
      return event.state;
    case "switched":
      // The state comes with the answer to switch_scenario (see ScenarioSwitcher).
      return state;
  }
}
