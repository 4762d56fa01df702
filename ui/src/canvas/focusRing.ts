// The keyboard focus ring drawn on a canvas: the canvas has no DOM element per card, so the browser's own focus
// outline cannot show which card, team or area the arrow keys are on. Drawn in world units, like the cards.
import type { Rect } from "./scene";

/** On-screen gap between the item and the ring, and the ring's width, in CSS px at any zoom. */
const GAP_PX = 4;
const WIDTH_PX = 2;

/** Where the ring goes around a world rectangle at `zoom`: a few screen pixels outside it. */
export function focusRingRect(r: Rect, zoom: number): Rect {
  const g = (GAP_PX + WIDTH_PX / 2) / zoom;
  return { x: r.x - g, y: r.y - g, w: r.w + 2 * g, h: r.h + 2 * g };
}

/** A dashed ring around `r` (world units, the context already in world transform), in the focus colour. */
export function drawFocusRing(ctx: CanvasRenderingContext2D, r: Rect, zoom: number, colour: string): void {
  const o = focusRingRect(r, zoom);
  ctx.save();
  ctx.lineWidth = WIDTH_PX / zoom;
  ctx.setLineDash([6 / zoom, 3 / zoom]);
  ctx.strokeStyle = colour;
  ctx.strokeRect(o.x, o.y, o.w, o.h);
  ctx.restore();
}
