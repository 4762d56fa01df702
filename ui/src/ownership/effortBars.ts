// The effort bars beside area rows (ownership map and matrix): actual effort against the target, coloured by stance,
// on one scale for every row. The figures are the core's (topograph_model::actual_effort, carried on the scene's
// area rows); this only places and words them.
import type { AreaContent, Stance } from "../bindings";
import type { OwnershipScene } from "./sceneTypes";

/** The stance colours, the same as the exporter's (topograph_scene::stance_colour; a Rust test reads this file). */
export const STANCE_COLOURS: Record<Stance | "none", string> = {
  invest: "#16a34a",
  grow: "#2563eb",
  maintain: "#64748b",
  sunset: "#d97706",
  none: "#a8b0bd",
};

export const stanceColour = (s: Stance | null | undefined): string => STANCE_COLOURS[s ?? "none"];

/** The smallest of 5, 10, 20, 25, 50 and 100 percent not below `v` (the largest share or target on the map). */
export function niceScale(v: number): number {
  return [5, 10, 20, 25, 50, 100].find((s) => v <= s + 1e-9) ?? v;
}

/** The percentage a full bar stands for: the largest actual share or target among the rows, rounded up. */
export function effortScale(scene: OwnershipScene): number {
  let most = 0;
  for (const c of scene.area_content) most = Math.max(most, c.effortShare ?? 0, c.targetShare ?? 0);
  return niceScale(most);
}

/**
 * What a row's direction claims: its own target, or else what the outermost targets below it add up to (a target on
 * a parent covers its children, as the targets-over-100 check counts them); null when nothing below has one.
 * Indexed by scene row; rows come in pre-order, so walking them backwards meets children before parents.
 */
export function claimedTargets(scene: OwnershipScene): (number | null)[] {
  const n = scene.areas.length;
  const rowOf = new Map<number, number>();
  scene.areas.forEach((id, i) => rowOf.set(id, i));
  const below: (number | null)[] = new Array<number | null>(n).fill(null);
  const out: (number | null)[] = new Array<number | null>(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    const c = scene.area_content[i] as AreaContent;
    out[i] = c.targetShare ?? below[i] ?? null;
    const p = c.parent === null ? undefined : rowOf.get(c.parent);
    if (p !== undefined && p < i && out[i] !== null) below[p] = (below[p] ?? 0) + (out[i] as number);
  }
  return out;
}

export interface EffortBar {
  /** Width of the actual bar, from the track's left edge. */
  fill: number;
  /** Where the target mark stands, from the left edge; null without a target. */
  tick: number | null;
  /** The mark comes from sub-areas' targets, not the row's own. */
  tickFromBelow: boolean;
  colour: string;
}

/** The bar of one row in a track `width` wide at `scale` percent. */
export function effortBar(c: AreaContent, claimed: number | null, scale: number, width: number): EffortBar {
  const at = (pct: number) => Math.max(0, Math.min(width, (pct / (scale || 1)) * width));
  const own = c.targetShare ?? null;
  const target = own ?? claimed;
  return { fill: at(c.effortShare ?? 0), tick: target === null ? null : at(target), tickFromBelow: own === null && target !== null, colour: stanceColour(c.stance) };
}

function one(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** The short figure beside a bar: "12% → 10%" (actual, then target), "12%" without a target. */
export function effortFigure(c: AreaContent, claimed: number | null): string {
  const target = c.targetShare ?? claimed;
  return target === null ? `${one(c.effortShare ?? 0)}%` : `${one(c.effortShare ?? 0)}% → ${one(target)}%`;
}

/** The longer reading for a tooltip or a screen reader. */
export function effortTitle(c: AreaContent, claimed: number | null): string {
  const own = c.targetShare ?? null;
  const planned = (c.effortPlanned ?? 0) > 0.05 ? `, ${one(c.effortPlanned)} planned` : "";
  const stance = c.stance ? `${c.stance[0]?.toUpperCase()}${c.stance.slice(1)}` : "No stance";
  const target = own !== null ? `target ${one(own)}%` : claimed !== null ? `sub-area targets ${one(claimed)}%` : "no target";
  return `${c.name}: ${one(c.effortShare ?? 0)}% of the effort (${one(c.effortFte ?? 0)} FTE${planned}) · ${target} · ${stance}`;
}
