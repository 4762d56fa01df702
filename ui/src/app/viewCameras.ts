// Each view's camera, kept while another tab is on screen: switching from the org chart to the team map and back
// shows the chart where it was left. Keyed by view, document and scenario, so another document starts afresh.
import type { Camera } from "../canvas/camera";

const cameras = new Map<string, Camera>();

/** The key a view's camera is kept under. */
export function cameraKey(view: string, documentPath: string | null | undefined, scenario: number | null | undefined): string {
  return `${view}\u0000${documentPath ?? ""}\u0000${scenario ?? ""}`;
}

export function rememberCamera(key: string, cam: Camera): void {
  cameras.set(key, cam);
}

export function recallCamera(key: string): Camera | undefined {
  return cameras.get(key);
}

/** "Reset view": the next mount starts at the view's first camera. */
export function forgetCamera(key: string): void {
  cameras.delete(key);
}

/** The document and scenario on screen, set by the app shell: the canvases of the other views key their cameras by it. */
let scope = "";

export function setCameraScope(documentPath: string | null | undefined, scenario: number | null | undefined): void {
  scope = `${documentPath ?? ""}\u0000${scenario ?? ""}`;
}

/** A view's key in the current scope. */
export function scopedCameraKey(view: string): string {
  return `${view}\u0000${scope}`;
}

/**
 * The camera to start a view with: the one it was left at, unless something the view should show (the selection)
 * lies outside it, in which case `start` (which brings it into view) wins.
 */
export function keptUnlessHidden(
  kept: Camera | undefined,
  vp: { width: number; height: number },
  focus: { x: number; y: number; w: number; h: number } | null,
  start: () => Camera,
): Camera {
  if (!kept) return start();
  if (!focus) return kept;
  const inside = focus.x >= kept.x && focus.y >= kept.y
    && focus.x + focus.w <= kept.x + vp.width / kept.zoom && focus.y + focus.h <= kept.y + vp.height / kept.zoom;
  return inside ? kept : start();
}
