// What the ownership map draws: area rows and team boxes as one set of rectangles (for the shared grid index),
// with the "only unowned" filter applied by closing up the hidden rows.
import type { ChartScene, Connector, Rect } from "../canvas/scene";
import { visibleAreaRows } from "./areaTree";
import type { OwnershipScene } from "./sceneTypes";

export interface MapLink extends Connector {
  area: number;
  unit: number;
}

/**
 * Box i < areaCount is an area row (scene row `sceneIndex[i]`), the rest are teams (scene team `sceneIndex[i]`).
 * Shaped as a chart scene (links as its connectors) so the chart's index, culling and highlights apply as they are.
 */
export interface MapLayout extends ChartScene {
  ids: number[];
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  areaCount: number;
  sceneIndex: Uint32Array;
  connectors: MapLink[];
}

/** The distance between consecutive area rows, as the scene laid them out. */
export function rowPitch(scene: OwnershipScene): number {
  let pitch = Infinity;
  for (let i = 1; i < scene.areas.length; i++) {
    const d = (scene.area_y[i] as number) - (scene.area_y[i - 1] as number);
    if (d > 0 && d < pitch) pitch = d;
  }
  return Number.isFinite(pitch) ? pitch : (scene.area_h[0] ?? 28) + 4;
}

export function mapLayout(scene: OwnershipScene, onlyUnowned: boolean): MapLayout {
  const rows = visibleAreaRows(scene, onlyUnowned);
  const nA = rows.length, nT = scene.teams.length, n = nA + nT;
  const L: MapLayout = {
    ids: new Array<number>(n), x: new Float64Array(n), y: new Float64Array(n), w: new Float64Array(n), h: new Float64Array(n),
    areaCount: nA, sceneIndex: new Uint32Array(n), connectors: [], bounds: { ...scene.bounds },
  };
  const compact = nA !== scene.areas.length;
  const top = scene.area_y[0] ?? 0, pitch = rowPitch(scene);
  const at = new Map<number, number>();
  rows.forEach((r, k) => {
    L.ids[k] = scene.areas[r] as number;
    L.sceneIndex[k] = r;
    L.x[k] = scene.area_x[r] as number;
    L.y[k] = compact ? top + k * pitch : (scene.area_y[r] as number);
    L.w[k] = scene.area_w[r] as number;
    L.h[k] = scene.area_h[r] as number;
    at.set(scene.areas[r] as number, k);
  });
  const teamAt = new Map<number, number>();
  for (let t = 0; t < nT; t++) {
    const k = nA + t;
    L.ids[k] = scene.teams[t] as number;
    L.sceneIndex[k] = t;
    L.x[k] = scene.team_x[t] as number;
    L.y[k] = scene.team_y[t] as number;
    L.w[k] = scene.team_w[t] as number;
    L.h[k] = scene.team_h[t] as number;
    teamAt.set(scene.teams[t] as number, k);
  }
  for (const l of scene.links) {
    const a = at.get(l.area), t = teamAt.get(l.unit);
    if (a === undefined || t === undefined) continue;
    // Closed-up rows moved, so their links are redrawn straight from the row to the team's box.
    const points = compact || l.points.length < 4
      ? [L.x[a]! + L.w[a]!, L.y[a]! + L.h[a]! / 2, L.x[t]!, L.y[t]! + L.h[t]! / 2]
      : l.points;
    L.connectors.push({ area: l.area, unit: l.unit, dotted: l.contributor, points });
  }
  return L;
}

/**
 * Where compare mode draws the proposal's removed areas (dashed ghosts: the proposal's tree has no slot for them):
 * rows at the area column's pitch under the last area row, after a header row. Row k is at y + k * pitch.
 */
export interface GhostRows {
  x: number;
  y: number;
  w: number;
  h: number;
  pitch: number;
  count: number;
  /** The whole block, header included, for the camera's bounds. */
  bounds: Rect;
}

export function ghostRows(scene: OwnershipScene, L: MapLayout, count: number): GhostRows {
  const pitch = rowPitch(scene), h = scene.area_h[0] ?? 28;
  let x = Infinity, right = -Infinity, bottom = -Infinity;
  for (let k = 0; k < L.areaCount; k++) {
    x = Math.min(x, L.x[k]!);
    right = Math.max(right, L.x[k]! + L.w[k]!);
    bottom = Math.max(bottom, L.y[k]! + L.h[k]!);
  }
  if (L.areaCount === 0) {
    x = L.bounds.x;
    right = x + 320;
    bottom = L.bounds.y;
  }
  // One empty pitch, then the header's row, then the ghosts.
  const top = bottom + pitch;
  const y = top + pitch;
  return { x, y, w: right - x, h, pitch, count, bounds: { x, y: top, w: right - x, h: y - top + count * pitch } };
}

/** The union of two rectangles. */
export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}
