// The org chart's composed first view (opening a document, Fit, Reset view): the top of the org with as many levels
// as fit at a size whose text can be read, the root and its direct reports on screen, clear of the minimap.
import { clampZoom, type Camera, type Viewport } from "./camera";
import { DEFAULT_LOD_THRESHOLDS, type LodThresholds } from "./lod";
import type { ChartScene, Rect } from "./scene";

export type ManagerOf = (id: number) => number | null | undefined;

export interface FirstViewOptions {
  /** Who each card reports to; without it the levels are the scene's rows. */
  managerOf?: ManagerOf;
  /** A box in the view's lower right corner the chart should leave free (the minimap), CSS px. */
  reserve?: Viewport | null;
  /** CSS px kept free around the composed levels. */
  padding?: number;
  /** Never closer than this: a chart of two cards would otherwise fill the window with them. */
  maxZoom?: number;
  lod?: LodThresholds;
}

export interface FirstView {
  camera: Camera;
  /** Levels from the top that the view shows whole (1 = the tops only). */
  levels: number;
  /** The levels shown can be read: full text, or names at least when the whole chart is shown. */
  legible: boolean;
  /** The root and every direct report are on screen at a zoom that shows their names. */
  reportsShown: boolean;
}

/** The zoom from which a card shows its full text (name, title, chips). */
export function fullTextZoom(cardW: number, cardH: number, t: LodThresholds = DEFAULT_LOD_THRESHOLDS): number {
  return Math.max(t.fullMinHeight / Math.max(1, cardH), t.fullMinWidth / Math.max(1, cardW));
}

/** The zoom from which a card shows at least its name (the compact form); below, cards are blocks. */
export function nameTextZoom(cardW: number, cardH: number, t: LodThresholds = DEFAULT_LOD_THRESHOLDS): number {
  return Math.max(t.nameMinHeight / Math.max(1, cardH), t.nameMinWidth / Math.max(1, cardW));
}

/**
 * Each card's level from the top of its tree (0) within the scene: a card whose manager has no card is a top.
 * Rows of the scene stand in when no manager is known.
 */
export function sceneLevels(scene: ChartScene, managerOf?: ManagerOf): Int32Array {
  const n = scene.ids.length;
  const level = new Int32Array(n).fill(-1);
  if (!managerOf) {
    const rows = [...new Set(Array.from(scene.y as ArrayLike<number>))].sort((a, b) => a - b);
    const rowOf = new Map(rows.map((y, i) => [y, i]));
    for (let i = 0; i < n; i++) level[i] = rowOf.get(scene.y[i] as number) ?? 0;
    return level;
  }
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(scene.ids[i] as number, i);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let j = i;
    // Walk up to a card whose level is known or a top; a loop in bad data ends where the walk meets itself.
    while (j >= 0 && (level[j] as number) === -1) {
      level[j] = -2;
      path.push(j);
      const m = managerOf(scene.ids[j] as number);
      j = m === null || m === undefined ? -1 : (index.get(m) ?? -1);
    }
    let d = j >= 0 && (level[j] as number) >= 0 ? (level[j] as number) : -1;
    while (path.length) level[path.pop() as number] = ++d;
  }
  return level;
}

/** Bounding box of the cards at levels below `levels` (levels 0 .. levels-1), null for none. */
function boxOfLevels(scene: ChartScene, level: Int32Array, levels: number): Rect | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < scene.ids.length; i++) {
    if ((level[i] as number) >= levels) continue;
    const x = scene.x[i] as number, y = scene.y[i] as number;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + (scene.w[i] as number));
    y1 = Math.max(y1, y + (scene.h[i] as number));
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Whether any card shows in the view's lower right `corner` (CSS px) under camera `cam`. */
function cardInCorner(scene: ChartScene, cam: Camera, vp: Viewport, corner: Viewport): boolean {
  const x0 = cam.x + (vp.width - corner.width) / cam.zoom, y0 = cam.y + (vp.height - corner.height) / cam.zoom;
  const x1 = cam.x + vp.width / cam.zoom, y1 = cam.y + vp.height / cam.zoom;
  for (let i = 0; i < scene.ids.length; i++) {
    const x = scene.x[i] as number, y = scene.y[i] as number;
    if (x < x1 && x + (scene.w[i] as number) > x0 && y < y1 && y + (scene.h[i] as number) > y0) return true;
  }
  return false;
}

