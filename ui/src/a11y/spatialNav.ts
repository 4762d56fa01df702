// Arrow keys over boxes laid out in two dimensions (teams on the team map): the nearest box whose centre lies that
// way, favouring boxes in line with the current one over closer ones off to the side.
import type { Rect } from "../canvas/scene";
import type { Direction } from "../keyboard/treeNav";

/** How much a step sideways costs against a step forward: 2 keeps a row or column over a nearer diagonal. */
const SIDEWAYS = 2;

/**
 * Index (into `candidates`) of the rectangle to go to from `from` towards `dir`, or -1 when none lies that way.
 * A candidate counts when its centre is past `from`'s centre in that direction; `skip` is never chosen (itself).
 */
export function nearestInDirection(from: Rect, dir: Direction, candidates: readonly Rect[], skip = -1): number {
  const fx = from.x + from.w / 2, fy = from.y + from.h / 2;
  let best = -1, bestScore = Infinity;
  candidates.forEach((r, i) => {
    if (i === skip) return;
    const dx = r.x + r.w / 2 - fx, dy = r.y + r.h / 2 - fy;
    let forward: number, side: number;
    switch (dir) {
      case "right": forward = dx; side = dy; break;
      case "left": forward = -dx; side = dy; break;
      case "down": forward = dy; side = dx; break;
      case "up": forward = -dy; side = dx; break;
    }
    if (forward <= 0.5) return;
    // Overlapping the current box across the direction of travel counts as in line.
    const overlaps = dir === "left" || dir === "right" ? r.y < from.y + from.h && from.y < r.y + r.h : r.x < from.x + from.w && from.x < r.x + r.w;
    const score = forward + (overlaps ? 0 : SIDEWAYS * Math.abs(side));
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** The rectangle read first: the top-most, then left-most (reading order). */
export function firstInReadingOrder(candidates: readonly Rect[]): number {
  let best = -1;
  candidates.forEach((r, i) => {
    const b = best < 0 ? undefined : candidates[best];
    if (!b || r.y < b.y - 0.5 || (Math.abs(r.y - b.y) <= 0.5 && r.x < b.x)) best = i;
  });
  return best;
}
