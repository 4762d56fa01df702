// Browser-only demo around ChartView: synthetic org, drag-to-reassign with refusal rules, and name search.
import { useMemo, useState } from "react";
import { ChartView } from "../../chart/ChartView";
import { devApplyDrop, devCanDrop } from "./devEdits";
import { generateOrg, layoutOrg, orgContent, type SyntheticOrg } from "./syntheticScene";

/** `?n=50000&collapse=3` picks size and initial collapse depth, for trying scale by hand. */
function readParams(): { n: number; collapse: number | undefined } {
  const q = new URLSearchParams(window.location.search);
  const n = Number(q.get("n") ?? 10000);
  const c = q.get("collapse");
  return { n: Number.isFinite(n) && n > 0 ? Math.min(200_000, Math.floor(n)) : 10000, collapse: c === null ? undefined : Number(c) };
}

function searchOrg(org: SyntheticOrg, query: string): { hits: Set<number>; chain: Set<number> } {
  const hits = new Set<number>(), chain = new Set<number>();
  const q = query.trim().toLowerCase();
  if (q.length < 2) return { hits, chain };
  for (let i = 0; i < org.people.length && hits.size < 500; i++) {
    if (!org.people[i]?.name.toLowerCase().includes(q)) continue;
    hits.add(i + 1);
    for (let p = org.parent[i] as number; p >= 0 && !chain.has(p + 1); p = org.parent[p] as number) chain.add(p + 1);
  }
  return { hits, chain };
}

export function DevChart() {
  const params = useMemo(readParams, []);
  const [org, setOrg] = useState(() => generateOrg(params.n, params.collapse === undefined ? {} : { collapseDepth: params.collapse }));
  const scene = useMemo(() => layoutOrg(org), [org]);
  const content = useMemo(() => orgContent(org), [org]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [query, setQuery] = useState("");
  const search = useMemo(() => searchOrg(org, query), [org, query]);
  const [status, setStatus] = useState("Drag a card onto another to change its manager; hold Shift for a dotted line; Esc cancels.");

  const name = (id: number) => org.people[id - 1]?.name ?? `#${id}`;
  return (
    <main className="app">
      <header className="toolbar">
        <strong>Topograph</strong>
        <span className="muted">dev · {scene.ids.length.toLocaleString()} cards</span>
        <input type="search" placeholder="Search names" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search people" />
        {query.trim().length >= 2 && <span className="muted">{search.hits.size} found</span>}
        <span className="status">{status}</span>
      </header>
      <ChartView
        scene={scene}
        content={content}
        selected={selected}
        searchHits={search.hits}
        searchChain={search.chain}
        onSelect={(id) => {
          setSelected(id === null ? new Set() : new Set([id]));
          if (id !== null) setStatus(`Selected ${name(id)}`);
        }}
        canDrop={(d, t) => devCanDrop(org, d, t)}
        onDrop={(d, t, { shift }) => {
          setOrg((o) => devApplyDrop(o, d, t, shift));
          setStatus(shift ? `Dotted line: ${name(d)} → ${name(t)}` : `${name(d)} now reports to ${name(t)}`);
        }}
      />
    </main>
  );
}
