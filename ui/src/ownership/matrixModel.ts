// Matrix (areas x teams) state as plain data: row and column order, the focused cell and the virtual window.
import type { OwnershipScene } from "./sceneTypes";

/** Rows: the tree as drawn, alphabetical, or grouped by the owning team's name (unowned first). */
export type RowSort = "tree" | "name" | "owner";
/** Columns: by team name or by cognitive load, heaviest first. */
export type ColumnSort = "name" | "load";

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Scene area rows in matrix order; `rows` is the subset to show (the filter), in scene order. */
export function sortRows(scene: OwnershipScene, rows: readonly number[], by: RowSort): number[] {
  const out = [...rows];
  const name = (i: number) => scene.area_content[i]?.name ?? "";
  if (by === "name") out.sort((a, b) => collator.compare(name(a), name(b)) || a - b);
  else if (by === "owner") {
    const teamName = new Map(scene.teams.map((id, k) => [id, scene.team_content[k]?.name ?? ""]));
    const owner = (i: number) => {
      const o = scene.area_content[i]?.owner;
      return o === null || o === undefined ? null : (teamName.get(o) ?? "");
    };
    out.sort((a, b) => {
      const oa = owner(a), ob = owner(b);
      if (oa === null || ob === null) return oa === ob ? a - b : oa === null ? -1 : 1;
      return collator.compare(oa, ob) || collator.compare(name(a), name(b)) || a - b;
    });
  }
  return out;
}

/** Scene team indices in matrix order. */
export function sortColumns(scene: OwnershipScene, by: ColumnSort): number[] {
  const cols = scene.teams.map((_, k) => k);
  const t = scene.team_content;
  if (by === "name") cols.sort((a, b) => collator.compare(t[a]?.name ?? "", t[b]?.name ?? "") || a - b);
  else cols.sort((a, b) => (t[b]?.load ?? 0) - (t[a]?.load ?? 0) || collator.compare(t[a]?.name ?? "", t[b]?.name ?? "") || a - b);
  return cols;
}

/** Focused cell as positions in the matrix order (not scene indices), so sorting keeps the focus on screen. */
export interface Focus {
  row: number;
  col: number;
}

/**
 * The focused cell after a key, or null when the key is not a grid movement. Follows the ARIA grid pattern:
 * arrows move one cell, Home/End go to the row's first/last cell (with Ctrl, the grid's), PageUp/PageDown
 * move a page of rows. Always clamped into the grid.
 */
export function moveFocus(f: Focus, key: string, ctrl: boolean, rows: number, cols: number, pageRows: number): Focus | null {
  if (rows === 0 || cols === 0) return null;
  let { row, col } = f;
  switch (key) {
    case "ArrowUp": row--; break;
    case "ArrowDown": row++; break;
    case "ArrowLeft": col--; break;
    case "ArrowRight": col++; break;
    case "Home": col = 0; if (ctrl) row = 0; break;
    case "End": col = cols - 1; if (ctrl) row = rows - 1; break;
    case "PageUp": row -= Math.max(1, pageRows); break;
    case "PageDown": row += Math.max(1, pageRows); break;
    default: return null;
  }
  return clampFocus({ row, col }, rows, cols);
}

export function clampFocus(f: Focus, rows: number, cols: number): Focus {
  return { row: Math.max(0, Math.min(rows - 1, f.row)), col: Math.max(0, Math.min(cols - 1, f.col)) };
}

export interface GridMetrics {
  rowHeight: number;
  colWidth: number;
  /** The sticky row of team names above the cells. */
  headerHeight: number;
  /** The sticky column of area names left of the cells. */
  headerWidth: number;
}

/** Half-open ranges of matrix rows and columns to render. */
export interface VirtualWindow {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

/** The cells under a scroll position, plus `overscan` on each side so fast scrolling shows no blank edge. */
export function virtualWindow(
  scrollTop: number, scrollLeft: number, viewW: number, viewH: number, rows: number, cols: number, m: GridMetrics, overscan = 3,
): VirtualWindow {
  const bodyH = Math.max(0, viewH - m.headerHeight), bodyW = Math.max(0, viewW - m.headerWidth);
  const r0 = Math.floor(Math.max(0, scrollTop) / m.rowHeight), r1 = Math.ceil((Math.max(0, scrollTop) + bodyH) / m.rowHeight);
  const c0 = Math.floor(Math.max(0, scrollLeft) / m.colWidth), c1 = Math.ceil((Math.max(0, scrollLeft) + bodyW) / m.colWidth);
  return {
    rowStart: Math.max(0, Math.min(rows, r0 - overscan)),
    rowEnd: Math.max(0, Math.min(rows, r1 + overscan)),
    colStart: Math.max(0, Math.min(cols, c0 - overscan)),
    colEnd: Math.max(0, Math.min(cols, c1 + overscan)),
  };
}

/** The scroll position that brings the focused cell fully into view, moving as little as possible. */
export function revealCell(f: Focus, scrollTop: number, scrollLeft: number, viewW: number, viewH: number, m: GridMetrics): { top: number; left: number } {
  const bodyH = Math.max(m.rowHeight, viewH - m.headerHeight), bodyW = Math.max(m.colWidth, viewW - m.headerWidth);
  const y0 = f.row * m.rowHeight, x0 = f.col * m.colWidth;
  let top = scrollTop, left = scrollLeft;
  if (y0 < top) top = y0;
  else if (y0 + m.rowHeight > top + bodyH) top = y0 + m.rowHeight - bodyH;
  if (x0 < left) left = x0;
  else if (x0 + m.colWidth > left + bodyW) left = x0 + m.colWidth - bodyW;
  return { top, left };
}
