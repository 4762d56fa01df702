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