/** The areas a composed box may take: the whole view, or the view less the reserved corner's row or column. */
function areas(vp: Viewport, reserve: Viewport | null | undefined): Rect[] {
  if (!reserve || reserve.width <= 0 || reserve.height <= 0) return [{ x: 0, y: 0, w: vp.width, h: vp.height }];
  return [
    { x: 0, y: 0, w: vp.width, h: Math.max(1, vp.height - reserve.height) },
    { x: 0, y: 0, w: Math.max(1, vp.width - reserve.width), h: vp.height },
  ];
}

/** The camera that shows `box` in `area` at its top, centred across, at `zoom`. */
function place(box: Rect, area: Rect, zoom: number, padding: number): Camera {
  return {
    x: box.x + box.w / 2 - (area.x + area.w / 2) / zoom,
    y: box.y - (area.y + padding) / zoom,
    zoom,
  };
}

function fitZoom(box: Rect, area: Rect, padding: number): number {
  const w = Math.max(1, area.w - 2 * padding), h = Math.max(1, area.h - 2 * padding);
  return Math.min(box.w > 0 ? w / box.w : Infinity, box.h > 0 ? h / box.h : Infinity);
}

/**
 * The first view: the whole chart when its names can be read; else the most levels from the top that fit the view
 * (less the reserved corner) at full-text zoom; when even the root and their direct reports do not, those two levels
 * at the zoom that fits them, below the name-only zoom if it must (`reportsShown` false), so that no direct report is
 * ever off screen.
 */
export function composeFirstView(scene: ChartScene, vp: Viewport, opts: FirstViewOptions = {}): FirstView {
  const padding = opts.padding ?? 24, maxZoom = opts.maxZoom ?? 1;
  const n = scene.ids.length;
  if (n === 0 || vp.width <= 0 || vp.height <= 0) return { camera: { x: 0, y: 0, zoom: 1 }, levels: 0, legible: true, reportsShown: true };
  const level = sceneLevels(scene, opts.managerOf);
  let deepest = 0;
  for (let i = 0; i < n; i++) deepest = Math.max(deepest, level[i] as number);
  const cardW = scene.w[0] as number, cardH = scene.h[0] as number;
  const full = fullTextZoom(cardW, cardH, opts.lod), named = nameTextZoom(cardW, cardH, opts.lod);
  const spaces = areas(vp, opts.reserve);
  const corner = opts.reserve && opts.reserve.width > 0 && opts.reserve.height > 0 ? opts.reserve : null;
  // Deeper levels than those composed still show below them: a candidate that leaves the reserved corner empty of
  // every card (not only the composed ones) wins over one that does not.
  const clear = (cam: Camera) => !corner || !cardInCorner(scene, cam, vp, corner);
  let fallback: FirstView | null = null;
  // Deepest first: most orgs are a few levels deep, and a level that fits usually means those above it fit. The
  // whole chart is worth it at the name-only size; a cut above its last level needs full text to be worth it.
  for (let levels = deepest + 1; levels >= 2; levels--) {
    const box = boxOfLevels(scene, level, levels);
    if (!box) continue;
    const need = levels === deepest + 1 ? named : full;
    for (const area of spaces) {
      const zoom = Math.min(maxZoom, fitZoom(box, area, padding));
      if (zoom < need) continue;
      const view = { camera: place(box, area, zoom, padding), levels, legible: true, reportsShown: true };
      if (clear(view.camera)) return view;
      fallback ??= view;
    }
  }
  if (fallback && corner) {
    // Every level that reads covers the minimap's corner (a compact chart fills the window): fewer levels at the
    // name-only size, clear of it, win over more levels with cards under it.
    for (let levels = deepest + 1; levels >= 2; levels--) {
      const box = boxOfLevels(scene, level, levels);
      if (!box) continue;
      for (const area of spaces) {
        const zoom = Math.min(maxZoom, fitZoom(box, area, padding));
        if (zoom < named) continue;
        const camera = place(box, area, zoom, padding);
        if (clear(camera)) return { camera, levels, legible: true, reportsShown: true };
      }
    }
  }
  if (fallback) return fallback;
  const best = (box: Rect) => {
    let top = { area: spaces[0] as Rect, zoom: 0 };
    for (const area of spaces) {
      const z = Math.min(maxZoom, fitZoom(box, area, padding));
      if (z > top.zoom) top = { area, zoom: z };
    }
    return top;
  };
  const levels = Math.min(2, deepest + 1);
  const box = boxOfLevels(scene, level, levels) as Rect;
  const { area, zoom } = best(box);
  // Below the name-only zoom when the root's row is too wide to read whole (the chart actions fold deeper levels
  // then, so the compact arrangement packs the reports closer): never a direct report off screen.
  return { camera: place(box, area, clampZoom(zoom, { min: 0.002, max: maxZoom }), padding), levels, legible: zoom >= full, reportsShown: zoom >= named };
}
