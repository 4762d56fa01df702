// Deterministic synthetic org + simple JS tree layout, for `vite dev` outside Tauri and for benchmarks only (real layout is in Rust).
import type { CardContent, CardContentProvider, ChartScene, Connector } from "../../canvas/scene";

export interface SyntheticOrg {
  /** parent[i] = index of i's manager, -1 for the root. Card id = index + 1. */
  parent: Int32Array;
  people: CardContent[];
  depth: Uint8Array;
  /** Secondary (dotted-line) relationships as [from, to] indices. */
  dotted: [number, number][];
  /** Indices whose reports are hidden. */
  collapsed: Set<number>;
}

export interface SyntheticOptions {
  seed?: number;
  /** Managers at this depth start collapsed (root = 0); omit for a fully expanded chart. */
  collapseDepth?: number;
  openShare?: number;
  dottedShare?: number;
}

export const FIRST = ["Ada", "Bo", "Chen", "Dara", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Noor", "Olu", "Priya", "Quinn", "Rafael", "Sana", "Tomasz", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe"];
export const LAST = ["Abara", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka", "Umarov", "Virtanen", "Wojcik", "Yamada", "Zhang", "Van der Berg-Oliveira"];
const TITLES = [["Chief Executive Officer"], ["VP Engineering", "VP Product", "VP Operations", "VP Sales", "Chief Financial Officer"], ["Director of Platform", "Director of Design", "Director of Data", "Head of Customer Success"], ["Engineering Manager", "Product Manager", "Design Lead", "Operations Manager"], ["Senior Software Engineer", "Software Engineer", "Product Designer", "Data Scientist", "Account Executive", "Site Reliability Engineer", "Technical Writer"]];
const TEAM_COLOURS = ["#e4572e", "#17bebb", "#ffc914", "#2e282a", "#76b041", "#8f2d56", "#3d5a80", "#ee6c4d", "#98c1d9", "#6a4c93", "#1982c4", "#8ac926"];

/** mulberry32: tiny, fast, and the same sequence on every machine, so benchmarks compare like with like. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Breadth-first org: each manager gets 3-8 reports until `n` people exist, so depth grows like log(n). */
export function generateOrg(n: number, opts: SyntheticOptions = {}): SyntheticOrg {
  const rand = rng(opts.seed ?? 1);
  const parent = new Int32Array(n).fill(-1);
  const depth = new Uint8Array(n);
  const team = new Int16Array(n).fill(-1);
  let next = 1;
  for (let m = 0; m < n && next < n; m++) {
    const k = 3 + Math.floor(rand() * 6);
    for (let c = 0; c < k && next < n; c++, next++) {
      parent[next] = m;
      depth[next] = Math.min(255, (depth[m] as number) + 1);
      team[next] = depth[next] === 1 ? (next - 1) % TEAM_COLOURS.length : (team[m] as number);
    }
  }
  const hasReports = new Uint8Array(n);
  for (let i = 1; i < n; i++) hasReports[parent[i] as number] = 1;
  const openShare = opts.openShare ?? 0.04;
  const people: CardContent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = Math.min(depth[i] as number, TITLES.length - 1);
    const titles = TITLES[hasReports[i] ? Math.min(d, 3) : 4] as string[];
    const open = i > 0 && !hasReports[i] && rand() < openShare;
    const colours: string[] = [];
    if ((team[i] as number) >= 0) colours.push(TEAM_COLOURS[team[i] as number] as string);
    // Some people sit in a second (cross-functional) team: exercises multi-chip cards.
    if (i > 0 && rand() < 0.15) colours.push(TEAM_COLOURS[Math.floor(rand() * TEAM_COLOURS.length)] as string);
    people[i] = {
      name: open ? "Open position" : `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
      title: titles[Math.floor(rand() * titles.length)] as string,
      isOpenPosition: open,
      collapsedCount: 0,
      teamColours: colours,
    };
  }
  const dotted: [number, number][] = [];
  const dottedCount = Math.floor(n * (opts.dottedShare ?? 0.01));
  for (let k = 0; k < dottedCount; k++) {
    // Mostly someone nearby in breadth-first order (a peer team), as real dotted lines tend to be.
    const a = 1 + Math.floor(rand() * (n - 1));
    const b = Math.max(0, Math.min(n - 1, a + Math.floor((rand() - 0.5) * 60)));
    if (a !== b && parent[a] !== b) dotted.push([a, b]);
  }
  const org: SyntheticOrg = { parent, people, depth, dotted, collapsed: new Set() };
  if (opts.collapseDepth !== undefined) {
    for (let i = 0; i < n; i++) if (depth[i] === opts.collapseDepth && hasReports[i]) org.collapsed.add(i);
  }
  return org;
}

export const CARD_W = 220;
export const CARD_H = 84;
const GAP_X = 24;
const GAP_Y = 56;
const STACK_GAP = 16;
const STACK_INDENT = 24;

export function childrenOf(parent: Int32Array): number[][] {
  const kids: number[][] = Array.from({ length: parent.length }, () => []);
  for (let i = 0; i < parent.length; i++) {
    const p = parent[i] as number;
    if (p >= 0) (kids[p] as number[]).push(i);
  }
  return kids;
}

/** Individual contributors under one manager: one column up to 4, else two columns either side of a spine. */
function stackSize(k: number): { w: number; h: number } {
  const rows = k > 4 ? Math.ceil(k / 2) : k;
  return { w: k > 4 ? 2 * CARD_W + 2 * GAP_X : CARD_W + STACK_INDENT, h: rows * (CARD_H + STACK_GAP) - STACK_GAP };
}

/** Child blocks per row: wrapping keeps each level roughly square instead of multiplying width by the span. */
function perRow(blocks: number): number {
  return blocks <= 2 ? blocks : Math.ceil(Math.sqrt(blocks));
}

/** A manager's children as laid out under it: sub-trees of managers, plus one stack of individual contributors. */
interface Block {
  kind: "tree" | "stack";
  /** The child manager (tree) or the individual contributors (stack). */
  node: number;
  leaves: number[];
  w: number;
  h: number;
}

/**
 * Tidy, grid-like top-down tree. Individual contributors are stacked in one or two columns (as org charts usually
 * do); a manager's child blocks wrap into rows reached by a spine down the left, so a 10k-person chart stays a few
 * screens wide at overview instead of hundreds.
 */
export function layoutOrg(org: SyntheticOrg): ChartScene {
  const n = org.parent.length;
  const kids = childrenOf(org.parent);
  const visibleKids = (i: number): number[] => (org.collapsed.has(i) ? [] : (kids[i] as number[]));
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if ((org.parent[i] as number) < 0) roots.push(i);
  // Iterative pre-order so a deep (user-built) chain cannot overflow the stack; reversed it is a post-order.
  const order: number[] = [];
  const todoOrder: number[] = [...roots];
  while (todoOrder.length) {
    const i = todoOrder.pop() as number;
    order.push(i);
    for (const c of visibleKids(i)) todoOrder.push(c);
  }

  const boxW = new Float64Array(n), boxH = new Float64Array(n);
  const blocksOf: Block[][] = new Array(n);
  const rowsOf = (blocks: Block[]): Block[][] => {
    const k = perRow(blocks.length), rows: Block[][] = [];
    for (let b = 0; b < blocks.length; b += k) rows.push(blocks.slice(b, b + k));
    return rows;
  };
  const rowWidth = (row: Block[]) => row.reduce((a, b) => a + b.w, 0) + GAP_X * (row.length - 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const leaves: number[] = [];
    const blocks: Block[] = [];
    for (const c of visibleKids(i)) {
      if (visibleKids(c).length === 0) leaves.push(c);
      else blocks.push({ kind: "tree", node: c, leaves: [], w: boxW[c] as number, h: boxH[c] as number });
    }
    if (leaves.length) blocks.push({ kind: "stack", node: -1, leaves, ...stackSize(leaves.length) });
    blocksOf[i] = blocks;
    if (blocks.length === 0) { boxW[i] = CARD_W; boxH[i] = CARD_H; continue; }
    const rows = rowsOf(blocks);
    // Wrapped rows leave a corridor on the left for the spine that reaches rows below the first.
    const corridor = rows.length > 1 ? STACK_INDENT : 0;
    boxW[i] = Math.max(CARD_W, corridor + Math.max(...rows.map(rowWidth)));
    boxH[i] = CARD_H + rows.reduce((a, r) => a + GAP_Y + Math.max(...r.map((b) => b.h)), 0);
  }

  const visible = order.length;
  const ids = new Uint32Array(visible), xs = new Float64Array(visible), ys = new Float64Array(visible);
  const px = new Float64Array(n), py = new Float64Array(n);
  const connectors: Connector[] = [];
  let slot = 0;
  const place = (i: number, x: number, y: number) => {
    px[i] = x; py[i] = y;
    ids[slot] = i + 1; xs[slot] = x; ys[slot] = y; slot++;
  };
  const todo: [number, number, number][] = [];
  let left = 0;
  for (const r of roots) { todo.push([r, left, 0]); left += (boxW[r] as number) + GAP_X * 4; }
  while (todo.length) {
    const [i, l, top] = todo.pop() as [number, number, number];
    const w = boxW[i] as number;
    place(i, l + (w - CARD_W) / 2, top);
    const blocks = blocksOf[i] as Block[];
    if (blocks.length === 0) continue;
    const rows = rowsOf(blocks);
    const corridor = rows.length > 1 ? STACK_INDENT : 0;
    const cx = l + w / 2, bottom = top + CARD_H, mid = bottom + GAP_Y / 2, spine = l + STACK_INDENT / 2;
    let rowTop = bottom + GAP_Y;
    rows.forEach((row, r) => {
      const bus = rowTop - GAP_Y / 2;
      // Path from the manager to this row's bus: straight down for the first row, via the left spine for later ones.
      const head = r === 0 ? [cx, bottom, cx, bus] : [cx, bottom, cx, mid, spine, mid, spine, bus];
      let bl = l + corridor + (w - corridor - rowWidth(row)) / 2;
      for (const b of row) {
        if (b.kind === "tree") {
          const entry = bl + b.w / 2;
          connectors.push({ points: [...head, entry, bus, entry, rowTop], dotted: false });
          todo.push([b.node, bl, rowTop]);
        } else {
          const twoCols = b.leaves.length > 4;
          const entry = twoCols ? bl + CARD_W + GAP_X : bl + STACK_INDENT / 2;
          b.leaves.forEach((c, k) => {
            const col = twoCols ? k % 2 : 0, rowIdx = twoCols ? k >> 1 : k;
            const x = twoCols ? (col === 0 ? bl : entry + GAP_X) : bl + STACK_INDENT;
            const y = rowTop + rowIdx * (CARD_H + STACK_GAP);
            place(c, x, y);
            const edge = twoCols && col === 0 ? x + CARD_W : x;
            connectors.push({ points: [...head, entry, bus, entry, y + CARD_H / 2, edge, y + CARD_H / 2], dotted: false });
          });
        }
        bl += b.w + GAP_X;
      }
      rowTop += Math.max(...row.map((b) => b.h)) + GAP_Y;
    });
  }
  const placed = new Uint8Array(n);
  for (let s = 0; s < visible; s++) placed[(ids[s] as number) - 1] = 1;
  for (const [a, b] of org.dotted) {
    if (!placed[a] || !placed[b]) continue;
    connectors.push({ points: [(px[a] as number) + CARD_W, (py[a] as number) + CARD_H / 2, px[b] as number, (py[b] as number) + CARD_H / 2], dotted: true });
  }
  let maxX = 0, maxY = 0;
  for (let s = 0; s < visible; s++) {
    maxX = Math.max(maxX, (xs[s] as number) + CARD_W);
    maxY = Math.max(maxY, (ys[s] as number) + CARD_H);
  }
  const ws = new Float64Array(visible).fill(CARD_W), hs = new Float64Array(visible).fill(CARD_H);
  return { ids, x: xs, y: ys, w: ws, h: hs, connectors, bounds: { x: 0, y: 0, w: maxX, h: maxY } };
}

/** Content by id (= index + 1), with collapsed counts filled in for collapsed managers. */
export function orgContent(org: SyntheticOrg): CardContentProvider {
  const kids = childrenOf(org.parent);
  const counts = new Map<number, number>();
  for (const c of org.collapsed) {
    let total = 0;
    const st = [...(kids[c] as number[])];
    while (st.length) { const k = st.pop() as number; total++; st.push(...(kids[k] as number[])); }
    counts.set(c, total);
  }
  // Resolved once, not per lookup: the renderer asks for every visible card on every frame.
  const resolved = org.people.map((p, i) => (counts.has(i) ? { ...p, collapsedCount: counts.get(i) as number } : p));
  return { get: (id: number) => resolved[id - 1] };
}

export function syntheticScene(n: number, opts: SyntheticOptions = {}): { org: SyntheticOrg; scene: ChartScene; content: CardContentProvider } {
  const org = generateOrg(n, opts);
  return { org, scene: layoutOrg(org), content: orgContent(org) };
}
