// Spatial lookups over a team map scene: which unit (innermost of the nested boundaries), chip, edge handle or
// interaction is under a point, and what a lasso rectangle encloses. Grid indexes as on the org chart.
import { connectorBoxes, type Rect } from "../canvas/scene";
import { GridIndex } from "../canvas/spatialIndex";
import type { TeamMapScene } from "./sceneTypes";

/** Radius of a team's edge handle (drag from it to another team to draw an interaction), in CSS px. */
export const HANDLE_RADIUS_PX = 7;

export type Pick =
  | { kind: "chip"; i: number }
  | { kind: "unit"; i: number }
  | { kind: "handle"; i: number }
  | { kind: "interaction"; i: number }
  | { kind: "none"; /** A group whose open interior was pressed (empty space for a rubber band). */ inside?: number };

export class TeamMapIndex {
  readonly units: GridIndex;
  readonly chips: GridIndex;
  readonly links: GridIndex;
  /** unit id → its index in the scene's unit columns. */
  readonly unitAt = new Map<number, number>();
  /** Parent unit index per unit index, -1 for top-level ones. */
  readonly parentIndex: Int32Array;
  /** Chip indices per unit index. */
  readonly chipsOf: number[][];

  constructor(readonly scene: TeamMapScene) {
    this.units = new GridIndex(scene);
    this.chips = new GridIndex({ x: scene.chip_x, y: scene.chip_y, w: scene.chip_w, h: scene.chip_h });
    this.links = new GridIndex(connectorBoxes(scene.interactions.map((i) => ({ points: i.points, dotted: false }))));
    scene.units.forEach((id, i) => this.unitAt.set(id, i));
    this.parentIndex = new Int32Array(scene.units.length);
    this.chipsOf = scene.units.map(() => []);
    scene.unit_content.forEach((c, i) => {
      this.parentIndex[i] = c.parent === null ? -1 : (this.unitAt.get(c.parent) ?? -1);
    });
    scene.chip_unit.forEach((u, k) => this.chipsOf[this.unitAt.get(u) ?? -1]?.push(k));
  }

  unitRect(i: number): Rect {
    const s = this.scene;
    return { x: s.x[i] as number, y: s.y[i] as number, w: s.w[i] as number, h: s.h[i] as number };
  }

  chipRect(k: number): Rect {
    const s = this.scene;
    return { x: s.chip_x[k] as number, y: s.chip_y[k] as number, w: s.chip_w[k] as number, h: s.chip_h[k] as number };
  }

  isGroup(i: number): boolean {
    return this.scene.unit_content[i]?.kind === "group";
  }

  /** Whether unit index `a` is `b` or contains it (at any depth). */
  contains(a: number, b: number): boolean {
    for (let k = b, guard = 0; k >= 0 && guard < 10_000; k = this.parentIndex[k] as number, guard++) if (k === a) return true;
    return false;
  }

  /**
   * The innermost unit containing the world point, ignoring `skip` and everything inside it (a dragged unit
   * cannot be dropped into itself). Children are drawn after their parents, so the innermost is the last hit.
   */
  unitAtPoint(wx: number, wy: number, skip = -1): number {
    const hits = this.units.queryPoint(wx, wy);
    for (let k = hits.length - 1; k >= 0; k--) {
      const i = hits[k] as number;
      if (skip < 0 || !this.contains(skip, i)) return i;
    }
    return -1;
  }

  /** The innermost group containing the point (a team hit counts as its group), or -1 for the open canvas. */
  groupAtPoint(wx: number, wy: number, skip = -1): number {
    let i = this.unitAtPoint(wx, wy, skip);
    while (i >= 0 && !this.isGroup(i)) i = this.parentIndex[i] as number;
    return i;
  }

  /** The centre of a team's edge handle: the middle of its right edge. */
  handleCentre(i: number): { x: number; y: number } {
    const s = this.scene;
    return { x: (s.x[i] as number) + (s.w[i] as number), y: (s.y[i] as number) + (s.h[i] as number) / 2 };
  }

  /** What a press at the world point grabs; `zoom` scales the handle and line tolerances to screen pixels. */
  pick(wx: number, wy: number, zoom: number): Pick {
    const tol = HANDLE_RADIUS_PX / zoom;
    const near = this.units.queryRect(wx - tol, wy - tol, 2 * tol, 2 * tol);
    for (let k = near.length - 1; k >= 0; k--) {
      const i = near[k] as number;
      if (this.isGroup(i)) continue;
      const c = this.handleCentre(i);
      if ((c.x - wx) ** 2 + (c.y - wy) ** 2 <= tol * tol) return { kind: "handle", i };
    }
    const chip = this.chips.hitTest(wx, wy);
    if (chip >= 0) return { kind: "chip", i: chip };
    const link = this.interactionNear(wx, wy, 5 / zoom);
    if (link >= 0) return { kind: "interaction", i: link };
    const unit = this.unitAtPoint(wx, wy);
    return unit >= 0 ? { kind: "unit", i: unit } : { kind: "none" };
  }

  /** The interaction whose line passes within `tol` of the point, or -1. */
  interactionNear(wx: number, wy: number, tol: number): number {
    const cand = this.links.queryRect(wx - tol, wy - tol, 2 * tol, 2 * tol);
    for (let k = cand.length - 1; k >= 0; k--) {
      const i = cand[k] as number;
      const p = this.scene.interactions[i]?.points ?? [];
      for (let j = 0; j + 3 < p.length; j += 2) {
        if (segmentDistance(wx, wy, p[j] as number, p[j + 1] as number, p[j + 2] as number, p[j + 3] as number) <= tol) return i;
      }
    }
    return -1;
  }

  /**
   * What a lasso encloses: units lying wholly inside (only the outermost: their contents come along) and the
   * chips wholly inside that are not in one of those units.
   */
  enclosed(r: Rect): { units: number[]; chips: number[] } {
    const inside = (b: Rect) => b.x >= r.x && b.y >= r.y && b.x + b.w <= r.x + r.w && b.y + b.h <= r.y + r.h;
    const cand = this.units.queryRect(r.x, r.y, r.w, r.h);
    const taken = new Set<number>();
    const units: number[] = [];
    for (const i of cand) {
      if (!inside(this.unitRect(i))) continue;
      const p = this.parentIndex[i] as number;
      if (p >= 0 && taken.has(p)) { taken.add(i); continue; }
      taken.add(i);
      units.push(i);
    }
    const chips: number[] = [];
    for (const k of this.chips.queryRect(r.x, r.y, r.w, r.h)) {
      const u = this.unitAt.get(this.scene.chip_unit[k] as number) ?? -1;
      if (!taken.has(u) && inside(this.chipRect(k))) chips.push(k);
    }
    return { units, chips };
  }
}

export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The rectangle spanned by two corners in any order. */
export function rectFromCorners(ax: number, ay: number, bx: number, by: number): Rect {
  return { x: Math.min(ax, bx), y: Math.min(ay, by), w: Math.abs(bx - ax), h: Math.abs(by - ay) };
}
