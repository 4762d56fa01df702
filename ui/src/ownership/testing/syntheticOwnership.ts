// Builds small OwnershipScenes for tests, laid out like the Rust scene (area rows on the left, team boxes on the right).
import type { Complexity, Stance, UnitKind } from "../../bindings";
import type { OwnershipScene } from "../sceneTypes";

export interface AreaSpec {
  id: number;
  name: string;
  parent?: number;
  complexity?: Complexity;
  owner?: number;
  contributors?: number[];
  stance?: Stance;
  target?: number;
  /** The rolled-up actual share and FTE as the core would report them (test input, never worked out here). */
  share?: number;
  fte?: number;
}

export interface TeamSpec {
  id: number;
  name: string;
  kind?: UnitKind;
}

/** Test weights; the real ones come from `Complexity::cognitive_load` in Rust through the scene. */
const WEIGHT: Record<Complexity, number> = { simple: 1 / 3, complicated: 0.6, complex: 1 };

export const ROW_H = 28;
export const ROW_PITCH = 32;

/** Areas must be listed parent before child; they are emitted in pre-order like the Rust scene. */
export function syntheticOwnership(areas: AreaSpec[], teams: TeamSpec[]): OwnershipScene {
  const children = new Map<number | undefined, AreaSpec[]>();
  for (const a of areas) children.set(a.parent, [...(children.get(a.parent) ?? []), a]);
  const order: { a: AreaSpec; depth: number }[] = [];
  const walk = (parent: number | undefined, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      order.push({ a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(undefined, 0);
  const s: OwnershipScene = {
    areas: [], area_x: [], area_y: [], area_w: [], area_h: [], area_content: [],
    teams: [], team_x: [], team_y: [], team_w: [], team_h: [], team_content: [],
    links: [], bounds: { x: 0, y: 0, w: 0, h: 0 },
  };
  order.forEach(({ a, depth }, i) => {
    const isLeaf = !(children.get(a.id)?.length);
    s.areas.push(a.id);
    s.area_x.push(depth * 16);
    s.area_y.push(i * ROW_PITCH);
    s.area_w.push(260 - depth * 16);
    s.area_h.push(ROW_H);
    s.area_content.push({
      name: a.name, parent: a.parent ?? null, depth, complexity: a.complexity ?? "simple", userFacing: true, isLeaf,
      owner: a.owner ?? null, contributors: a.contributors ?? [], unowned: isLeaf && a.owner === undefined,
      stance: a.stance ?? null, targetShare: a.target ?? null, effortShare: a.share ?? 0, effortFte: a.fte ?? 0, effortPlanned: 0,
    });
  });
  teams.forEach((t, i) => {
    const owned = order.filter(({ a }) => a.owner === t.id);
    const load = owned.filter(({ a }) => !children.get(a.id)?.length).reduce((sum, { a }) => sum + WEIGHT[a.complexity ?? "simple"], 0);
    s.teams.push(t.id);
    s.team_x.push(400);
    s.team_y.push(i * 90);
    s.team_w.push(220);
    s.team_h.push(80);
    s.team_content.push({
      name: t.name, kind: t.kind ?? "stream-aligned", colour: "#336699",
      owned: owned.map(({ a }) => a.id), contributes: order.filter(({ a }) => a.contributors?.includes(t.id)).map(({ a }) => a.id),
      load, budget: 1, overBudget: load > 1 + 1e-9,
    });
  });
  s.area_content.forEach((c, i) => {
    const link = (unit: number, contributor: boolean) => {
      const t = s.teams.indexOf(unit);
      if (t < 0) return;
      const ax = (s.area_x[i] as number) + (s.area_w[i] as number), ay = (s.area_y[i] as number) + ROW_H / 2;
      s.links.push({ area: s.areas[i] as number, unit, contributor, points: [ax, ay, s.team_x[t] as number, (s.team_y[t] as number) + 40] });
    };
    if (c.owner !== null) link(c.owner, false);
    for (const u of c.contributors) link(u, true);
  });
  const bottom = Math.max(order.length * ROW_PITCH, teams.length * 90);
  s.bounds = { x: 0, y: 0, w: 620, h: bottom };
  return s;
}

/** A scene of `areas` leaf areas under ten parents and `teams` teams, for sizing tests (1,000 x 1,200). */
export function bigOwnership(areaCount: number, teamCount: number): OwnershipScene {
  const teams: TeamSpec[] = Array.from({ length: teamCount }, (_, i) => ({ id: 100_000 + i, name: `Team ${i}` }));
  const areas: AreaSpec[] = [];
  const parents = Math.min(10, areaCount);
  for (let p = 0; p < parents; p++) areas.push({ id: 1 + p, name: `Domain ${p}` });
  for (let i = parents; i < areaCount; i++) {
    areas.push({ id: 1 + i, name: `Area ${i}`, parent: 1 + (i % parents), ...(i % 3 === 0 ? {} : { owner: 100_000 + (i % teamCount) }) });
  }
  return syntheticOwnership(areas, teams);
}
