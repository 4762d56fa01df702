// The sheet bench page: a synthetic 100k-person sheet table (as the core sends it, JSON), opened into the real
// grid (ui/src/sheet/SheetGrid) and scrolled; sorts and filters timed over the same table.
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import type { SheetColumn, SheetTable } from "../../../ui/src/bindings";
import { SheetData, leadingNumber, type Filter, type SortKey } from "../../../ui/src/sheet/sheetModel";
import { SheetGrid } from "../../../ui/src/sheet/SheetGrid";
import "../../../ui/src/sheet/sheet.css";

interface Opts { rows: number; frames: number; warmup: number; step: number }

declare global {
  interface Window { runBench(o: Opts): Promise<unknown> }
}

const FIRST = ["Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Edsger", "Frances", "Ken", "Radia", "Tim", "Sophie"];
const LAST = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Dijkstra", "Allen", "Thompson", "Perlman"];
const CITIES = ["Berlin", "London", "Lisbon", "Toronto", "New York", "Amsterdam", "Remote"];
const TITLES = ["Engineer", "Senior Engineer", "Staff Engineer", "Product Designer", "Product Manager", "Engineering Manager", "Data Scientist"];
const DISC = ["engineering", "design", "product-management", "engineering-management", "data"];

/** Codes a column from cell texts as crates/api/src/sheet.rs does: distinct values in sort order after "". */
function column(key: string, kind: SheetColumn["kind"], cells: string[], choices: string[] = []): SheetColumn {
  const distinct = [...new Set(cells)].filter((c) => c !== "");
  const num = (s: string) => { const n = leadingNumber(s); return Number.isNaN(n) ? Infinity : n; };
  distinct.sort(kind === "number" ? (a, b) => num(a) - num(b) || (a < b ? -1 : 1) : (a, b) => {
    const x = a.toLowerCase(), y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
  });
  const values = ["", ...distinct];
  const code = new Map(values.map((v, i) => [v, i]));
  return { key, label: key, kind, choices, values, codes: cells.map((c) => code.get(c)!) };
}

function table(n: number): SheetTable {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const name = ids.map((i) => `${FIRST[i % 12]} ${LAST[(i * 7) % 10]} ${i}`);
  const pick = <T,>(xs: T[], i: number, k: number) => xs[(i * k + (i >> 3)) % xs.length]!;
  return {
    mode: "people",
    ids,
    columns: [
      column("name", "text", name),
      column("title", "text", ids.map((i) => pick(TITLES, i, 3))),
      column("discipline", "choice", ids.map((i) => pick(DISC, i, 5)), DISC),
      column("level", "text", ids.map((i) => `L${(i % 6) + 2}`)),
      column("manager", "person", ids.map((i) => (i === 1 ? "" : name[Math.floor((i - 2) / 8)]!))),
      column("dotted", "persons", ids.map((i) => (i % 20 === 0 ? name[i % 50]! : ""))),
      column("teams", "teams", ids.map((i) => `Team ${Math.floor(i / 8)} ${i % 10 === 0 ? 50 : 100}%`)),
      column("location", "text", ids.map((i) => pick(CITIES, i, 11))),
      column("email", "text", ids.map((i) => `person${i}@example.com`)),
      column("employee_id", "text", ids.map((i) => `E${100000 + i}`)),
      column("employment", "choice", ids.map((i) => (i % 9 === 0 ? "contractor" : "employee")), ["employee", "contractor"]),
      column("status", "choice", ids.map((i) => (i % 25 === 0 ? "open-position" : "active")), ["active", "open-position", "planned-hire", "leaving"]),
      column("hiring_stage", "choice", ids.map(() => ""), []),
      column("start_date", "date", ids.map((i) => `20${10 + (i % 16)}-${String((i % 12) + 1).padStart(2, "0")}-01`)),
      column("end_date", "date", ids.map(() => "")),
      column("target_start", "text", ids.map(() => "")),
      column("cost", "number", ids.map((i) => `${80000 + (i % 97) * 1000} EUR`)),
    ],
  };
}

const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
const r2 = (x: number) => Math.round(x * 100) / 100;
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

window.runBench = async (o: Opts) => {
  const json = JSON.stringify(table(o.rows));
  const mount = document.getElementById("root")!;
  await nextFrame();

  // Open: decode the command's answer, index it, render the grid, and paint its first frame.
  const t0 = performance.now();
  const data = new SheetData(JSON.parse(json) as SheetTable);
  const rows = data.view([], []);
  const root = createRoot(mount);
  flushSync(() => root.render(
    <SheetGrid data={data} rows={rows} sort={[]} onSort={() => {}} onCommit={async () => true} onSelected={() => {}}
      persons={[]} units={[]} editable={() => true} />,
  ));
  const rendered = performance.now() - t0;
  await nextFrame();
  const painted = performance.now() - t0;
  const domRows = mount.querySelectorAll("[role=row]").length;

  // Scroll: the scroller moves `step` px a frame; each frame re-renders the rows in view.
  const scroller = mount.querySelector<HTMLDivElement>(".sheet-scroll")!;
  const frame: number[] = [];
  let last = await nextFrame();
  for (let i = -o.warmup; i < o.frames; i++) {
    scroller.scrollTop += o.step;
    const now = await nextFrame();
    if (i >= 0) frame.push(now - last);
    last = now;
  }
  const scrolledTo = scroller.scrollTop;

  // Sort and filter over the same table (fresh ranks for each column's first sort).
  const time = (f: () => unknown) => { const t = performance.now(); f(); return performance.now() - t; };
  const fresh = () => new SheetData(JSON.parse(json) as SheetTable);
  const sorts: Record<string, number> = {};
  for (const [label, sort, filters] of [
    ["sort by name (first: checks the rank order)", [{ key: "name", desc: false }], []],
    ["sort by location then name desc", [{ key: "location", desc: false }, { key: "name", desc: true }], []],
    ["sort by cost (number)", [{ key: "cost", desc: true }], []],
    ["filter location is Berlin and start ≥ 2020", [], [{ key: "location", op: "is", value: "berlin" }, { key: "start_date", op: "ge", value: "2020-01-01" }]],
    ["filter name contains 'ada' + sort by level", [{ key: "level", desc: false }], [{ key: "name", op: "contains", value: "ada" }]],
  ] as [string, SortKey[], Filter[]][]) {
    const d = fresh();
    sorts[label] = r2(time(() => d.view(sort, filters)));
  }
  const warm = fresh();
  warm.view([{ key: "name", desc: false }], []);
  sorts["sort by name again (ranks kept)"] = r2(time(() => warm.view([{ key: "name", desc: true }], [])));

  return {
    rows: o.rows, json_mb: r2(json.length / 1e6),
    open_rendered_ms: r2(rendered), open_painted_ms: r2(painted), dom_rows: domRows,
    scroll_px_per_frame: o.step, scrolled_to_row: Math.round(scrolledTo / 26),
    scroll_frame_p50_ms: r2(q(frame, 0.5)), scroll_frame_p95_ms: r2(q(frame, 0.95)), scroll_frame_max_ms: r2(Math.max(...frame)),
    sort_filter_ms: sorts,
  };
};
