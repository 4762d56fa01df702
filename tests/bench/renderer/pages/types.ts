// Contract between run.mjs, the bench pages and a scene module (selected with --scene).
import type { CardContentProvider, ChartScene } from "../../../../ui/src/canvas/scene";

export interface BenchScene {
  scene: ChartScene;
  content: CardContentProvider;
  /** [sourceId, targetId] per connector, for libraries that draw edges between nodes (React Flow). */
  edges: [number, number][];
  /** Edges from this index on are dotted lines. */
  dottedFrom: number;
}

export interface BenchOptions {
  cards: number;
  frames: number;
  warmup: number;
  zoom: number;
  /** Screen px per frame. */
  panX: number;
  panY: number;
  width: number;
  height: number;
}

export interface BenchResult {
  /** rAF-to-rAF interval per measured frame: the whole frame incl. style, layout, paint (ms). */
  frame: number[];
  /** Synchronous work per frame: camera update + draw/render, with a forced flush (ms). */
  work: number[];
  visibleCards: number;
  domNodes: number;
  setupMs: number;
}
