// Uniform grid over rectangles for culling and hit-testing: query cost follows the visible area, not the card count.
import type { NumberColumn, Rect } from "./scene";

export interface RectColumns {
  x: NumberColumn;
  y: NumberColumn;
  w: NumberColumn;
  h: NumberColumn;
}

export interface GridOptions {
  /** World units per cell; by default about two average items, so a query touches few items per cell. */
  cellSize?: number;
}

/**
 * Items are stored per cell in one flat array (CSR layout) so 100k cards cost two typed arrays, not 100k objects.
 * An item spanning several cells is stored in each; queries report it only from the first cell both it and the
 * query cover, which de-duplicates without per-query scratch state.
 */
export class GridIndex {
  readonly count: number;
  readonly bounds: Rect;
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  private readonly rx: NumberColumn;
  private readonly ry: NumberColumn;
  private readonly rw: NumberColumn;
  private readonly rh: NumberColumn;
  private readonly cellStart: Uint32Array;
  private readonly cellItems: Uint32Array;
  private readonly mark: Uint8Array;

  constructor(rects: RectColumns, count = rects.x.length, opts: GridOptions = {}) {
    this.count = count;
    this.rx = rects.x; this.ry = rects.y; this.rw = rects.w; this.rh = rects.h;
    this.bounds = boundsOf(rects, count);
    this.cellSize = chooseCellSize(rects, count, this.bounds, opts.cellSize);
    this.cols = Math.max(1, Math.ceil(this.bounds.w / this.cellSize) || 1);
    this.rows = Math.max(1, Math.ceil(this.bounds.h / this.cellSize) || 1);
    this.mark = new Uint8Array(count);

    const cells = this.cols * this.rows;
    const start = new Uint32Array(cells + 1);
    for (let i = 0; i < count; i++) {
      if (!this.valid(i)) continue;
      const [c0, r0, c1, r1] = this.cellSpan(this.rx[i] as number, this.ry[i] as number, this.rw[i] as number, this.rh[i] as number);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) (start[r * this.cols + c + 1] as number)++;
    }
    for (let c = 0; c < cells; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
    const items = new Uint32Array(start[cells] as number);
    const fill = start.slice(0, cells);
    for (let i = 0; i < count; i++) {
      if (!this.valid(i)) continue;
      const [c0, r0, c1, r1] = this.cellSpan(this.rx[i] as number, this.ry[i] as number, this.rw[i] as number, this.rh[i] as number);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const cell = r * this.cols + c;
          items[fill[cell] as number] = i;
          fill[cell] = (fill[cell] as number) + 1;
        }
      }
    }
    this.cellStart = start;
    this.cellItems = items;
  }

  /**
   * Indices of items whose rectangle touches the closed query rectangle, ascending (= draw order).
   * Returns a view into `out`; pass a reused buffer of length >= count to avoid per-frame allocation.
   */
  queryRect(qx: number, qy: number, qw: number, qh: number, out: Uint32Array = new Uint32Array(this.count)): Uint32Array {
    if (this.count === 0 || !(qw >= 0 && qh >= 0)) return out.subarray(0, 0);
    const b = this.bounds;
    const qx1 = qx + qw, qy1 = qy + qh;
    if (qx1 < b.x || qy1 < b.y || qx > b.x + b.w || qy > b.y + b.h) return out.subarray(0, 0);
    const [c0, r0, c1, r1] = this.cellSpan(qx, qy, qw, qh);
    let n = 0;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        const end = this.cellStart[cell + 1] as number;
        for (let k = this.cellStart[cell] as number; k < end; k++) {
          const i = this.cellItems[k] as number;
          const x = this.rx[i] as number, y = this.ry[i] as number, w = this.rw[i] as number, h = this.rh[i] as number;
          if (x > qx1 || y > qy1 || x + w < qx || y + h < qy) continue;
          // Report a multi-cell item only from the first cell shared by item and query.
          const ic0 = this.col(x), ir0 = this.row(y);
          if (c !== (ic0 > c0 ? ic0 : c0) || r !== (ir0 > r0 ? ir0 : r0)) continue;
          out[n++] = i;
        }
      }
    }
    return this.sortAscending(out, n);
  }

  /** All items containing the point (edges included), ascending. */
  queryPoint(px: number, py: number): number[] {
    const hits: number[] = [];
    this.forEachAtPoint(px, py, (i) => { hits.push(i); });
    return hits.sort((a, b) => a - b);
  }

  /** Topmost item at the point, i.e. the highest index (drawn last), or -1. `skip` ignores one item (a dragged card). */
  hitTest(px: number, py: number, skip = -1): number {
    let best = -1;
    this.forEachAtPoint(px, py, (i) => { if (i !== skip && i > best) best = i; });
    return best;
  }

  /** Items per cell, for the minimap's density view when cards are smaller than a pixel. */
  cellOccupancy(): Uint32Array {
    const cells = this.cols * this.rows;
    const occ = new Uint32Array(cells);
    for (let c = 0; c < cells; c++) occ[c] = (this.cellStart[c + 1] as number) - (this.cellStart[c] as number);
    return occ;
  }

  private forEachAtPoint(px: number, py: number, fn: (i: number) => void): void {
    const b = this.bounds;
    if (this.count === 0 || !(px >= b.x && py >= b.y && px <= b.x + b.w && py <= b.y + b.h)) return;
    const cell = this.row(py) * this.cols + this.col(px);
    const end = this.cellStart[cell + 1] as number;
    for (let k = this.cellStart[cell] as number; k < end; k++) {
      const i = this.cellItems[k] as number;
      const x = this.rx[i] as number, y = this.ry[i] as number;
      if (px >= x && py >= y && px <= x + (this.rw[i] as number) && py <= y + (this.rh[i] as number)) fn(i);
    }
  }

  /** Small results sort fast; large ones (zoomed out) are cheaper as a mark-and-scan over all items. */
  private sortAscending(out: Uint32Array, n: number): Uint32Array {
    const res = out.subarray(0, n);
    if (n < 2) return res;
    if (n * 8 < this.count) return res.sort();
    const mark = this.mark;
    for (let k = 0; k < n; k++) mark[res[k] as number] = 1;
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      if (mark[i]) { mark[i] = 0; res[j++] = i; }
    }
    return res;
  }

  private valid(i: number): boolean {
    const x = this.rx[i], y = this.ry[i], w = this.rw[i], h = this.rh[i];
    return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(w) && Number.isFinite(h) && (w as number) >= 0 && (h as number) >= 0;
  }

  private col(x: number): number {
    const c = Math.floor((x - this.bounds.x) / this.cellSize);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor((y - this.bounds.y) / this.cellSize);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  private cellSpan(x: number, y: number, w: number, h: number): [number, number, number, number] {
    return [this.col(x), this.row(y), this.col(x + w), this.row(y + h)];
  }
}

function boundsOf(r: RectColumns, count: number): Rect {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = r.x[i] as number, y = r.y[i] as number, w = r.w[i] as number, h = r.h[i] as number;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(w) && Number.isFinite(h))) continue;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x + w > maxX) maxX = x + w;
    if (y + h > maxY) maxY = y + h;
  }
  return minX === Infinity ? { x: 0, y: 0, w: 0, h: 0 } : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Cells of ~2 average items, but never more than ~4 cells per item, so a sparse wide chart does not explode memory. */
function chooseCellSize(r: RectColumns, count: number, b: Rect, requested?: number): number {
  if (requested && requested > 0) return requested;
  if (count === 0) return 1;
  let sum = 0, n = 0;
  const step = Math.max(1, Math.floor(count / 1024));
  for (let i = 0; i < count; i += step) {
    const w = r.w[i] as number, h = r.h[i] as number;
    if (Number.isFinite(w) && Number.isFinite(h)) { sum += Math.max(w, h); n++; }
  }
  let size = n > 0 ? (2 * sum) / n : 1;
  const area = b.w * b.h;
  if (area > 0 && area / (size * size) > 4 * count) size = Math.sqrt(area / (4 * count));
  return size > 0 ? size : 1;
}
