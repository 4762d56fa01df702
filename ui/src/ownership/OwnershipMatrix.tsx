// The areas x teams matrix: an ARIA grid that renders only the rows and columns in view (1,000 x 1,200 stays light).
// Each row leads with its area's name and its direction (stance, target, actual effort: ./MatrixDirection).
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from "react";
import type { DropVerdict } from "../canvas/interaction";
import { zoneAt, type DropZone } from "./areaEdit";
import { AreaRenameField } from "./AreaRenameField";
import { claimedTargets, effortScale } from "./effortBars";
import { DIRECTION_WIDTH, MatrixDirection, type DirectionPatch } from "./MatrixDirection";
import { clampFocus, moveFocus, revealCell, virtualWindow, type Focus, type GridMetrics } from "./matrixModel";
import { cellState, type CellState } from "./ownershipOps";
import { loadLabel } from "./ownershipRenderer";
import type { OwnershipScene } from "./sceneTypes";

/** Width of the area names column; the direction cells follow it, and the team columns start after both. */
const NAME_WIDTH = 260;
export const MATRIX_METRICS: GridMetrics = { rowHeight: 28, colWidth: 44, headerHeight: 156, headerWidth: NAME_WIDTH + DIRECTION_WIDTH };

export interface OwnershipMatrixProps {
  scene: OwnershipScene;
  /** Scene area rows, in matrix order (filtered and sorted). */
  rows: readonly number[];
  /** Scene team indices, in matrix order. */
  cols: readonly number[];
  selectedTeams: ReadonlySet<number>;
  onSelectTeam(team: number): void;
  /** Cycles the cell: none -> owner -> contributor -> none. */
  onCycle(row: number, team: number): void;
  /** The area tree editor (see useAreaTree): the row headers select, rename (double click) and drag areas. */
  selectedArea?: number | null;
  renaming?: number | null;
  onSelectArea?(area: number): void;
  onRenameArea?(area: number): void;
  onRenameDone?(area: number, name: string | null): void;
  /** The "+" on the selected row: a new sub-area of it. */
  onAddChild?(area: number): void;
  canMoveArea?(area: number, target: number, zone: DropZone): DropVerdict;
  onMoveArea?(area: number, target: number, zone: DropZone): void;
  /** A stance or target share typed into a row's direction cell. */
  onDirection?(area: number, patch: DirectionPatch): void;
}

/** A row header dragged over the rows: where it would land, and whether it may. */
interface RowDrag {
  area: number;
  startY: number;
  moved: boolean;
  target: { area: number; zone: DropZone; verdict: DropVerdict } | null;
}

const MARK: Record<CellState, string> = { none: "", owner: "●", contributor: "○" };
const SAY: Record<CellState, string> = { none: "no role", owner: "owner", contributor: "contributor" };

