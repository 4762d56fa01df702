// Pure culling: which cards and connectors intersect the viewport. Kept apart from drawing so tests can check the exact set.
import { visibleWorldRect, type Camera, type Viewport } from "./camera";
import type { GridIndex } from "./spatialIndex";

export interface CullResult {
  /** Card indices, ascending (draw order). Views into reused buffers: valid until the next cull. */
  cards: Uint32Array;
  connectors: Uint32Array;
}

export interface CullBuffers {
  cards: Uint32Array;
  connectors: Uint32Array;
}

export function makeCullBuffers(cards: GridIndex, connectors: GridIndex): CullBuffers {
  return { cards: new Uint32Array(cards.count), connectors: new Uint32Array(connectors.count) };
}

/**
 * Everything touching the viewport grown by `marginPx` CSS px. The margin covers stroke widths and
 * selection outlines drawn outside a card's rectangle, so nothing pops at the screen edge.
 */
export function cullScene(
  cards: GridIndex,
  connectors: GridIndex,
  cam: Camera,
  vp: Viewport,
  marginPx = 4,
  bufs: CullBuffers = makeCullBuffers(cards, connectors),
): CullResult {
  const r = visibleWorldRect(cam, vp);
  const m = marginPx / cam.zoom;
  return {
    cards: cards.queryRect(r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m, bufs.cards),
    connectors: connectors.queryRect(r.x - m, r.y - m, r.w + 2 * m, r.h + 2 * m, bufs.connectors),
  };
}
