// The ownership map view (placeholder until the ownership map lands; owned by the ownership map's author).
import type { AppController } from "../app/controller";

export function OwnershipView({ ctl }: { ctl: AppController }) {
  void ctl;
  return <p className="placeholder">The ownership map is on its way.</p>;
}
