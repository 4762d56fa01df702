// Pan/zoom maths: pure functions over an immutable camera, so interaction and tests share one model.
import type { Rect } from "./scene";

/** World point (x, y) is drawn at the screen's top-left; screen = (world - camera) * zoom, in CSS pixels. */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface Viewport {
  /** CSS pixels; devicePixelRatio is the renderer's concern, not the camera's. */
  width: number;
  height: number;
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** Past 4x a card outgrows the screen; the minimum is widened per chart by zoomLimitsFor so any chart fits. */
export const DEFAULT_ZOOM_LIMITS: ZoomLimits = { min: 0.002, max: 4 };

/** Limits for one chart: always allow zooming out to half the fit-to-screen zoom, however wide the org is. */
export function zoomLimitsFor(bounds: Rect, vp: Viewport, base: ZoomLimits = DEFAULT_ZOOM_LIMITS): ZoomLimits {
  const fit = fitBounds(bounds, vp, 24, { min: 0, max: base.max }).zoom;
  return { min: Math.min(base.min, fit / 2), max: base.max };
}

export interface Point {
  x: number;
  y: number;
}

export function screenToWorld(cam: Camera, sx: number, sy: number): Point {
  return { x: sx / cam.zoom + cam.x, y: sy / cam.zoom + cam.y };
}

export function worldToScreen(cam: Camera, wx: number, wy: number): Point {
  return { x: (wx - cam.x) * cam.zoom, y: (wy - cam.y) * cam.zoom };
}

/** The world rectangle the viewport shows. */
export function visibleWorldRect(cam: Camera, vp: Viewport): Rect {
  return { x: cam.x, y: cam.y, w: vp.width / cam.zoom, h: vp.height / cam.zoom };
}

export function clampZoom(zoom: number, limits: ZoomLimits = DEFAULT_ZOOM_LIMITS): number {
  if (!Number.isFinite(zoom) || zoom <= 0) return limits.min > 0 ? limits.min : 1;
  return Math.min(limits.max, Math.max(limits.min, zoom));
}

/** Pan by a screen-pixel delta (content follows the pointer: dragging right moves the camera left). */
export function panBy(cam: Camera, dxScreen: number, dyScreen: number): Camera {
  return { x: cam.x - dxScreen / cam.zoom, y: cam.y - dyScreen / cam.zoom, zoom: cam.zoom };
}

/** Zoom by `factor`, keeping the world point under screen point (sx, sy) fixed, so zoom follows the cursor. */
export function zoomAt(cam: Camera, sx: number, sy: number, factor: number, limits: ZoomLimits = DEFAULT_ZOOM_LIMITS): Camera {
  const zoom = clampZoom(cam.zoom * factor, limits);
  const anchor = screenToWorld(cam, sx, sy);
  return { x: anchor.x - sx / zoom, y: anchor.y - sy / zoom, zoom };
}

/** Wheel delta to zoom factor; exponential so equal wheel travel in and out cancels exactly. */
export function wheelZoomFactor(deltaY: number, sensitivity = 0.0015): number {
  return Math.exp(-deltaY * sensitivity);
}

/** Camera showing `bounds` centred with `padding` CSS px on every side. Empty bounds keep zoom 1. */
export function fitBounds(bounds: Rect, vp: Viewport, padding = 24, limits: ZoomLimits = DEFAULT_ZOOM_LIMITS): Camera {
  const availW = Math.max(1, vp.width - 2 * padding);
  const availH = Math.max(1, vp.height - 2 * padding);
  const raw = bounds.w > 0 && bounds.h > 0 ? Math.min(availW / bounds.w, availH / bounds.h) : bounds.w > 0 ? availW / bounds.w : bounds.h > 0 ? availH / bounds.h : 1;
  const zoom = clampZoom(raw, limits);
  return centerOn({ x: 0, y: 0, zoom }, bounds.x + bounds.w / 2, bounds.y + bounds.h / 2, vp);
}

/** Same zoom, world point (wx, wy) at the viewport centre (minimap clicks, "go to person"). */
export function centerOn(cam: Camera, wx: number, wy: number, vp: Viewport): Camera {
  return { x: wx - vp.width / 2 / cam.zoom, y: wy - vp.height / 2 / cam.zoom, zoom: cam.zoom };
}

/**
 * Keep at least `keep` CSS px of the content on screen, so a fling cannot lose the chart in empty space.
 * Content smaller than `keep` only has to stay entirely on screen.
 */
export function clampCamera(cam: Camera, bounds: Rect, vp: Viewport, keep = 64, limits: ZoomLimits = DEFAULT_ZOOM_LIMITS): Camera {
  const zoom = clampZoom(cam.zoom, limits);
  const keepW = Math.min(keep, bounds.w * zoom, vp.width) / zoom;
  const keepH = Math.min(keep, bounds.h * zoom, vp.height) / zoom;
  const viewW = vp.width / zoom;
  const viewH = vp.height / zoom;
  // Visible span is [x, x + viewW]; it must overlap [bounds.x, bounds.x + bounds.w] by keepW.
  const minX = bounds.x + keepW - viewW;
  const maxX = bounds.x + bounds.w - keepW;
  const minY = bounds.y + keepH - viewH;
  const maxY = bounds.y + bounds.h - keepH;
  return {
    x: Math.min(maxX, Math.max(minX, cam.x)),
    y: Math.min(maxY, Math.max(minY, cam.y)),
    zoom,
  };
}

export function camerasEqual(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}
