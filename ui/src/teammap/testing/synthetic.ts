// A deterministic synthetic team map (departments > tribes > teams > people) with a simple packing, for tests,
// benchmarks and `vite dev` outside Tauri only: the real arrangement is computed in Rust.
import type { TeamRole, UnitKind } from "../../bindings";
import { FIRST, LAST, rng } from "../../testing/demo/syntheticScene";
import type { ChipContent, SceneInteraction, TeamMapScene, UnitContent } from "../sceneTypes";
import { KIND_STYLES } from "../style";

export const CHIP_W = 150;
export const CHIP_H = 28;
const GAP = 6;
const PAD = 12;
const HEADER = 30;
const CHIP_COLS = 2;

export interface SyntheticTeamMapOptions {
  people: number;
  teamSize?: number;
  tribesPerDepartment?: number;
  teamsPerTribe?: number;
  /** Share of people also on a second team (shown with their allocation). */
  splitShare?: number;
  openShare?: number;
  seed?: number;
}

interface Node {
  id: number;
  kind: UnitKind;
  parent: number | null;
  depth: number;
  children: Node[];
  chips: { person: number; content: ChipContent }[];
  w: number;
  h: number;
}

const ROLES: TeamRole[] = ["engineer", "engineer", "engineer", "tech-lead", "product-manager", "designer"];
const TEAM_KINDS: UnitKind[] = ["stream-aligned", "stream-aligned", "stream-aligned", "stream-aligned", "platform", "enabling", "complicated-subsystem"];