export function OwnershipMatrix(props: OwnershipMatrixProps) {
  const { scene, rows, cols, selectedTeams, onSelectTeam, onCycle } = props;
  const [drag, setDrag] = useState<RowDrag | null>(null);
  const m = MATRIX_METRICS;
  const scale = useMemo(() => effortScale(scene), [scene]);
  const claimed = useMemo(() => claimedTargets(scene), [scene]);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, w: 800, h: 600 });
  const [focus, setFocus] = useState<Focus>({ row: 0, col: 0 });
  const f = clampFocus(focus, rows.length, cols.length);
  // Keys can arrive faster than renders; each one moves from where the last one left the focus.
  const latest = useRef(f);
  latest.current = f;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setView((v) => ({ ...v, w: el.clientWidth, h: el.clientHeight }));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  // A new sort or filter keeps the focus inside the grid.
  useEffect(() => { if (f.row !== focus.row || f.col !== focus.col) setFocus(f); }, [f, focus]);

  const win = virtualWindow(view.top, view.left, view.w, view.h, rows.length, cols.length, m);
  const cellId = (r: number, c: number) => `om-cell-${r}-${c}`;
  const pageRows = Math.max(1, Math.floor((view.h - m.headerHeight) / m.rowHeight));

  const areaOfRow = (r: number) => {
    const row = rows[r];
    return row === undefined ? undefined : scene.areas[row];
  };

  const focusCell = (next: Focus) => {
    latest.current = next;
    setFocus(next);
    const a = areaOfRow(next.row);
    if (a !== undefined) props.onSelectArea?.(a);
    const el = ref.current;
    if (!el) return;
    const s = revealCell(next, el.scrollTop, el.scrollLeft, el.clientWidth, el.clientHeight, m);
    el.scrollTop = s.top;
    el.scrollLeft = s.left;
    setView((v) => ({ ...v, top: s.top, left: s.left }));
  };

  // An area selected elsewhere (the map, the "+", a finding) brings the focused cell to its row.
  const selectedRow = props.selectedArea == null ? -1 : rows.findIndex((row) => scene.areas[row] === props.selectedArea);
  useEffect(() => {
    if (selectedRow >= 0 && selectedRow !== latest.current.row) focusCell({ row: selectedRow, col: latest.current.col });
    // Only a change of the row moves the focus (focusCell is a new function every render).
  }, [selectedRow]);

  const cycle = (r: number, c: number) => {
    const row = rows[r], t = cols[c];
    if (row !== undefined && t !== undefined) onCycle(row, scene.teams[t] as number);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      cycle(latest.current.row, latest.current.col);
      return;
    }
    const next = moveFocus(latest.current, e.key, e.ctrlKey || e.metaKey, rows.length, cols.length, pageRows);
    if (!next) return;
    e.preventDefault();
    focusCell(next);
  };

  /** The row and zone under a pointer, from the sheet's coordinates. */
  const rowAt = (clientY: number): { area: number; zone: DropZone } | null => {
    const el = ref.current;
    if (!el) return null;
    const y = clientY - el.getBoundingClientRect().top + el.scrollTop - m.headerHeight;
    const r = Math.floor(y / m.rowHeight), a = areaOfRow(r);
    return a === undefined || y < 0 ? null : { area: a, zone: zoneAt(r * m.rowHeight, m.rowHeight, y) };
  };
  const dragStart = (area: number) => (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || props.renaming === area) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ area, startY: e.clientY, moved: false, target: null });
  };
  const dragMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    if (!drag.moved && Math.abs(e.clientY - drag.startY) < 4) return;
    const at = rowAt(e.clientY);
    const same = at && drag.target && at.area === drag.target.area && at.zone === drag.target.zone;
    if (same && drag.moved) return;
    const verdict = at ? (props.canMoveArea?.(drag.area, at.area, at.zone) ?? { ok: false, reason: "" }) : null;
    setDrag({ ...drag, moved: true, target: at && verdict ? { ...at, verdict } : null });
  };
  const dragEnd = () => {
    if (drag?.moved && drag.target?.verdict.ok) props.onMoveArea?.(drag.area, drag.target.area, drag.target.zone);
    setDrag(null);
  };

  const width = m.headerWidth + cols.length * m.colWidth;
  const colRange: number[] = [];
  for (let c = win.colStart; c < win.colEnd; c++) colRange.push(c);
  const rowRange: number[] = [];
  for (let r = win.rowStart; r < win.rowEnd; r++) rowRange.push(r);

  return (
    <div
      ref={ref}
      className="ownership-matrix"
      role="grid"
      aria-label="Ownership matrix: product areas by teams"
      aria-rowcount={rows.length + 1}
      aria-colcount={cols.length + 2}
      aria-activedescendant={rows.length && cols.length ? cellId(f.row, f.col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        const el = e.currentTarget;
        setView((v) => ({ ...v, top: el.scrollTop, left: el.scrollLeft }));
      }}
    >
      <div className="om-sheet" style={{ width, height: m.headerHeight + rows.length * m.rowHeight }}>
        <div role="row" aria-rowindex={1} className="om-head" style={{ width, height: m.headerHeight }}>
          <div className="om-corner" style={{ width: m.headerWidth, height: m.headerHeight }}>
            <span role="columnheader" aria-colindex={1} style={{ width: NAME_WIDTH }}>Area \ Team</span>
            <span role="columnheader" aria-colindex={2} style={{ width: DIRECTION_WIDTH }} title="Stance, target share, and actual effort against the target (the core's rule: see the area inspector)">
              Direction · effort
            </span>
          </div>
          {colRange.map((c) => {
            const t = cols[c] as number, team = scene.team_content[t], id = scene.teams[t] as number;
            if (!team) return null;
            const cls = ["om-team", team.overBudget ? "over" : "", selectedTeams.has(id) ? "selected" : ""].join(" ");
            return (
              <div
                key={id}
                role="columnheader"
                aria-colindex={c + 3}
                className={cls}
                title={`${team.name}: ${loadLabel(team.load, team.budget)}${team.overBudget ? " (over budget)" : ""}`}
                style={{ left: m.headerWidth + c * m.colWidth, width: m.colWidth, height: m.headerHeight }}
                onClick={() => onSelectTeam(id)}
              >
                <span className="om-team-name">{team.name}</span>
                <span className="om-load" style={{ borderTopColor: team.colour }}>{Math.round(team.load * 100) / 100}</span>
              </div>
            );
          })}
        </div>
        {rowRange.map((r) => {
          const row = rows[r] as number, area = scene.area_content[row], id = scene.areas[row] as number;
          if (!area) return null;
          const t = drag?.moved && drag.target?.area === id ? drag.target : null;
          const headCls = ["om-area", area.unowned ? "unowned" : "", props.selectedArea === id ? "selected" : "", t ? `drop-${t.zone} ${t.verdict.ok ? "ok" : "refused"}` : ""].join(" ");
          return (
            <div key={id} role="row" aria-rowindex={r + 2} className="om-row" style={{ top: m.headerHeight + r * m.rowHeight, width, height: m.rowHeight }}>
              <div className="om-lead" style={{ width: m.headerWidth }}>
              <div role="rowheader" aria-colindex={1} aria-selected={props.selectedArea === id} className={headCls} style={{ width: NAME_WIDTH, paddingLeft: 8 + area.depth * 14 }}
                title={t && !t.verdict.ok ? t.verdict.reason : undefined}
                onPointerDown={dragStart(id)} onPointerMove={dragMove} onPointerUp={dragEnd} onPointerCancel={() => setDrag(null)}
                onClick={() => { if (!drag?.moved) focusCell({ row: r, col: f.col }); }}
                onDoubleClick={() => props.onRenameArea?.(id)}>
                {props.renaming === id
                  ? <AreaRenameField name={area.name} onDone={(name) => props.onRenameDone?.(id, name)} />
                  : area.isLeaf ? area.name : <strong>{area.name}</strong>}
                {area.unowned && props.renaming !== id && <span className="om-badge">unowned</span>}
                {props.selectedArea === id && props.renaming !== id && (
                  <button type="button" className="om-add-child" aria-label={`Add a sub-area to ${area.name}`} title="Add a sub-area (Tab)"
                    onPointerDown={(e) => e.stopPropagation()} onClick={(e) => { e.stopPropagation(); props.onAddChild?.(id); }}>+</button>
                )}
                {t && !t.verdict.ok && <span className="om-refusal" role="status">{t.verdict.reason}</span>}
              </div>
              <MatrixDirection area={area} claimed={claimed[row] ?? null} scale={scale} colIndex={2} onChange={(patch) => props.onDirection?.(id, patch)} />
              </div>
              {colRange.map((c) => {
                const t = cols[c] as number, id = scene.teams[t] as number;
                const state = cellState(scene, row, id);
                const focused = r === f.row && c === f.col;
                const cls = ["om-cell", state, focused ? "focused" : "", selectedTeams.has(id) ? "team-selected" : ""].join(" ");
                return (
                  <div
                    key={id}
                    id={cellId(r, c)}
                    role="gridcell"
                    aria-colindex={c + 3}
                    aria-selected={focused}
                    aria-label={`${area.name}, ${scene.team_content[t]?.name ?? ""}: ${SAY[state]}`}
                    className={cls}
                    style={{ left: m.headerWidth + c * m.colWidth, width: m.colWidth, height: m.rowHeight }}
                    onClick={() => {
                      focusCell({ row: r, col: c });
                      cycle(r, c);
                    }}
                  >
                    {MARK[state]}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
