// Badges on cards, in world space: health finding counts (top-right corner) and compare mode's leavers (bottom edge).
import type { ChartScene, Rect } from "./scene";
import { FAMILY } from "./theme";

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
  ctx.font = `600 ${11 / zoom}px ${FAMILY}`;
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

/** Compare mode's "−N left" pill: as wide as the card allows ("−N left", then "−N", then nothing). */
const LEFT_FULL_MIN_CARD_PX = 90;
const LEFT_FILL = "#475467";
const LEFT_H_PX = 16;

/** "−N left" on the bottom-right corner of each visible old manager's card; one pass over the managers, not the cards. */
export function drawLeftBadges(env: BadgeEnv, left: ReadonlyMap<number, readonly string[]>): void {
  const { ctx, scene, lookup, zoom, view } = env;
  const h = LEFT_H_PX / zoom, pad = 5 / zoom;
  ctx.font = `600 ${10 / zoom}px ${FAMILY}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const [id, names] of left) {
    const i = lookup.get(id);
    if (i === undefined || names.length === 0) continue;
    const x = scene.x[i] as number, y = scene.y[i] as number, cw = scene.w[i] as number, ch = scene.h[i] as number;
    const px = cw * zoom;
    if (px < MIN_CARD_PX) continue;
    const label = leftBadgeLabel(names.length, px >= LEFT_FULL_MIN_CARD_PX);
    const w = ctx.measureText(label).width + 2 * pad;
    // Straddles the card's bottom edge, inset from the right, so it covers neither the name nor the health badge.
    const bx = x + cw - w - pad, by = y + ch - h / 2;
    if (bx > view.x + view.w || bx + w < view.x || by > view.y + view.h || by + h < view.y) continue;
    ctx.fillStyle = LEFT_FILL;
    ctx.fillRect(bx, by, w, h);
    ctx.fillStyle = "#fff";
    ctx.fillText(label, bx + w / 2, by + h / 2);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
}

export function leftBadgeLabel(n: number, long: boolean): string {
  return long ? `−${n} left` : `−${n}`;
}

/** The hover text of an old manager's card: who left their line. */
export function leftTooltip(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(", ");
  return `${names.length} left this line in the proposal: ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ""}`;
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

/** Whether a screen point (CSS px) is on the health badge of a card drawn at `card` (its screen rectangle). */
export function onBadge(card: Rect, px: number, py: number): boolean {
  if (card.w < MIN_CARD_PX) return false;
  const cx = card.x + card.w - RADIUS_PX * 0.4, cy = card.y + RADIUS_PX * 0.4;
  // A little slack around the circle: it is small, and a hand is not.
  return (px - cx) ** 2 + (py - cy) ** 2 <= (RADIUS_PX + 3) ** 2;
}
