// Frame loop shared by both bench pages, so they are driven and timed identically.
import type { ChartScene } from "../../../../ui/src/canvas/scene";
import type { BenchOptions, BenchResult } from "./types";

declare global {
  interface Window {
    runBench(opts: BenchOptions): Promise<BenchResult>;
  }
}

/**
 * Camera start: the densest screenful around one of 64 evenly sampled cards, so every library is timed on a
 * full screen of cards rather than on empty space between sub-trees. Deterministic for a scene.
 */
export function benchStart(scene: ChartScene, opts: BenchOptions): { x: number; y: number; zoom: number } {
  const n = scene.ids.length;
  const vw = opts.width / opts.zoom, vh = opts.height / opts.zoom;
  let best = { x: scene.bounds.x, y: scene.bounds.y, count: -1 };
  for (let s = 0; s < 64 && n > 0; s++) {
    const i = Math.floor(((s + 0.5) * n) / 64);
    const x0 = (scene.x[i] as number) - vw / 2, y0 = (scene.y[i] as number) - vh / 2;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const x = scene.x[j] as number, y = scene.y[j] as number;
      if (x >= x0 && y >= y0 && x + (scene.w[j] as number) <= x0 + vw && y + (scene.h[j] as number) <= y0 + vh) count++;
    }
    if (count > best.count) best = { x: x0, y: y0, count };
  }
  return { x: best.x, y: best.y, zoom: opts.zoom };
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
