// The product direction of an area as the inspector shows and edits it: the stance choices, the target share
// as typed, and the actual-against-target line. Actual effort itself is computed in the core
// (topograph_model::actual_effort); this only words it.
import type { AreaEffort, Stance } from "../bindings";

export const STANCES: { value: Stance | ""; label: string }[] = [
  { value: "", label: "No stance" },
  { value: "invest", label: "Invest" },
  { value: "grow", label: "Grow" },
  { value: "maintain", label: "Maintain" },
  { value: "sunset", label: "Sunset" },
];

/** How the inspector explains the figure, once, where users read it. */
export const EFFORT_RULE =
  "Actual effort: each team's allocation-weighted FTE, spread over the areas it owns (weight 1) and contributes to " +
  "(weight ½), summed up the area tree. Open positions and planned hires count apart. The share is of every seat on every team.";

/** A typed target share: blank clears it; anything but a number from 0 to 100 is invalid. */
export function parseTarget(text: string): { ok: true; value: number | null } | { ok: false } {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return { ok: true, value: null };
  const v = Number(t.replace(",", "."));
  if (!Number.isFinite(v) || v < 0 || v > 100) return { ok: false };
  return { ok: true, value: v };
}

function one(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** "14.2% of the effort (16 FTE) · target 12% (+2.2 pts)", or what is known of it. */
export function effortLine(effort: AreaEffort | undefined, target: number | null): string {
  if (!effort) return target === null ? "" : `Target ${one(target)}%`;
  // JSON has no NaN: a float the core could not write arrives as null.
  const share = effort.share ?? 0, total = effort.total ?? 0, plannedFte = effort.total_planned ?? 0;
  const planned = plannedFte > 0.05 ? `, ${one(plannedFte)} planned` : "";
  const actual = `${one(share)}% of the effort (${one(total)} FTE${planned})`;
  if (target === null) return actual;
  const gap = Math.round((share - target) * 10) / 10;
  const sign = gap > 0 ? "+" : "";
  return `${actual} · target ${one(target)}% (${sign}${one(gap)} pts)`;
}
