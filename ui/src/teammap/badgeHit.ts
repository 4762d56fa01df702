// Which health badge of the team map is under a point, so it can explain itself on hover. The geometry is the one
// drawMap draws (HEALTH_BADGE_PX): a unit's badge on its top-right corner, a chip's on its top-right edge.
import { HEALTH_BADGE_PX } from "./drawMap";
import type { TeamMapIndex } from "./mapIndex";

export type BadgeHit = { kind: "unit" | "person"; id: number } | null;

/** The badge at world point (wx, wy) at `zoom`; chips (drawn above units) first. */
export function badgeAt(idx: TeamMapIndex, zoom: number, wx: number, wy: number, units: ReadonlyMap<number, number>, persons: ReadonlyMap<number, number>): BadgeHit {
  const s = idx.scene;
  const near = (cx: number, cy: number, r: number) => (wx - cx) ** 2 + (wy - cy) ** 2 <= (r * 1.3) ** 2;
  const rc = HEALTH_BADGE_PX.chip / zoom;
  for (const k of idx.chips.queryRect(wx - 2 * rc, wy - 2 * rc, 4 * rc, 4 * rc)) {
    const person = s.chip_person[k] as number;
    if (!persons.get(person) || (s.chip_w[k] as number) * zoom < HEALTH_BADGE_PX.minChip) continue;
    if (near((s.chip_x[k] as number) + (s.chip_w[k] as number), s.chip_y[k] as number, rc)) return { kind: "person", id: person };
  }
  const ru = HEALTH_BADGE_PX.unit / zoom;
  for (const i of idx.units.queryRect(wx - 2 * ru, wy - 2 * ru, 4 * ru, 4 * ru)) {
    const unit = s.units[i] as number;
    if (!units.get(unit) || (s.w[i] as number) * zoom < HEALTH_BADGE_PX.minUnit) continue;
    if (near((s.x[i] as number) + (s.w[i] as number) - ru * 0.3, (s.y[i] as number) + ru * 0.3, ru)) return { kind: "unit", id: unit };
  }
  return null;
}
