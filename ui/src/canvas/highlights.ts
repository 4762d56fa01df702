// Highlight states (selection, search chain, drop target, drag ghost) drawn over the cards, by id.
import type { ChartScene, Rect } from "./scene";
import type { TextCache } from "./lod";
import type { Theme } from "./theme";

export interface DropTargetState {
  id: number;
  ok: boolean;
  /** Why the drop is refused; shown next to the target. */
  reason?: string;
  /** What an accepted drop will do (move the team, only the person, a dotted line); shown next to the target. */
  hint?: string;
}

/** The dragged card follows the pointer; dx/dy is its offset from its laid-out position, in world units. */
export interface DragGhost {
  id: number;
  dx: number;
  dy: number;
}

export interface Highlights {
  selected: ReadonlySet<number>;
  /** Cards matching the search. */
  searchHits: ReadonlySet<number>;
  /** Managers between a hit and the root, so the hit's place in the org reads at a glance. */
  searchChain: ReadonlySet<number>;
  dropTarget: DropTargetState | null;
  drag: DragGhost | null;
  /** Health findings per person, drawn as count badges (ui/src/insights). */
  badges?: ReadonlyMap<number, number>;
  /** Compare mode: sets of cards outlined and tinted in their own colour (ui/src/scenarios/compareHighlights.ts). */
  marks?: readonly MarkSet[];
  /** Compare mode: who left each manager's line (by name), drawn as a "−N left" badge on the manager's card. */
  leftBadges?: ReadonlyMap<number, readonly string[]>;
  /** The card under the pointer: its distant dotted lines are drawn whole. */
  hovered?: number | null;
}

/** Compare mode on the chart: the marked sets and, per old manager, the names of the people who left. */
export interface CompareOverlay {
  sets: readonly MarkSet[];
  left: ReadonlyMap<number, readonly string[]>;
}

export interface MarkSet {
  ids: ReadonlySet<number>;
  stroke: string;
  fill: string;
}

export const NO_HIGHLIGHTS: Highlights = {
  selected: new Set(),
  searchHits: new Set(),
  searchChain: new Set(),
  dropTarget: null,
  drag: null,
};

/** Highlighted cards are drawn at least this many CSS px wide, so a search hit stays findable when zoomed far out. */
const MIN_MARK_PX = 8;

interface HighlightEnv {
  ctx: CanvasRenderingContext2D;
  scene: ChartScene;
  lookup: ReadonlyMap<number, number>;
  theme: Theme;
  zoom: number;
  view: Rect;
}

function forVisible(env: HighlightEnv, ids: Iterable<number>, fn: (x: number, y: number, w: number, h: number) => void): void {
  const { scene, lookup, view, zoom } = env;
  const min = MIN_MARK_PX / zoom;
  for (const id of ids) {
    const i = lookup.get(id);
    if (i === undefined) continue;
    let x = scene.x[i] as number, y = scene.y[i] as number, w = scene.w[i] as number, h = scene.h[i] as number;
    if (w < min) { x -= (min - w) / 2; w = min; }
    if (h < min) { y -= (min - h) / 2; h = min; }
    if (x > view.x + view.w || y > view.y + view.h || x + w < view.x || y + h < view.y) continue;
    fn(x, y, w, h);
  }
}

function fillSet(env: HighlightEnv, ids: Iterable<number>, style: string): void {
  const { ctx } = env;
  ctx.beginPath();
  forVisible(env, ids, (x, y, w, h) => ctx.rect(x, y, w, h));
  ctx.fillStyle = style;
  ctx.fill();
}

function strokeSet(env: HighlightEnv, ids: Iterable<number>, style: string, px: number): void {
  const { ctx, zoom } = env;
  // Outset by half the line so the outline sits outside the card and never covers its text.
  const o = px / 2 / zoom;
  ctx.beginPath();
  forVisible(env, ids, (x, y, w, h) => ctx.rect(x - o, y - o, w + 2 * o, h + 2 * o));
  ctx.lineWidth = px / zoom;
  ctx.strokeStyle = style;
  ctx.stroke();
}

/** Tints go under the text. */
export function drawHighlightFills(env: HighlightEnv, h: Highlights): void {
  if (h.marks) for (const m of h.marks) fillSet(env, m.ids, m.fill);
  if (h.searchHits.size) fillSet(env, h.searchHits, env.theme.searchHitFill);
  if (h.dropTarget) fillSet(env, [h.dropTarget.id], h.dropTarget.ok ? env.theme.dropOkFill : env.theme.dropBadFill);
}

/** Outlines go over the card borders, strongest state last so it wins. */
export function drawHighlightStrokes(env: HighlightEnv, h: Highlights): void {
  const t = env.theme;
  if (h.marks) for (const m of h.marks) strokeSet(env, m.ids, m.stroke, 2.5);
  if (h.searchChain.size) strokeSet(env, h.searchChain, t.searchChainStroke, 2);
  if (h.searchHits.size) strokeSet(env, h.searchHits, t.searchHitStroke, 2.5);
  if (h.selected.size) strokeSet(env, h.selected, t.selected, 3);
  if (h.dropTarget) strokeSet(env, [h.dropTarget.id], h.dropTarget.ok ? t.dropOk : t.dropBad, 3);
}

/** The refusal reason, in screen space above the target card (below it when there is no room above). */
export function drawRefusalTooltip(
  ctx: CanvasRenderingContext2D,
  text: TextCache,
  theme: Theme,
  reason: string,
  target: Rect,
  viewport: { width: number; height: number },
): void {
  const label = text.fit(reason, theme.tooltipFont, Math.max(40, viewport.width - 16 - 16));
  const w = text.width(label, theme.tooltipFont) + 16;
  const h = 24;
  let x = target.x + target.w / 2 - w / 2;
  let y = target.y - h - 8;
  if (y < 4) y = target.y + target.h + 8;
  x = Math.max(4, Math.min(viewport.width - w - 4, x));
  y = Math.max(4, Math.min(viewport.height - h - 4, y));
  ctx.fillStyle = theme.tooltipFill;
  ctx.fillRect(x, y, w, h);
  ctx.font = theme.tooltipFont;
  ctx.fillStyle = theme.tooltipText;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillText(label, x + 8, y + h / 2);
  ctx.textBaseline = "alphabetic";
}
