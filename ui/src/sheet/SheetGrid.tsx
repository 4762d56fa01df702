// The virtualised grid: only the rows in view are in the DOM (an ARIA grid with aria-rowcount/aria-rowindex, the
// active cell named by aria-activedescendant), the keys a spreadsheet user expects (arrows, Tab, Enter or typing to
// edit, Escape, Shift to extend, Ctrl/Cmd+C/V/D), and an editor with type-ahead for people, teams and choices.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from "react";
import type { Person, SheetColumn, Unit } from "../bindings";
import type { SheetData, SortKey } from "./sheetModel";
import type { CellEdit } from "./sheetOps";
import { formatBlock, parseBlock, pasteEdits } from "./sheetOps";
import { START, block, clickCell, columnsInView, fillDown, isRowSelected, move, selectedIds, type GridSelection } from "./gridNav";
import { CellEditor } from "./CellEditor";
import { nextSort } from "./sortKeys";

export const ROW_HEIGHT = 26;
const OVERSCAN = 6;
/** Columns drawn beyond each side of the view, so a small sideways scroll finds its cells ready. */
const COLUMN_OVERSCAN = 1;
const WIDTHS: Record<string, number> = { name: 180, title: 190, manager: 160, dotted: 170, teams: 210, email: 210, mission: 260 };
export const widthOf = (key: string) => WIDTHS[key] ?? 120;

export interface SheetGridProps {
  data: SheetData;
  rows: Uint32Array;
  sort: readonly SortKey[];
  onSort(sort: SortKey[]): void;
  onCommit(edits: readonly CellEdit[], label: string): Promise<boolean>;
  onSelected(ids: number[]): void;
  persons: readonly Person[];
  units: readonly Unit[];
  editable(key: string): boolean;
  onDelete?: (ids: number[]) => void;
}

interface Editing {
  row: number;
  col: number;
  text: string;
  typing: boolean;
}