/** Ids: units 1..U, then people; a person on two teams has two chips. */
export function syntheticTeamMap(opts: SyntheticTeamMapOptions): TeamMapScene {
  const r = rng(opts.seed ?? 7);
  const teamSize = opts.teamSize ?? 8;
  const teamCount = Math.max(1, Math.ceil(opts.people / teamSize));
  const perTribe = opts.teamsPerTribe ?? 10;
  const perDept = opts.tribesPerDepartment ?? 10;
  let nextId = 1;
  const roots: Node[] = [];
  const node = (kind: UnitKind, parent: Node | null): Node => {
    const n: Node = { id: nextId++, kind, parent: parent?.id ?? null, depth: parent ? parent.depth + 1 : 0, children: [], chips: [], w: 0, h: 0 };
    (parent ? parent.children : roots).push(n);
    return n;
  };
  const teams: Node[] = [];
  let dept: Node | null = null, tribe: Node | null = null;
  for (let t = 0; t < teamCount; t++) {
    if (t % (perTribe * perDept) === 0) dept = node("group", null);
    if (t % perTribe === 0) tribe = node("group", dept);
    teams.push(node(TEAM_KINDS[t % TEAM_KINDS.length] as UnitKind, tribe));
  }
  const personBase = nextId;
  const teamCountOf = new Map<number, number>();
  const seats: [number, Node, number][] = [];
  for (let p = 0; p < opts.people; p++) {
    const team = teams[Math.floor(p / teamSize)] as Node;
    const split = r() < (opts.splitShare ?? 0.05);
    const id = personBase + p;
    seats.push([id, team, split ? 50 : 100]);
    if (split) seats.push([id, teams[Math.floor(r() * teams.length)] as Node, 50]);
  }
  for (const [id] of seats) teamCountOf.set(id, (teamCountOf.get(id) ?? 0) + 1);
  for (const [id, team, allocation] of seats) {
    const open = r() < (opts.openShare ?? 0.04);
    const name = open ? "Software Engineer" : `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
    team.chips.push({
      person: id,
      content: { name, title: open ? "" : "Software Engineer", isOpenPosition: open, allocation, role: ROLES[id % ROLES.length] as TeamRole, teamCount: teamCountOf.get(id) ?? 1 },
    });
  }
  const scene: TeamMapScene = {
    units: [], x: [], y: [], w: [], h: [], unit_content: [],
    chip_person: [], chip_unit: [], chip_x: [], chip_y: [], chip_w: [], chip_h: [], chip_content: [],
    interactions: [], bounds: { x: 0, y: 0, w: 0, h: 0 },
  };
  for (const n of roots) measure(n);
  let y = 0, width = 0;
  for (const n of roots) {
    place(n, 0, y, scene);
    y += n.h + 40;
    width = Math.max(width, n.w);
  }
  scene.bounds = { x: 0, y: 0, w: width, h: Math.max(0, y - 40) };
  scene.interactions = syntheticInteractions(scene, teams, r);
  return scene;
}

function measure(n: Node): void {
  if (n.children.length === 0) {
    const rows = Math.max(1, Math.ceil(n.chips.length / CHIP_COLS));
    n.w = PAD * 2 + CHIP_COLS * CHIP_W + (CHIP_COLS - 1) * GAP;
    n.h = HEADER + rows * (CHIP_H + GAP) - GAP + PAD;
    return;
  }
  for (const c of n.children) measure(c);
  const perRow = Math.ceil(Math.sqrt(n.children.length));
  let rowW = 0, rowH = 0, w = 0, h = HEADER;
  n.children.forEach((c, i) => {
    if (i > 0 && i % perRow === 0) { h += rowH + PAD; w = Math.max(w, rowW); rowW = rowH = 0; }
    rowW += c.w + PAD;
    rowH = Math.max(rowH, c.h);
  });
  n.w = Math.max(w, rowW) + PAD;
  n.h = h + rowH + PAD;
}

function place(n: Node, x: number, y: number, s: TeamMapScene): void {
  s.units.push(n.id); s.x.push(x); s.y.push(y); s.w.push(n.w); s.h.push(n.h);
  const fte = n.chips.reduce((a, c) => a + (c.content.isOpenPosition ? 0 : c.content.allocation / 100), 0);
  const open = n.chips.filter((c) => c.content.isOpenPosition).length;
  const content: UnitContent = {
    name: n.kind === "group" ? (n.depth === 0 ? `Department ${n.id}` : `Tribe ${n.id}`) : `Team ${n.id}`,
    kind: n.kind, parent: n.parent, depth: n.depth, colour: KIND_STYLES[n.kind].fill ?? "#ffffff",
    fte, headcount: n.chips.length - open, openPositions: open, targetSize: null, placed: false, collapsed: false, hiddenUnits: 0,
  };
  s.unit_content.push(content);
  n.chips.forEach((c, i) => {
    s.chip_person.push(c.person); s.chip_unit.push(n.id);
    s.chip_x.push(x + PAD + (i % CHIP_COLS) * (CHIP_W + GAP));
    s.chip_y.push(y + HEADER + Math.floor(i / CHIP_COLS) * (CHIP_H + GAP));
    s.chip_w.push(CHIP_W); s.chip_h.push(CHIP_H);
    s.chip_content.push(c.content);
  });
  const perRow = Math.ceil(Math.sqrt(n.children.length));
  let cx = x + PAD, cy = y + HEADER, rowH = 0;
  n.children.forEach((c, i) => {
    if (i > 0 && i % perRow === 0) { cx = x + PAD; cy += rowH + PAD; rowH = 0; }
    place(c, cx, cy, s);
    cx += c.w + PAD;
    rowH = Math.max(rowH, c.h);
  });
}

/** About one interaction per four teams, between neighbours, each mode in turn. */
function syntheticInteractions(s: TeamMapScene, teams: Node[], r: () => number): SceneInteraction[] {
  const at = new Map(s.units.map((id, i) => [id, i]));
  const out: SceneInteraction[] = [];
  const modes = ["collaboration", "x-as-a-service", "facilitating"] as const;
  for (let t = 0; t + 1 < teams.length; t += 4) {
    const a = at.get((teams[t] as Node).id) as number;
    const b = at.get((teams[Math.min(teams.length - 1, t + 1 + Math.floor(r() * 3))] as Node).id) as number;
    if (a === b) continue;
    out.push({
      id: 100_000 + out.length, from: s.units[a] as number, to: s.units[b] as number, mode: modes[out.length % 3] as (typeof modes)[number],
      points: [(s.x[a] as number) + (s.w[a] as number), (s.y[a] as number) + (s.h[a] as number) / 2, s.x[b] as number, (s.y[b] as number) + (s.h[b] as number) / 2],
    });
  }
  return out;
}
