// The team map view: teams, groups and people drawn on a canvas (ui/src/teammap), edited by dragging.
import type { AppController } from "../app/controller";

export function TeamMapView({ ctl }: { ctl: AppController }) {
  void ctl;
  return <p className="placeholder">Loading the team map…</p>;
}