export function SheetGrid(props: SheetGridProps) {
  const { data, rows } = props;
  const columns = data.table.columns;
  const keys = useMemo(() => columns.map((c) => c.key), [columns]);
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const sink = useRef<HTMLTextAreaElement>(null);
  const [top, setTop] = useState(0);
  const [left, setLeft] = useState(0);
  const [height, setHeight] = useState(600);
  const [width, setWidth] = useState(1280);
  const [sel, setSel] = useState<GridSelection>(START);
  const [editing, setEditing] = useState<Editing | null>(null);

  const idAt = (r: number): number | undefined => (r >= 0 && r < rows.length ? data.table.ids[rows[r]!] : undefined);
  const textAt = (r: number, c: number): string => (r < rows.length ? data.text(rows[r]!, keys[c]!) : "");

  // The selection is kept by position; a new order or filter puts the cursor back inside the rows.
  useEffect(() => {
    setSel((s) => (s.cursor.row < rows.length ? s : START));
  }, [rows]);
  const selected = useMemo(() => selectedIds(sel, idAt), [sel, rows, data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => props.onSelected(selected), [selected]); // eslint-disable-line react-hooks/exhaustive-deps

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => { setHeight(el.clientHeight); setWidth(el.clientWidth); };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Where each column starts; the last entry is the grid's width.
  const starts = useMemo(() => {
    const at = [0];
    for (const c of columns) at.push(at[at.length - 1]! + widthOf(c.key));
    return at;
  }, [columns]);
  const totalWidth = starts[starts.length - 1]!;

  // Keeps the cursor's cell in view as the keys move it.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const y = sel.cursor.row * ROW_HEIGHT;
    const body = el.clientHeight - ROW_HEIGHT;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW_HEIGHT > el.scrollTop + body) el.scrollTop = y + ROW_HEIGHT - body;
    const x0 = starts[sel.cursor.col] ?? 0, x1 = starts[sel.cursor.col + 1] ?? x0;
    if (x0 < el.scrollLeft) el.scrollLeft = x0;
    else if (x1 > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.min(x0, x1 - el.clientWidth);
  }, [sel.cursor.row, sel.cursor.col, starts]);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  // Only the columns in view have cells (a row scrolling in then lays out half as many): the columns the view's
  // left and right edges fall in, and one more each side.
  const { first: colFirst, end: colEnd } = columnsInView(starts, left, width, COLUMN_OVERSCAN);
  const cellId = (r: number, c: number) => `sheet-cell-${r}-${c}`;

  const focusGrid = () => grid.current?.focus({ preventScroll: true });

  const startEdit = (text?: string) => {
    const { row, col } = sel.cursor;
    if (row >= rows.length || !props.editable(keys[col]!)) return;
    setEditing({ row, col, text: text ?? textAt(row, col), typing: text !== undefined });
  };

  const finishEdit = async (text: string | null, then: "down" | "right" | "left" | "stay") => {
    const e = editing;
    setEditing(null);
    focusGrid();
    if (!e) return;
    if (text !== null && text !== textAt(e.row, e.col)) {
      const id = idAt(e.row);
      if (id !== undefined) await props.onCommit([{ id, key: keys[e.col]!, text }], `Edit ${columns[e.col]!.label.toLowerCase()}`);
    }
    if (then === "down") setSel((s) => move(s, 1, 0, rows.length, keys.length, false));
    else if (then === "right") setSel((s) => move(s, 0, 1, rows.length, keys.length, false));
    else if (then === "left") setSel((s) => move(s, 0, -1, rows.length, keys.length, false));
  };

  const blockText = (): string => {
    const b = block(sel);
    const out: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: string[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(textAt(r, c));
      out.push(line);
    }
    return formatBlock(out);
  };

  const paste = (text: string) => {
    const b = block(sel);
    const parsed = parseBlock(text);
    const edits = pasteEdits(parsed, { row: b.top, col: b.left }, idAt, rows.length, keys, b.bottom - b.top + 1)
      .filter((e) => props.editable(e.key));
    void props.onCommit(edits, `Paste ${edits.length} cells`);
  };

  const clearBlock = () => {
    const b = block(sel);
    const edits: CellEdit[] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const id = idAt(r);
      if (id === undefined) continue;
      for (let c = b.left; c <= b.right; c++) if (props.editable(keys[c]!) && CLEARABLE(keys[c]!)) edits.push({ id, key: keys[c]!, text: "" });
    }
    void props.onCommit(edits, `Clear ${edits.length} cells`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const mod = e.ctrlKey || e.metaKey;
    const n = rows.length, m = keys.length;
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const go = (dr: number, dc: number, extend = e.shiftKey) => { e.preventDefault(); setSel((s) => move(s, dr, dc, n, m, extend)); };
    switch (e.key) {
      case "ArrowDown": return go(mod ? n : 1, 0);
      case "ArrowUp": return go(mod ? -n : -1, 0);
      case "ArrowRight": return go(0, mod ? m : 1);
      case "ArrowLeft": return go(0, mod ? -m : -1);
      case "PageDown": return go(page, 0);
      case "PageUp": return go(-page, 0);
      case "Home": return go(mod ? -n : 0, -m);
      case "End": return go(mod ? n : 0, m);
      case "Tab": return go(0, e.shiftKey ? -1 : 1, false);
      case "Enter": case "F2": e.preventDefault(); return startEdit();
      case "Escape": e.preventDefault(); return setSel((s) => ({ anchor: s.cursor, cursor: s.cursor, extra: new Set() }));
      case "Delete": case "Backspace":
        e.preventDefault();
        if (mod && props.onDelete && selected.length > 0) return props.onDelete(selected);
        return clearBlock();
    }
    if (mod && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === "a") { e.preventDefault(); return setSel({ anchor: { row: 0, col: 0 }, cursor: { row: n - 1, col: m - 1 }, extra: new Set() }); }
      if (k === "d") {
        e.preventDefault();
        const edits = fillDown(sel, textAt).map((f) => ({ id: idAt(f.row)!, key: keys[f.col]!, text: f.text })).filter((x) => x.id !== undefined && props.editable(x.key));
        return void props.onCommit(edits, `Fill down ${edits.length} cells`);
      }
      // Copy and paste go through a hidden text field: the browser only moves the clipboard for editable targets,
      // so the focus steps there for the one key and comes back on the copy or paste event.
      if (k === "c" || k === "v") {
        const t = sink.current;
        if (!t) return;
        t.value = k === "c" ? blockText() : "";
        t.focus({ preventScroll: true });
        t.select();
        return;
      }
      return;
    }
    if (e.key.length === 1 && !e.altKey && e.key !== " ") {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const onMouseDown = (e: MouseEvent, r: number, c: number) => {
    if (editing) return;
    const id = idAt(r);
    if (id === undefined) return;
    e.preventDefault();
    focusGrid();
    setSel((s) => clickCell(s, { row: r, col: c }, id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }, selected));
  };

  // One pointer handler for the whole body (a cell says where it is by its ARIA indices): rows scrolling into view
  // then carry no handlers of their own.
  const cellOf = (e: MouseEvent): { r: number; c: number } | null => {
    const cell = (e.target as Element).closest("[role=gridcell]");
    const row = cell?.parentElement;
    if (!cell || !row) return null;
    return { r: Number(row.getAttribute("aria-rowindex")) - 2, c: Number(cell.getAttribute("aria-colindex")) - 1 };
  };
  // What does not change as the grid scrolls, built once per set of columns: each cell's style and classes.
  const cellLooks = useMemo<CellLook[]>(() => columns.map((c, i) => ({
    style: { left: starts[i]!, width: widthOf(c.key) },
    base: c.kind === "number" ? "sheet-cell number" : "sheet-cell",
    readOnly: !props.editable(c.key) || undefined,
  })), [columns, starts, props.editable]); // eslint-disable-line react-hooks/exhaustive-deps

  const b = block(sel);
  const visible: ReactElement[] = [];
  for (let r = first; r < last; r++) {
    const id = idAt(r)!;
    const inBlock = sel.blockSelects !== false && r >= b.top && r <= b.bottom;
    const isEditing = editing !== null && editing.row === r;
    visible.push(
      <SheetRow
        key={r}
        r={r}
        id={id}
        tableRow={rows[r]!}
        data={data}
        width={totalWidth}
        looks={cellLooks}
        colFirst={colFirst}
        colEnd={colEnd}
        selected={isRowSelected(sel, r, id)}
        activeCol={sel.cursor.row === r ? sel.cursor.col : -1}
        blockLeft={inBlock ? b.left : -1}
        blockRight={inBlock ? b.right : -1}
        editCol={isEditing ? editing.col : -1}
        editor={isEditing ? (
          <CellEditor
            column={columns[editing.col]!}
            initial={editing.text}
            typing={editing.typing}
            person={id}
            persons={props.persons}
            units={props.units}
            onDone={(text, then) => void finishEdit(text, then)}
          />
        ) : null}
      />,
    );
  }

  return (
    <div className="sheet-grid-wrap">
      <textarea
        ref={sink}
        className="sheet-sink"
        aria-hidden="true"
        tabIndex={-1}
        onCopy={(e) => { e.clipboardData.setData("text/plain", e.currentTarget.value); e.preventDefault(); focusGrid(); }}
        onPaste={(e) => { const text = e.clipboardData.getData("text/plain"); e.preventDefault(); focusGrid(); if (text) paste(text); }}
        onKeyUp={() => focusGrid()}
        onBlur={(e) => { e.currentTarget.value = ""; }}
        readOnly={false}
      />
      <div
        ref={scroller}
        className="sheet-scroll"
        onScroll={(e) => { setTop(e.currentTarget.scrollTop); setLeft(e.currentTarget.scrollLeft); }}
      >
        <div
          ref={grid}
          role="grid"
          aria-label={`${data.table.mode === "people" ? "People" : "Units"} sheet`}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          aria-multiselectable="true"
          aria-activedescendant={rows.length > 0 && !editing ? cellId(sel.cursor.row, sel.cursor.col) : undefined}
          tabIndex={0}
          className="sheet-grid"
          style={{ width: totalWidth, height: (rows.length + 1) * ROW_HEIGHT }}
          onKeyDown={onKeyDown}
          // Where the browser moves the clipboard for the grid itself (a menu's Paste), not only for the hidden field.
          onCopy={(e) => { if (editing) return; e.clipboardData.setData("text/plain", blockText()); e.preventDefault(); }}
          onPaste={(e) => { if (editing) return; const text = e.clipboardData.getData("text/plain"); e.preventDefault(); if (text) paste(text); }}
        >
          <div role="row" aria-rowindex={1} className="sheet-header" style={{ width: totalWidth }}>
            {columns.map((col, c) => (
              <HeaderCell key={col.key} col={col} index={c} sort={props.sort} onSort={props.onSort} />
            ))}
          </div>
          <div
            className="sheet-body"
            role="rowgroup"
            onMouseDown={(e) => { const at = cellOf(e); if (at) onMouseDown(e, at.r, at.c); }}
            onDoubleClick={(e) => { if (cellOf(e)) startEdit(); }}
          >
            {visible}
          </div>
        </div>
      </div>
    </div>
  );
}

