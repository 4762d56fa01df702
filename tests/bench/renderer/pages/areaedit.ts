// Bench page (d): an area edit on the ownership map of a 10k-person org, as the app repaints it. Each frame takes
// a new scene (one area's owner, direction and effort figures changed, as the core sends after an update-area or
// set-owner op), lays the map out again (mapLayout), hands it to the renderer (setLayout: indexes, effort scale,
// rolled-up targets) and draws it (renderNow, flushed). --cards is the number of people: about eight a team, and
// one product area for every ten people (10k people = 1,250 teams, 1,000 areas).
import { mapLayout } from "../../../../ui/src/ownership/mapLayout";
import { OwnershipRenderer } from "../../../../ui/src/ownership/ownershipRenderer";
import { bigOwnership } from "../../../../ui/src/ownership/syntheticOwnership";
import type { OwnershipScene } from "../../../../ui/src/ownership/sceneTypes";
import { runFrames } from "./harness";

window.runBench = async (opts) => {
  const t0 = performance.now();
  const base = bigOwnership(Math.round(opts.cards / 10), Math.round(opts.cards / 8));
  base.area_content.forEach((c, i) => {
    c.effortShare = (i % 17) / 4;
    c.effortFte = (i % 17) / 2;
    c.stance = (["invest", "grow", "maintain", "sunset", null] as const)[i % 5] ?? null;
    c.targetShare = i % 3 === 0 ? (i % 11) / 2 : null;
  });
  const canvas = document.createElement("canvas");
  canvas.style.cssText = `position:fixed;left:0;top:0;width:${opts.width}px;height:${opts.height}px`;
  document.body.appendChild(canvas);
  const r = new OwnershipRenderer(canvas, { scheduler: { request: () => 0, cancel: () => {} } });
  r.setViewportSize(opts.width, opts.height, window.devicePixelRatio || 1);
  r.setLayout(base, mapLayout(base, false));
  r.setCamera({ x: -24, y: -24, zoom: opts.zoom });
  r.renderNow();
  const setupMs = performance.now() - t0;
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  let drawn = 0;
  r.onFrame = (n) => { drawn += n; };
  const res = await runFrames(
    opts,
    (i) => {
      // The edit: a visible area changes owner, stance and target; its effort (and its parent's) moves.
      const k = 1 + (i % 20);
      const content = base.area_content.slice();
      const c = content[k]!;
      content[k] = { ...c, owner: base.teams[i % base.teams.length] ?? null, stance: i % 2 ? "invest" : "sunset", targetShare: i % 7, effortShare: (i % 13) / 2 };
      const scene: OwnershipScene = { ...base, area_content: content };
      r.setLayout(scene, mapLayout(scene, false));
      r.renderNow();
    },
    () => { ctx.getImageData(0, 0, 1, 1); },
  );
  return { ...res, visibleCards: Math.round(drawn / (opts.frames + opts.warmup + 1)), domNodes: document.getElementsByTagName("*").length, setupMs };
};
