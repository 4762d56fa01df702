// Bench page (c): the team map's canvas renderer (ui/src/teammap) over a generated org (--cards = people, about
// eight a team: 10k people = 1,250 teams in 13 departments), driven like the chart pages.
import { TeamMapRenderer } from "../../../../ui/src/teammap/renderer";
import { syntheticTeamMap } from "../../../../ui/src/teammap/synthetic";
import { benchStart, panOffset, runFrames } from "./harness";

window.runBench = async (opts) => {
  const t0 = performance.now();
  const scene = syntheticTeamMap({ people: opts.cards });
  const canvas = document.createElement("canvas");
  canvas.style.cssText = `position:fixed;left:0;top:0;width:${opts.width}px;height:${opts.height}px`;
  document.body.appendChild(canvas);
  const r = new TeamMapRenderer(canvas, { scheduler: { request: () => 0, cancel: () => {} } });
  r.setViewportSize(opts.width, opts.height, window.devicePixelRatio || 1);
  r.setScene(scene);
  // The densest screenful of chips, found as on the chart (chips stand in for cards).
  const chips = { ids: scene.chip_person, x: scene.chip_x, y: scene.chip_y, w: scene.chip_w, h: scene.chip_h, connectors: [], bounds: scene.bounds };
  const start = benchStart(chips, opts);
  r.setCamera(start);
  r.renderNow();
  const setupMs = performance.now() - t0;
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
