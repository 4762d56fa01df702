// The Ownership tab: the map (area tree beside the teams, drag to assign) or the matrix, with the only-unowned filter.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { AppController } from "../app/controller";
import type { DropVerdict } from "../canvas/interaction";
import { indexScene, unownedLeafCount, visibleAreaRows } from "./areaTree";
import { mapLayout } from "./mapLayout";
import { sortColumns, sortRows, type ColumnSort, type RowSort } from "./matrixModel";
import { OwnershipMap } from "./OwnershipMap";
import { OwnershipMatrix } from "./OwnershipMatrix";
import { ownershipFeed } from "./ownershipFeed";
import { cycleCellOp, planAreaDrop } from "./ownershipOps";
import { compareMarksStore, useAreaFocus, useOwnershipMarks } from "../scenarios/compareMarksStore";
import { AREA_MARK_STYLES, type OwnershipMarks } from "../scenarios/ownershipMarks";
import "./ownership.css";

type Mode = "map" | "matrix";

export function OwnershipView({ ctl }: { ctl: AppController }) {
  const feed = useMemo(() => ownershipFeed(ctl), [ctl]);
  const scene = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const selection = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().selection);
  const [mode, setMode] = useState<Mode>("map");
  const [onlyUnowned, setOnlyUnowned] = useState(false);
  const [rowSort, setRowSort] = useState<RowSort>("tree");
  const [colSort, setColSort] = useState<ColumnSort>("name");
  const active = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().doc?.active_scenario);
  const compare = useOwnershipMarks(active);
  // A change-list row asked for an area: show it on the map (filter off if it hides the area) and outline it.
  const focusRequest = useAreaFocus();
  const [focused, setFocused] = useState<number | null>(null);
  const focus = focusRequest && compareMarksStore.pending(focusRequest) ? focusRequest.area : null;
  useEffect(() => {
    if (focus === null) return;
    setMode("map");
    setOnlyUnowned(false);
  }, [focus]);
  const onFocused = useCallback((area: number) => {
    if (focusRequest) compareMarksStore.served(focusRequest);
    setFocused(area);
  }, [focusRequest]);

  const selectedTeams = useMemo(() => new Set(selection.units), [selection.units]);
  const selectedOnMap = useMemo(() => (focused === null ? selectedTeams : new Set([...selectedTeams, focused])), [selectedTeams, focused]);
  const layout = useMemo(() => (scene ? mapLayout(scene, onlyUnowned) : null), [scene, onlyUnowned]);
  const index = useMemo(() => (scene ? indexScene(scene) : null), [scene]);
  const rows = useMemo(() => (scene ? sortRows(scene, visibleAreaRows(scene, onlyUnowned), rowSort) : []), [scene, onlyUnowned, rowSort]);
  const cols = useMemo(() => (scene ? sortColumns(scene, colSort) : []), [scene, colSort]);

  const selectTeam = useCallback((id: number | null) => {
    setFocused(null);
    if (id === null || index?.team.has(id)) ctl.selectUnit(id);
  }, [ctl, index]);

  const plan = (area: number, team: number, contributor: boolean) => {
    const row = index?.area.get(area);
    if (!scene || row === undefined) return null;
    return planAreaDrop(scene, row, team, contributor, onlyUnowned);
  };

  if (!scene || !layout) return <p className="placeholder">Loading the ownership map…</p>;
  const unowned = unownedLeafCount(scene);
  const overBudget = scene.team_content.filter((t) => t.overBudget).length;

  return (
    <div className="ownership-view">
      <div className="ownership-bar" role="toolbar" aria-label="Ownership">
        <div className="segmented" role="radiogroup" aria-label="Show as">
          {(["map", "matrix"] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? "active" : ""} onClick={() => setMode(m)}>
              {m === "map" ? "Map" : "Matrix"}
            </button>
          ))}
        </div>
        <label>
          <input type="checkbox" checked={onlyUnowned} onChange={(e) => setOnlyUnowned(e.target.checked)} /> Only unowned
        </label>
        {mode === "matrix" && (
          <>
            <label>
              Rows{" "}
              <select value={rowSort} onChange={(e) => setRowSort(e.target.value as RowSort)}>
                <option value="tree">as the tree</option>
                <option value="name">by area name</option>
                <option value="owner">by owning team</option>
              </select>
            </label>
            <label>
              Teams{" "}
              <select value={colSort} onChange={(e) => setColSort(e.target.value as ColumnSort)}>
                <option value="name">by name</option>
                <option value="load">by load</option>
              </select>
            </label>
          </>
        )}
        <span className={unowned ? "ownership-count warn" : "ownership-count"}>
          {unowned === 0 ? "Every area has an owner" : `${unowned} unowned ${unowned === 1 ? "area" : "areas"}`}
        </span>
        {overBudget > 0 && <span className="ownership-count warn">{overBudget} over the cognitive-load budget</span>}
        {compare && mode === "map" && <CompareLegend marks={compare} />}
        <span className="muted ownership-hint">
          {mode === "map" ? "Drag an area onto a team to make it the owner; hold Alt (Option) or Shift to add a contributor." : "Click a cell or press Enter: owner, contributor, none."}
        </span>
      </div>
      {mode === "map" ? (
        <OwnershipMap
          scene={scene}
          layout={layout}
          onlyUnowned={onlyUnowned}
          selected={selectedOnMap}
          onSelect={selectTeam}
          compare={compare}
          focus={focus}
          onFocused={onFocused}
          canDrop={(area, team, contributor): DropVerdict => {
            const p = plan(area, team, contributor);
            return !p ? { ok: false, reason: "Not an area" } : p.ok ? { ok: true } : p;
          }}
          onDrop={(area, team, contributor) => {
            const p = plan(area, team, contributor);
            if (p?.ok) void ctl.apply(p.op);
          }}
        />
      ) : (
        <OwnershipMatrix
          scene={scene}
          rows={rows}
          cols={cols}
          selectedTeams={selectedTeams}
          onSelectTeam={selectTeam}
          onCycle={(row, team) => {
            const op = cycleCellOp(scene, row, team);
            if (op) void ctl.apply(op);
          }}
        />
      )}
    </div>
  );
}

/** Compare mode's key on the ownership bar: what each tint means, with counts. */
function CompareLegend({ marks }: { marks: OwnershipMarks }) {
  const counts = new Map<string, number>();
  for (const m of marks.areas.values()) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return (
    <span className="ownership-compare" aria-label="Compare legend">
      {AREA_MARK_STYLES.map((s) => (
        <span key={s.kind} data-mark={s.kind}>
          <span className="swatch" style={{ borderColor: s.stroke, background: s.fill }} /> {s.label} {counts.get(s.kind) ?? 0}
        </span>
      ))}
      {marks.removed.length > 0 && <span data-mark="removed"><span className="swatch ghost" /> Removed {marks.removed.length} (listed under the tree)</span>}
    </span>
  );
}
