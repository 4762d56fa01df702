// Canvas drawing of the "where the people go" view: the scene laid out by the core (topograph_scene::effort_scene,
// the same one the exporter draws) at a zoom and a vertical scroll, drawing only the rows in view.
import type { EffortScene } from "../bindings";
import type { TextCache } from "../canvas/lod";
import { DEFAULT_THEME, type Theme } from "../canvas/theme";
import { EFFORT_TAG } from "./ownershipRenderer";

const SELECTED_ROW = "#dbe7fd";

/** Space around the scene on the canvas, in CSS pixels. */
export const EFFORT_PAD = 20;

export interface EffortFrame {
  /** CSS pixels per scene unit. */
  zoom: number;
  /** How far the view is scrolled down, in CSS pixels. */
  scrollTop: number;
  width: number;
  height: number;
  dpr: number;
}

/** The zoom that fits the scene's width into `width` CSS pixels, kept readable (0.6) and never blown up past 1.3. */
export function effortZoom(scene: EffortScene, width: number): number {
  const w = scene.bounds.w || 1;
  return Math.max(0.6, Math.min(1.3, (width - 2 * EFFORT_PAD) / w));
}

/** The scroll height of the whole view at `zoom`, in CSS pixels. */
export function effortHeight(scene: EffortScene, zoom: number): number {
  return scene.bounds.h * zoom + 2 * EFFORT_PAD;
}

/** Indices of the rows that meet the view (rows are in y order, so a binary search finds the first). */
export function visibleRows(scene: EffortScene, f: Pick<EffortFrame, "zoom" | "scrollTop" | "height">): [number, number] {
  const top = (f.scrollTop - EFFORT_PAD) / f.zoom, bottom = top + f.height / f.zoom;
  const rows = scene.rows;
  let lo = 0, hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!.rect;
    if (r.y + r.h < top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows.length && rows[end]!.rect.y <= bottom) end++;
  return [lo, end];
}

/** The row under a CSS-pixel point of the canvas, or null. */
export function rowAt(scene: EffortScene, f: Pick<EffortFrame, "zoom" | "scrollTop">, x: number, y: number): number | null {
  const sx = (x - EFFORT_PAD) / f.zoom, sy = (y + f.scrollTop - EFFORT_PAD) / f.zoom;
  const [a, b] = visibleRows(scene, { zoom: f.zoom, scrollTop: y + f.scrollTop, height: 1 });
  for (let i = a; i < b; i++) {
    const r = scene.rows[i]!.rect;
    if (sx >= r.x && sx <= r.x + r.w && sy >= r.y && sy <= r.y + r.h) return scene.rows[i]!.area;
  }
  return null;
}

function one(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** Draws the frame of `scene`; `selected` is an area whose row is outlined. Returns the number of rows drawn. */
export function drawEffort(ctx: CanvasRenderingContext2D, text: TextCache, scene: EffortScene, f: EffortFrame, selected: number | null, theme: Theme = DEFAULT_THEME): number {
  const z = f.zoom * f.dpr;
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, f.width, f.height);
  ctx.setTransform(z, 0, 0, z, EFFORT_PAD * f.dpr, (EFFORT_PAD - f.scrollTop) * f.dpr);
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.font = theme.bigNameFont;
  ctx.fillStyle = theme.nameColour;
  ctx.fillText(scene.title, 0, 12);
  ctx.font = theme.titleFont;
  ctx.fillStyle = theme.titleColour;
  ctx.fillText(text.fit(scene.summary, theme.titleFont, scene.bounds.w), 0, 34);

  for (const [bar, label, segments] of [[scene.actual_bar, "Actual", scene.actual], [scene.target_bar, "Target", scene.target]] as const) {
    ctx.fillStyle = EFFORT_TAG.track;
    ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
    ctx.font = theme.nameFont;
    ctx.fillStyle = theme.nameColour;
    ctx.fillText(label, 0, bar.y + bar.h / 2);
    for (const g of segments) {
      if (g.rect.w <= 0) continue;
      ctx.fillStyle = g.colour;
      ctx.fillRect(g.rect.x, g.rect.y, g.rect.w, g.rect.h);
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 1 / f.zoom;
      ctx.strokeRect(g.rect.x, g.rect.y, g.rect.w, g.rect.h);
      if (g.rect.w > 24) {
        ctx.font = theme.badgeFont;
        ctx.fillStyle = theme.nameColour;
        ctx.fillText(text.fit(`${g.label} ${one(g.share)}%`, theme.badgeFont, g.rect.w - 8), g.rect.x + 4, g.rect.y + g.rect.h / 2);
      }
    }
  }

  ctx.font = theme.badgeFont;
  ctx.fillStyle = theme.mutedColour;
  ctx.fillText("Product area", 0, scene.header_y);
  ctx.fillText(text.fit(`Actual effort (bar, 0 to ${one(scene.scale)}%) · target (mark)`, theme.badgeFont, scene.bar_width), scene.bar_x, scene.header_y);
  ctx.fillText("Share · FTE · target", scene.figures_x, scene.header_y);

  const [a, b] = visibleRows(scene, f);
  for (let i = a; i < b; i++) {
    const r = scene.rows[i]!;
    const mid = r.rect.y + r.rect.h / 2;
    if (r.area === selected) {
      ctx.fillStyle = SELECTED_ROW;
      ctx.fillRect(r.rect.x - 4, r.rect.y, r.rect.w + 8, r.rect.h);
    }
    ctx.fillStyle = EFFORT_TAG.track;
    ctx.fillRect(scene.bar_x, r.bar.y, scene.bar_width, r.bar.h);
    ctx.fillStyle = r.colour;
    ctx.fillRect(r.bar.x, r.bar.y, r.bar.w, r.bar.h);
    if (r.target_x !== null) {
      ctx.fillStyle = EFFORT_TAG.mark;
      ctx.fillRect(r.target_x - 1, r.rect.y + 2, 2, r.rect.h - 4);
    }
    ctx.fillStyle = "#eef0f3";
    ctx.fillRect(r.rect.x, r.rect.y + r.rect.h + 1.5, r.rect.w, 0.5);
    ctx.font = r.depth === 0 ? theme.nameFont : theme.titleFont;
    ctx.fillStyle = theme.nameColour;
    ctx.fillText(text.fit(r.name, ctx.font, scene.bar_x - r.name_x - 10), r.name_x, mid);
    ctx.font = theme.titleFont;
    ctx.fillStyle = theme.titleColour;
    ctx.fillText(text.fit(r.figures, theme.titleFont, r.rect.x + r.rect.w - scene.figures_x), scene.figures_x, mid);
  }
  return b - a;
}
