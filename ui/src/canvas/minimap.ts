// Overview of the whole chart at block level with the current viewport outlined; the chart layer is cached between frames.
import type { Camera, Point, Viewport } from "./camera";
import type { ChartScene, Rect } from "./scene";
import type { GridIndex } from "./spatialIndex";
import { DEFAULT_THEME, type Theme } from "./theme";

/** minimap = (world - bounds.origin) * scale + offset, in minimap CSS px. */
export interface MinimapTransform {
  scale: number;
  ox: number;
  oy: number;
  bx: number;
  by: number;
}

export function minimapTransform(bounds: Rect, size: Viewport, padding = 4): MinimapTransform {
  const aw = Math.max(1, size.width - 2 * padding), ah = Math.max(1, size.height - 2 * padding);
  const scale = Math.min(bounds.w > 0 ? aw / bounds.w : Infinity, bounds.h > 0 ? ah / bounds.h : Infinity);
  const s = Number.isFinite(scale) ? scale : 1;
  return { scale: s, ox: (size.width - bounds.w * s) / 2, oy: (size.height - bounds.h * s) / 2, bx: bounds.x, by: bounds.y };
}

export function minimapToWorld(t: MinimapTransform, mx: number, my: number): Point {
  return { x: (mx - t.ox) / t.scale + t.bx, y: (my - t.oy) / t.scale + t.by };
}

/** The main view's visible world rectangle, in minimap px. */
export function viewportOnMinimap(t: MinimapTransform, cam: Camera, vp: Viewport): Rect {
  return { x: (cam.x - t.bx) * t.scale + t.ox, y: (cam.y - t.by) * t.scale + t.oy, w: (vp.width / cam.zoom) * t.scale, h: (vp.height / cam.zoom) * t.scale };
}

/** Gap between the minimap and the chart's edges, CSS px. */
export const MINIMAP_MARGIN = 12;

/**
 * The minimap's size in a chart view of `vp`: about a fifth of its width (120 to 220 px, 3:2), or null when the
 * view is too small to spare a corner (a card centred in the view must never be under it).
 */
export function minimapSize(vp: Viewport): Viewport | null {
  if (vp.width < 520 || vp.height < 360) return null;
  const width = Math.round(Math.min(220, Math.max(120, vp.width * 0.2)));
  return { width, height: Math.round((width * 150) / 220) };
}

/** The corner the chart's first view leaves free for a minimap of `size`, margins included. */
export function minimapReserve(size: Viewport | null): Viewport | null {
  return size ? { width: size.width + 2 * MINIMAP_MARGIN, height: size.height + 2 * MINIMAP_MARGIN } : null;
}

/** Below this many minimap px per card, individual blocks blur together; drawing grid-cell density is then O(cells) not O(cards). */
const MIN_CARD_PX = 1.5;

export class Minimap {
  private sceneRef: ChartScene | null = null;
  private index: GridIndex | null = null;
  private base: HTMLCanvasElement | null = null;
  private size: Viewport = { width: 0, height: 0 };
  private dpr = 1;
  private t: MinimapTransform = { scale: 1, ox: 0, oy: 0, bx: 0, by: 0 };

  constructor(private readonly canvas: HTMLCanvasElement, private readonly theme: Theme = DEFAULT_THEME) {}

  setScene(scene: ChartScene, index: GridIndex): void {
    this.sceneRef = scene;
    this.index = index;
    this.base = null;
  }

  setSize(width: number, height: number, dpr: number): void {
    this.size = { width, height };
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.base = null;
  }

  get scene(): ChartScene | null {
    return this.sceneRef;
  }

  get transform(): MinimapTransform {
    return this.t;
  }

  /** World point under a minimap point, for click/drag-to-navigate. */
  toWorld(mx: number, my: number): Point {
    return minimapToWorld(this.t, mx, my);
  }

  /** Cheap per frame: one cached bitmap blit plus the viewport outline. */
  draw(cam: Camera, vp: Viewport): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx || !this.sceneRef || !this.index) return;
    if (!this.base) this.base = this.renderBase();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.base, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const r = viewportOnMinimap(this.t, cam, vp);
    ctx.fillStyle = "rgba(37,99,235,0.10)";
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = this.theme.selected;
    // Keep a tiny viewport (zoomed far in) visible as at least a few pixels.
    ctx.strokeRect(r.x, r.y, Math.max(3, r.w), Math.max(3, r.h));
  }

  private renderBase(): HTMLCanvasElement {
    const scene = this.sceneRef as ChartScene, index = this.index as GridIndex;
    const c = document.createElement("canvas");
    c.width = this.canvas.width;
    c.height = this.canvas.height;
    const ctx = c.getContext("2d");
    this.t = minimapTransform(index.bounds, this.size);
    if (!ctx) return c;
    const t = this.t;
    ctx.setTransform(this.dpr * t.scale, 0, 0, this.dpr * t.scale, this.dpr * (t.ox - t.bx * t.scale), this.dpr * (t.oy - t.by * t.scale));
    ctx.fillStyle = this.theme.blockFill;
    if (index.count === 0) return c;
    const typical = Math.max(scene.w[0] as number, scene.h[0] as number) * t.scale;
    if (typical >= MIN_CARD_PX) {
      ctx.beginPath();
      const all = index.queryRect(index.bounds.x, index.bounds.y, index.bounds.w, index.bounds.h);
      for (let k = 0; k < all.length; k++) {
        const i = all[k] as number;
        ctx.rect(scene.x[i] as number, scene.y[i] as number, scene.w[i] as number, scene.h[i] as number);
      }
      ctx.fill();
      return c;
    }
    const occ = index.cellOccupancy();
    let max = 1;
    for (let k = 0; k < occ.length; k++) if ((occ[k] as number) > max) max = occ[k] as number;
    const cs = index.cellSize;
    // At extreme aspect ratios a cell can be far under a minimap pixel; keep occupied cells visible.
    const minCell = 1.5 / t.scale;
    const pad = Math.max(0, (minCell - cs) / 2);
    // Cells are bucketed into a few alpha levels so each level is one path: O(cells) rects, 8 fills.
    const LEVELS = 8;
    const paths = Array.from({ length: LEVELS }, () => new Path2D());
    for (let r = 0; r < index.rows; r++) {
      for (let col = 0; col < index.cols; col++) {
        const o = occ[r * index.cols + col] as number;
        if (o === 0) continue;
        // sqrt keeps sparse cells visible next to dense ones.
        const level = Math.min(LEVELS - 1, Math.floor(Math.sqrt(o / max) * LEVELS));
        (paths[level] as Path2D).rect(index.bounds.x + col * cs - pad, index.bounds.y + r * cs - pad, cs + 2 * pad, cs + 2 * pad);
      }
    }
    paths.forEach((p, level) => {
      ctx.globalAlpha = 0.3 + (0.7 * (level + 1)) / LEVELS;
      ctx.fill(p);
    });
    ctx.globalAlpha = 1;
    return c;
  }
}
