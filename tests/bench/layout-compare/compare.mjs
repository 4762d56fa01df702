// Lays out the same generated org chart with d3-flextree and with topograph-layout (through
// the Rust example `dump_tree`) and prints both timings and their ratio as one JSON line.
//
//   node compare.mjs [--json TREE.json] [--runs N]
//
// LAYOUT_DUMP_BIN names a built `dump_tree` example; without it the example goes through
// `cargo run --release`. Without --json the example first writes its 100k-card tree.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The package's ESM entry has extensionless imports that Node will not resolve; its UMD build works.
const { flextree } = require('d3-flextree');

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const WARMUP = 3;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function example(args) {
  const bin = process.env.LAYOUT_DUMP_BIN;
  const [cmd, full] = bin
    ? [bin, args]
    : ['cargo', ['run', '--release', '-q', '-p', 'topograph-layout', '--example', 'dump_tree', '--', ...args]];
  const out = execFileSync(cmd, full, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// flextree wants nested data. Its node size includes the spacing, the same padding
// topograph-layout applies: the sibling gap around each card and the level gap below it.
function nest({ nodes, options }) {
  const data = nodes.map((n) => ({
    size: [n.width + options.sibling_gap, n.height + options.level_gap],
    children: [],
  }));
  const roots = [];
  nodes.forEach((n, i) => (n.parent === null ? roots : data[n.parent].children).push(data[i]));
  return roots.length === 1 ? roots[0] : { size: [0, 0], children: roots };
}

function timeFlextree(data, runs) {
  const layout = flextree({ spacing: 0 });
  const full = [];
  const layoutOnly = [];
  let placed = 0;
  for (let r = 0; r < WARMUP + runs; r++) {
    const t0 = performance.now();
    const tree = layout.hierarchy(data);
    const t1 = performance.now();
    layout(tree);
    const t2 = performance.now();
    if (r >= WARMUP) {
      full.push(t2 - t0);
      layoutOnly.push(t2 - t1);
    }
    placed = 0;
    tree.each((n) => (placed += Number.isFinite(n.x) && Number.isFinite(n.y)));
  }
  return { full: median(full), layoutOnly: median(layoutOnly), placed };
}

const runs = Number(arg('--runs', '15'));
let json = arg('--json', null);
let scratch = null;
if (!json) {
  scratch = mkdtempSync(join(tmpdir(), 'layout-compare-'));
  json = join(scratch, 'tree.json');
  example([json]);
}
try {
  const dump = JSON.parse(readFileSync(json, 'utf8'));
  const flex = timeFlextree(nest(dump), runs);
  if (flex.placed < dump.nodes.length) throw new Error(`flextree placed ${flex.placed} nodes`);
  const rust = example(['--time', resolve(json), '--runs', String(runs)]);
  const round = (v) => Math.round(v * 100) / 100;
  console.log(
    JSON.stringify({
      nodes: dump.nodes.length,
      runs,
      flextree_ms: round(flex.full),
      flextree_layout_only_ms: round(flex.layoutOnly),
      rust_ms: round(rust.rust_ms),
      rust_stacked_ms: round(rust.rust_stacked_ms),
      ratio: round(flex.full / rust.rust_ms),
      ratio_layout_only: round(flex.layoutOnly / rust.rust_ms),
    }),
  );
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
