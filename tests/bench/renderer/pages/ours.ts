// Bench page (a): Topograph's canvas renderer, driven directly (no React), one synchronous draw per frame.
import { ChartRenderer } from "../../../../ui/src/canvas/renderer";
import { createBenchScene } from "bench-scene";
import { benchStart, panOffset, runFrames } from "./harness";
import type { BenchOptions, BenchResult } from "./types";

window.runBench = async (opts) => {
  const t0 = performance.now();
  const { scene, content } = createBenchScene(opts.cards);
  const canvas = document.createElement("canvas");
  canvas.style.cssText = `position:fixed;left:0;top:0;width:${opts.width}px;height:${opts.height}px`;
  document.body.appendChild(canvas);
  // No scheduler: the harness draws synchronously once per animation frame, as the rAF loop would.
  const r = new ChartRenderer(canvas, { scheduler: { request: () => 0, cancel: () => {} } });
  r.setViewportSize(opts.width, opts.height, window.devicePixelRatio || 1);
  r.setScene(scene, content);
  const start = benchStart(scene, opts);
  r.setCamera(start);
  r.renderNow();
  const setupMs = performance.now() - t0;
  // getImageData of one pixel forces the deferred canvas commands to rasterise now, inside the timed region.
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  let visible = 0;
  const res = await runFrames(
    opts,
    (i) => {
      const o = panOffset(opts, i);
      r.setCamera({ x: start.x + o.dx / opts.zoom, y: start.y + o.dy / opts.zoom, zoom: opts.zoom });
      visible += r.renderNow().cards;
    },
    () => { ctx.getImageData(0, 0, 1, 1); },
  );
  return { ...res, visibleCards: Math.round(visible / (opts.frames + opts.warmup)), domNodes: document.getElementsByTagName("*").length, setupMs };
};

