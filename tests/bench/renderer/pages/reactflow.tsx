// Bench page (b): the same scene in React Flow (@xyflow/react) with custom nodes and edges, panned via setViewport.
import { memo, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./reactflow.css";
import { createBenchScene } from "bench-scene";
import { benchStart, panOffset, runFrames } from "./harness";
import type { BenchOptions, BenchResult } from "./types";

interface PersonData extends Record<string, unknown> {
  name: string;
  title: string;
  open: boolean;
  collapsed: number;
  colours: string[];
}

/** Same content as a full-detail canvas card: accent bar, name, title, team chips, Open tag, +N badge. */
const PersonNode = memo(function PersonNode({ data }: NodeProps<Node<PersonData>>) {
  return (
    <div className={data.open ? "person open" : "person"}>
      <div className="accent" style={{ background: data.colours[0] ?? "transparent" }} />
      <div className="name">{data.name}</div>
      <div className="title">{data.title}</div>
      <div className="chips">{data.colours.map((c, k) => <span key={k} style={{ background: c }} />)}</div>
      {data.open && <span className="tag">Open</span>}
      {data.collapsed > 0 && <span className="badge">+{data.collapsed}</span>}
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
const nodeTypes = { person: PersonNode };

let instance: ReactFlowInstance | null = null;
function Capture() {
  const rf = useReactFlow();
  useEffect(() => { instance = rf; }, [rf]);
  return null;
}

const until = async (cond: () => boolean, timeoutMs: number) => {
  const end = performance.now() + timeoutMs;
  while (!cond() && performance.now() < end) await new Promise((r) => setTimeout(r, 100));
};

window.runBench = async (opts: BenchOptions): Promise<BenchResult> => {
  const t0 = performance.now();
  const { scene, content, edges: pairs, dottedFrom } = createBenchScene(opts.cards);
  const nodes: Node<PersonData>[] = [];
  for (let i = 0; i < scene.ids.length; i++) {
    const id = scene.ids[i] as number;
    const c = content.get(id);
    nodes.push({
      id: String(id), type: "person",
      position: { x: scene.x[i] as number, y: scene.y[i] as number },
      width: scene.w[i] as number, height: scene.h[i] as number,
      data: { name: c?.name ?? "", title: c?.title ?? "", open: c?.isOpenPosition ?? false, collapsed: c?.collapsedCount ?? 0, colours: c?.teamColours ?? [] },
    });
  }
  const edges: Edge[] = pairs.map(([s, t], k) => ({
    id: `e${k}`, source: String(s), target: String(t), type: "smoothstep",
    ...(k >= dottedFrom ? { style: { strokeDasharray: "4 4" } } : {}),
  }));
  const start = benchStart(scene, opts);
  const host = document.createElement("div");
  host.style.cssText = `position:fixed;left:0;top:0;width:${opts.width}px;height:${opts.height}px`;
  document.body.appendChild(host);
  const culled = new URLSearchParams(location.search).has("culled");
  createRoot(host).render(
    <ReactFlowProvider>
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes}
        defaultViewport={{ x: -start.x * opts.zoom, y: -start.y * opts.zoom, zoom: opts.zoom }}
        minZoom={0.001} maxZoom={4} onlyRenderVisibleElements={culled} proOptions={{ hideAttribution: true }}
      />
      <Capture />
    </ReactFlowProvider>,
  );
  // Edges appear only after React Flow has measured the nodes' handles; wait for that to settle.
  let last = -1;
  await until(() => {
    const n = document.querySelectorAll(".react-flow__edge").length;
    const stable = n > 0 && n === last;
    last = n;
    return stable && instance !== null;
  }, 120_000);
  const setupMs = performance.now() - t0;
  const rf = instance as ReactFlowInstance;
  const pane = host.querySelector(".react-flow__viewport") as HTMLElement;
  const res = await runFrames(
    opts,
    (i) => {
      const o = panOffset(opts, i);
      const x = start.x + o.dx / opts.zoom, y = start.y + o.dy / opts.zoom;
      flushSync(() => { void rf.setViewport({ x: -x * opts.zoom, y: -y * opts.zoom, zoom: opts.zoom }); });
    },
    // Reading layout forces style recalculation and layout now; paint still happens after the callback.
    () => { pane.getBoundingClientRect(); document.body.offsetHeight; },
  );
  return { ...res, visibleCards: document.querySelectorAll(".react-flow__node").length, domNodes: document.getElementsByTagName("*").length, setupMs };
};
