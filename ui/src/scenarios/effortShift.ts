// The compare panel's effort shift: which areas' actual effort moved between the two scenarios (the diff's `effort`
// key, worked out by the core), largest moves first, and the geometry of the small diverging bars beside them.
import type { EffortShift } from "../bindings";

/** Whether a person would notice (the same tenth of a point or of an FTE as `EffortShift::is_noticeable`). */
export function isNoticeable(s: EffortShift): boolean {
  return Math.abs(s.share_difference ?? 0) >= 0.05 || Math.abs((s.after_fte ?? 0) - (s.before_fte ?? 0)) >= 0.05;
}

/** The shifts worth showing, largest move of share first, then by name. */
export function shiftsToShow(shifts: readonly EffortShift[] | undefined): EffortShift[] {
  return (shifts ?? []).filter(isNoticeable).sort((a, b) =>
    Math.abs(b.share_difference ?? 0) - Math.abs(a.share_difference ?? 0) || a.name.localeCompare(b.name));
}

/** A diverging bar: `half` pixels each side of the middle, scaled to the largest move shown. */
export function shiftBar(s: EffortShift, largest: number, half: number): { left: number; width: number; gain: boolean } {
  const d = s.share_difference ?? 0;
  const w = largest > 0 ? Math.min(half, (Math.abs(d) / largest) * half) : 0;
  return d >= 0 ? { left: half, width: w, gain: true } : { left: half - w, width: w, gain: false };
}

function one(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** "+12.5 pts", "−3 pts". */
export function points(d: number | null): string {
  const v = Math.round((d ?? 0) * 10) / 10;
  return `${v > 0 ? "+" : v < 0 ? "−" : ""}${one(Math.abs(v))} pts`;
}

/** "30% → 42.5%". */
export function shareMove(s: EffortShift): string {
  return `${one(s.before_share ?? 0)}% → ${one(s.after_share ?? 0)}%`;
}

/** "4 → 6 FTE". */
export function fteMove(s: EffortShift): string {
  return `${one(s.before_fte ?? 0)} → ${one(s.after_fte ?? 0)} FTE`;
}
