// Where the sheet's cursor goes and what is selected, as plain functions: arrows and Tab move, Shift extends a block
// from its anchor, Ctrl/Cmd-click adds single rows. Rows here are positions in the sorted, filtered view.

export interface Cell {
  row: number;
  col: number;
}

export interface GridSelection {
  /** Where the block started (Shift+arrows and Shift-click keep it). */
  anchor: Cell;
  /** The active cell. */
  cursor: Cell;
  /** Rows added one by one with Ctrl/Cmd-click, by row id (they survive a resort). */
  extra: ReadonlySet<number>;
  /** False after a Ctrl/Cmd-click: the cursor only marks where the keys act, the extra rows are the selection. */
  blockSelects?: boolean;
}

export const START: GridSelection = { anchor: { row: 0, col: 0 }, cursor: { row: 0, col: 0 }, extra: new Set() };

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Moves the cursor by (dr, dc) in a rows×cols grid; with `extend` the anchor stays, else it follows. */
export function move(sel: GridSelection, dr: number, dc: number, rows: number, cols: number, extend: boolean): GridSelection {
  const cursor = { row: clamp(sel.cursor.row + dr, 0, Math.max(0, rows - 1)), col: clamp(sel.cursor.col + dc, 0, Math.max(0, cols - 1)) };
  return extend ? { anchor: sel.anchor, cursor, extra: sel.extra } : { anchor: cursor, cursor, extra: new Set() };
}

/**
 * Puts the cursor on a cell (a click): Shift extends the block, Ctrl/Cmd toggles the row, keeping what was selected
 * (`selected`: the ids selected before the click, which become extra rows).
 */
export function clickCell(sel: GridSelection, at: Cell, id: number, how: { shift: boolean; toggle: boolean }, selected: readonly number[] = []): GridSelection {
  if (how.shift) return { anchor: sel.anchor, cursor: at, extra: sel.extra };
  if (how.toggle) {
    const extra = new Set(selected);
    if (extra.has(id)) extra.delete(id); else extra.add(id);
    // The cursor's own cell is no block: it would select the clicked row again after a toggle-off.
    return { anchor: at, cursor: at, extra, blockSelects: false };
  }
  return { anchor: at, cursor: at, extra: new Set() };
}

/** The block between anchor and cursor. */
export function block(sel: GridSelection): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.min(sel.anchor.row, sel.cursor.row),
    bottom: Math.max(sel.anchor.row, sel.cursor.row),
    left: Math.min(sel.anchor.col, sel.cursor.col),
    right: Math.max(sel.anchor.col, sel.cursor.col),
  };
}

/** The ids of the selected rows: the block's rows and the Ctrl/Cmd-clicked ones, in view order then click order. */
export function selectedIds(sel: GridSelection, idAt: (row: number) => number | undefined): number[] {
  const { top, bottom } = block(sel);
  const out: number[] = [];
  const seen = new Set<number>();
  if (sel.blockSelects !== false) for (let r = top; r <= bottom; r++) {
    const id = idAt(r);
    if (id !== undefined && !seen.has(id)) { seen.add(id); out.push(id); }
  }
  for (const id of sel.extra) if (!seen.has(id)) { seen.add(id); out.push(id); }
  return out;
}

/** Whether a row is selected, for drawing it. */
export function isRowSelected(sel: GridSelection, row: number, id: number): boolean {
  const { top, bottom } = block(sel);
  return (sel.blockSelects !== false && row >= top && row <= bottom) || sel.extra.has(id);
}

/** Fill down: the block's top row copied into every row below it, per column; empty when the block is one row. */
export function fillDown(sel: GridSelection, text: (row: number, col: number) => string): { row: number; col: number; text: string }[] {
  const b = block(sel);
  const out: { row: number; col: number; text: string }[] = [];
  for (let c = b.left; c <= b.right; c++) {
    const top = text(b.top, c);
    for (let r = b.top + 1; r <= b.bottom; r++) out.push({ row: r, col: c, text: top });
  }
  return out;
}

/**
 * The columns a row draws cells for, [first, end): those the view from `left` to `left + width` shows (`starts[c]` is
 * where column c starts, the last entry the grid's width), and `overscan` more each side.
 */
export function columnsInView(starts: readonly number[], left: number, width: number, overscan: number): { first: number; end: number } {
  const n = starts.length - 1;
  let first = 0;
  while (first + 1 < n && starts[first + 1]! <= left) first++;
  let end = first;
  while (end < n && starts[end]! < left + width) end++;
  return { first: Math.max(0, first - overscan), end: Math.min(n, end + overscan) };
}
