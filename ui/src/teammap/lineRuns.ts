// The parts of an interaction line worth stroking: a routed line can run across the whole map, and a dashed or dotted
// stroke costs per dash along all of it, on screen or not (at 10k people, most of a frame's drawing).
import type { Rect } from "../canvas/scene";

/** Points `from`..`to` (point indices) of a polyline, and the line's length before `from`. */
export interface LineRun {
  from: number;
  to: number;
  /** The dash offset that keeps the run's dashes where stroking the whole line would put them. */
  offset: number;
}

/**
 * The runs of consecutive segments of polyline `p` (flat x, y pairs) that come within `pad` of `view`; the whole line
 * as one run when `view` is null.
 */
export function visibleRuns(p: readonly number[], view: Rect | null, pad: number): LineRun[] {
  const n = p.length >> 1;
  if (n < 2) return [];
  if (!view) return [{ from: 0, to: n - 1, offset: 0 }];
  const x0 = view.x - pad, y0 = view.y - pad, x1 = view.x + view.w + pad, y1 = view.y + view.h + pad;
  const runs: LineRun[] = [];
  let run: LineRun | null = null;
  let length = 0;
  for (let k = 0; k + 1 < n; k++) {
    const ax = p[2 * k] as number, ay = p[2 * k + 1] as number, bx = p[2 * k + 2] as number, by = p[2 * k + 3] as number;
    const seen = Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && Math.max(ay, by) >= y0 && Math.min(ay, by) <= y1;
    if (seen) {
      if (run && run.to === k) run.to = k + 1;
      else runs.push((run = { from: k, to: k + 1, offset: length }));
    }
    length += Math.hypot(bx - ax, by - ay);
  }
  return runs;
}
