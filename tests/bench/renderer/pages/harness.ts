// Frame loop shared by both bench pages, so they are driven and timed identically.
import type { BenchOptions, BenchResult } from "./types";

declare global {
  interface Window {
    runBench(opts: BenchOptions): Promise<BenchResult>;
  }
}

/** Start where the chart is densest: the middle of the lower band, where stacked reports fill the screen. */
export function benchStart(scene: { bounds: { x: number; y: number; w: number; h: number } }, opts: BenchOptions) {
  const b = scene.bounds;
  return { x: b.x + b.w / 2 - opts.width / 2 / opts.zoom, y: b.y + b.h * 0.55 - opts.height / 2 / opts.zoom, zoom: opts.zoom };
}

/** World point at the screen's top-left for frame i: a steady diagonal drift with a gentle wobble. */
export function panOffset(opts: BenchOptions, i: number): { dx: number; dy: number } {
  return { dx: opts.panX * i, dy: opts.panY * i + 20 * Math.sin(i / 15) };
}

/**
 * Runs warmup + frames animation frames. Each frame calls `step(i)` (apply the pan and render) then `flush()`
 * (force the work the browser would otherwise defer). `work` times step+flush; `frame` is the interval between
 * consecutive rAF callbacks, which also contains style, layout, paint and compositing of the previous frame.
 */
export function runFrames(opts: BenchOptions, step: (i: number) => void, flush: () => void): Promise<Pick<BenchResult, "frame" | "work">> {
  const frame: number[] = [], work: number[] = [];
  return new Promise((resolve) => {
    let i = -opts.warmup;
    let last = 0;
    const tick = () => {
      const now = performance.now();
      if (i > 0) frame.push(now - last);
      last = now;
      if (i >= opts.frames) { resolve({ frame, work }); return; }
      const t0 = performance.now();
      step(i);
      flush();
      if (i >= 0) work.push(performance.now() - t0);
      i++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
