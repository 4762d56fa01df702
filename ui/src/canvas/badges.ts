// Count badges on cards (the health findings of a person), drawn over the top-right corner in world space.
import type { ChartScene, Rect } from "./scene";

export interface BadgeEnv {
  ctx: CanvasRenderingContext2D;
  scene: ChartScene;
  lookup: ReadonlyMap<number, number>;
  zoom: number;
  view: Rect;
}

/** Below this on-screen card width a badge would hide the card; the insights panel still lists the finding. */
const MIN_CARD_PX = 40;
const RADIUS_PX = 8;

export const BADGE_FILL = "#d92d20";

/** Cost is one pass over the badges (a few hundred at most), not over the cards. */
export function drawBadges(env: BadgeEnv, badges: ReadonlyMap<number, number>): void {
  const { ctx, scene, lookup, zoom, view } = env;
  const r = RADIUS_PX / zoom;
  ctx.font = `600 ${11 / zoom}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const [id, n] of badges) {
    const i = lookup.get(id);
    if (i === undefined || n <= 0) continue;
    const x = scene.x[i] as number, y = scene.y[i] as number, w = scene.w[i] as number;
    if (w * zoom < MIN_CARD_PX) continue;
    const cx = x + w - r * 0.4, cy = y + r * 0.4;
    if (cx + r < view.x || cx - r > view.x + view.w || cy + r < view.y || cy - r > view.y + view.h) continue;
    drawBadge(ctx, cx, cy, r, n);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
}

/**
 * One badge centred at (cx, cy) with radius r, in the current transform; the caller sets font and centred
 * text alignment once for a batch. Shared with other diagrams (team boundaries on the team map).
 */
export function drawBadge(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, n: number): void {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fillStyle = BADGE_FILL;
  ctx.fill();
  ctx.fillStyle = "#fff";
  ctx.fillText(n > 9 ? "9+" : String(n), cx, cy);
}
