// The Ownership tab: the map (area tree beside the teams, drag to assign) or the matrix, with the only-unowned filter.
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import type { AppController } from "../app/controller";
import type { DropVerdict } from "../canvas/interaction";
import { indexScene, unownedLeafCount, visibleAreaRows } from "./areaTree";
import { mapLayout } from "./mapLayout";
import { sortColumns, sortRows, type ColumnSort, type RowSort } from "./matrixModel";
import { OwnershipMap } from "./OwnershipMap";
import { OwnershipMatrix } from "./OwnershipMatrix";
import { ownershipFeed } from "./ownershipFeed";
import { cycleCellOp, planAreaDrop } from "./ownershipOps";
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

  const selectedTeams = useMemo(() => new Set(selection.units), [selection.units]);
  const layout = useMemo(() => (scene ? mapLayout(scene, onlyUnowned) : null), [scene, onlyUnowned]);
  const index = useMemo(() => (scene ? indexScene(scene) : null), [scene]);
  const rows = useMemo(() => (scene ? sortRows(scene, visibleAreaRows(scene, onlyUnowned), rowSort) : []), [scene, onlyUnowned, rowSort]);
  const cols = useMemo(() => (scene ? sortColumns(scene, colSort) : []), [scene, colSort]);

  const selectTeam = useCallback((id: number | null) => {
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
        <span className="muted ownership-hint">
          {mode === "map" ? "Drag an area onto a team to make it the owner; hold Alt (Option) or Shift to add a contributor." : "Click a cell or press Enter: owner, contributor, none."}
        </span>
      </div>
      {mode === "map" ? (
        <OwnershipMap
          scene={scene}
          layout={layout}
          onlyUnowned={onlyUnowned}
          selected={selectedTeams}
          onSelect={selectTeam}
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