interface CellLook {
  style: { left: number; width: number };
  /** The cell's classes before the cursor and the selected block add theirs. */
  base: string;
  readOnly: true | undefined;
}

interface SheetRowProps {
  r: number;
  id: number;
  tableRow: number;
  data: SheetData;
  width: number;
  looks: readonly CellLook[];
  /** The columns in view: cells are drawn for these, and for the cursor's and the editor's column wherever they are. */
  colFirst: number;
  colEnd: number;
  selected: boolean;
  /** The cursor's column when it is on this row, else -1; likewise the selected block's columns. */
  activeCol: number;
  blockLeft: number;
  blockRight: number;
  editCol: number;
  editor: ReactElement | null;
}

/** One row of cells; memoised, so scrolling renders only the rows that come into view. */
const SheetRow = memo(function SheetRow(p: SheetRowProps) {
  const all = p.data.table.columns;
  // aria-activedescendant names the cursor's cell, so it exists even when scrolled out of view; the editor too.
  const shown: number[] = [];
  for (const c of [p.activeCol, p.editCol]) if (c >= 0 && (c < p.colFirst || c >= p.colEnd) && !shown.includes(c)) shown.push(c);
  for (let c = p.colFirst; c < p.colEnd; c++) shown.push(c);
  if (shown.length > p.colEnd - p.colFirst) shown.sort((a, b) => a - b);
  return (
    <div
      role="row"
      aria-rowindex={p.r + 2}
      aria-selected={p.selected}
      className={`sheet-row${p.selected ? " selected" : ""}${p.editCol >= 0 ? " editing" : ""}`}
      style={{ transform: `translateY(${p.r * ROW_HEIGHT}px)`, width: p.width }}
      data-id={p.id}
    >
      {shown.map((c) => {
        const col = all[c]!;
        const text = col.values[col.codes[p.tableRow]!]!;
        const look = p.looks[c]!;
        const active = p.activeCol === c;
        const inBlock = c >= p.blockLeft && c <= p.blockRight;
        const editing = p.editCol === c;
        return (
          <div
            key={col.key}
            // Only the cursor's cell is named: aria-activedescendant points at it, and no other needs an id.
            id={active ? `sheet-cell-${p.r}-${c}` : undefined}
            role="gridcell"
            aria-colindex={c + 1}
            data-key={col.key}
            aria-readonly={look.readOnly}
            className={active || inBlock || editing ? `${look.base}${active ? " active" : ""}${inBlock ? " in-block" : ""}${editing ? " editing" : ""}` : look.base}
            style={look.style}
            title={text}
          >
            {editing ? p.editor : text}
          </div>
        );
      })}
    </div>
  );
});

/** Which cells Delete empties: the optional fields and the relations, not a name or a choice. */
const CLEARABLE = (key: string) => !["name", "title", "discipline", "employment", "status", "kind"].includes(key);

function HeaderCell({ col, index, sort, onSort }: { col: SheetColumn; index: number; sort: readonly SortKey[]; onSort(s: SortKey[]): void }) {
  const at = sort.findIndex((s) => s.key === col.key);
  const s = at >= 0 ? sort[at] : undefined;
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      data-key={col.key}
      aria-sort={at === 0 ? (s!.desc ? "descending" : "ascending") : undefined}
      className="sheet-head-cell"
      style={{ width: widthOf(col.key) }}
    >
      <button
        type="button"
        tabIndex={-1}
        title="Sort by this column; Shift-click adds it as a further level"
        onClick={(e) => onSort(nextSort(sort, col.key, e.shiftKey))}
      >
        {col.label}
        {s && <span className="sheet-sort" aria-hidden="true">{s.desc ? " ▼" : " ▲"}{sort.length > 1 ? at + 1 : ""}</span>}
      </button>
    </div>
  );
}
