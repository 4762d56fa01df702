// Settings › Painting: what the dialog says of this start's painting (chosen before the window opened, see
// crates/api/src/painting.rs). Null where the app does not choose (not Linux): the dialog then leaves the section out.
import type { PaintingState } from "../bindings";

export function paintingNow(p: PaintingState): string | null {
  if (p.on_cpu === null) return null;
  return `Now painting on the ${p.on_cpu ? "CPU" : "GPU"}${p.reason ? ` (${p.reason})` : ""}.`;
}
