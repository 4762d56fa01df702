// Camera moves the keyboard and search ask for, as pure functions over the chart's camera (see canvas/camera).
import { centerOn, clampZoom, zoomAt, type Camera, type Viewport, type ZoomLimits } from "../canvas/camera";
import type { Rect } from "../canvas/scene";

/** One press of + or -. */
export const ZOOM_STEP = 1.25;

/** Zoom keeping the middle of the view where it is (keys have no pointer to zoom around). */
export function zoomAroundCentre(cam: Camera, vp: Viewport, factor: number, limits?: ZoomLimits): Camera {
  return zoomAt(cam, vp.width / 2, vp.height / 2, factor, limits);
}

/**
 * "Go to this person": the card in the middle of the view, zoomed in to reading size if the view is further out
 * (a person found among 100k should be readable, not a dot), never zoomed out.
 */
export function focusOn(cam: Camera, card: Rect, vp: Viewport, readableZoom = 0.8, limits?: ZoomLimits): Camera {
  const zoom = clampZoom(Math.max(cam.zoom, readableZoom), limits);
  return centerOn({ x: cam.x, y: cam.y, zoom }, card.x + card.w / 2, card.y + card.h / 2, vp);
}

/**
 * The smallest pan that shows the whole card with `margin` CSS px around it (arrow keys walking off screen).
 * A card already in view leaves the camera as it is; one larger than the view is centred.
 */
export function panIntoView(cam: Camera, card: Rect, vp: Viewport, margin = 40): Camera {
  const z = cam.zoom;
  const m = margin / z;
  const viewW = vp.width / z, viewH = vp.height / z;
  let x = cam.x, y = cam.y;
  if (card.w + 2 * m > viewW) x = card.x + card.w / 2 - viewW / 2;
  else if (card.x - m < x) x = card.x - m;
  else if (card.x + card.w + m > x + viewW) x = card.x + card.w + m - viewW;
  if (card.h + 2 * m > viewH) y = card.y + card.h / 2 - viewH / 2;
  else if (card.y - m < y) y = card.y - m;
  else if (card.y + card.h + m > y + viewH) y = card.y + card.h + m - viewH;
  return x === cam.x && y === cam.y ? cam : { x, y, zoom: z };
}

/** Where a card's top-left corner is on screen, in CSS px. */
export function screenPointOf(cam: Camera, card: Rect): { x: number; y: number } {
  return { x: (card.x - cam.x) * cam.zoom, y: (card.y - cam.y) * cam.zoom };
}

/**
 * The camera that puts the card's top-left corner back at screen point `at` after a relayout moved the card
 * (collapsing and expanding reflow the chart; the card the user acted on should stay under their eyes).
 */
export function keepAt(cam: Camera, card: Rect, at: { x: number; y: number }): Camera {
  return { x: card.x - at.x / cam.zoom, y: card.y - at.y / cam.zoom, zoom: cam.zoom };
}
