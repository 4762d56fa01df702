import type { Stub } from "./dottedStubs";

// Scene types: the flat, array-of-columns shape the Rust layout hands over, and the per-card content lookup.

/** Numeric column; typed arrays avoid per-card objects when the scene crosses IPC at 100k cards. */
export type NumberColumn = Float64Array | Float32Array | number[];
export type IdColumn = Uint32Array | number[];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A polyline in world units (x0,y0,x1,y1,...). Dotted = a secondary (dotted-line) reporting relationship. */
export interface Connector {
  points: number[];
  dotted: boolean;
}

/** One laid-out chart. Card i is (ids[i], x[i], y[i], w[i], h[i]); index order is draw order (later on top). */
export interface ChartScene {
  ids: IdColumn;
  x: NumberColumn;
  y: NumberColumn;
  w: NumberColumn;
  h: NumberColumn;
  connectors: Connector[];
  bounds: Rect;
  /** Both ends of each distant dotted line (canvas/dottedStubs.ts); absent in scenes without any. */
  stubs?: readonly Stub[];
}

/** What a card shows. Kept out of the scene so text edits need no relayout. */
export interface CardContent {
  name: string;
  title: string;
  isOpenPosition: boolean;
  /** Number of hidden reports when the card is collapsed; 0 when expanded or a leaf. */
  collapsedCount: number;
  teamColours: string[];
  /** The custom fields shown on cards, as one line under the title (ui/src/fields/cardFields); absent: none. */
  fields?: string;
}

/** Looked up per visible card per frame, so it must be O(1) (a Map or an array by id). */
export interface CardContentProvider {
  get(id: number): CardContent | undefined;
}

export function cardCount(scene: ChartScene): number {
  return scene.ids.length;
}

/** Throws on ragged columns: a short column would otherwise read as undefined -> NaN and silently drop cards. */
export function assertSceneShape(scene: ChartScene): void {
  const n = scene.ids.length;
  for (const [name, col] of [["x", scene.x], ["y", scene.y], ["w", scene.w], ["h", scene.h]] as const) {
    if (col.length !== n) throw new Error(`scene.${name} has ${col.length} entries, ids has ${n}`);
  }
  for (let i = 0; i < scene.connectors.length; i++) {
    const pts = scene.connectors[i]?.points ?? [];
    if (pts.length < 4 || pts.length % 2 !== 0) throw new Error(`connector ${i} needs an even number (>=4) of coordinates`);
  }
}

/** id -> card index; selection and highlights arrive as ids, drawing needs indices. */
export function buildIdLookup(scene: ChartScene): Map<number, number> {
  const m = new Map<number, number>();
  const ids = scene.ids;
  for (let i = 0; i < ids.length; i++) m.set(ids[i] as number, i);
  return m;
}

export function cardRect(scene: ChartScene, i: number): Rect {
  return { x: scene.x[i] ?? 0, y: scene.y[i] ?? 0, w: scene.w[i] ?? 0, h: scene.h[i] ?? 0 };
}

/** Bounding boxes of connectors as columns, so they can share the card spatial index code. */
export function connectorBoxes(connectors: readonly Connector[]): { x: Float64Array; y: Float64Array; w: Float64Array; h: Float64Array } {
  const n = connectors.length;
  const x = new Float64Array(n), y = new Float64Array(n), w = new Float64Array(n), h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = (connectors[i] as Connector).points;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let k = 0; k + 1 < p.length; k += 2) {
      const px = p[k] as number, py = p[k + 1] as number;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    x[i] = minX; y[i] = minY; w[i] = maxX - minX; h[i] = maxY - minY;
  }
  return { x, y, w, h };
}

export const EMPTY_SCENE: ChartScene = {
  ids: [], x: [], y: [], w: [], h: [], connectors: [], bounds: { x: 0, y: 0, w: 0, h: 0 },
};
