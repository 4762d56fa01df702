// The Ownership tab: the map (area tree beside the teams, drag to assign), the matrix, or where the people go (actual
// effort by area against the targets, ./EffortView), with the only-unowned filter; the area tree is edited here
// (./useAreaTree: add, rename, move, delete) and the selected area in AreaInspector.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { AppController } from "../app/controller";
import { ActionButton } from "../actions/ActionViews";
import { ConfirmDialog } from "../inspector/ConfirmDialog";
import { AreaInspector } from "./AreaInspector";
import { AreaRenameField } from "./AreaRenameField";
import { EffortView } from "./EffortView";
import { showingEffort } from "../export/exportModel";
import type { DirectionPatch } from "./MatrixDirection";
import { useAreaTree } from "./useAreaTree";
import type { DropVerdict } from "../canvas/interaction";
import { indexScene, unownedLeafCount, visibleAreaRows } from "./areaTree";
import { mapLayout } from "./mapLayout";
import { sortColumns, sortRows, type ColumnSort, type RowSort } from "./matrixModel";
import { OwnershipMap } from "./OwnershipMap";
import { OwnershipMatrix } from "./OwnershipMatrix";
import { ownershipFeed } from "./ownershipFeed";
import { cycleCellOp, planAreaDrop } from "./ownershipOps";
import { compareMarksStore, useAreaFocus, useOwnershipMarks } from "../scenarios/compareMarksStore";
import { revealBus } from "../app/reveal";
import { announce } from "../a11y/announcer";
import { areaSpeech } from "./areaSpeech";
import { AREA_MARK_STYLES, type OwnershipMarks } from "../scenarios/ownershipMarks";
import "./ownership.css";

type Mode = "map" | "matrix" | "people";

const MODE_LABELS: Record<Mode, string> = { map: "Map", matrix: "Matrix", people: "Where the people go" };

export function OwnershipView({ ctl }: { ctl: AppController }) {
  const feed = useMemo(() => ownershipFeed(ctl), [ctl]);
  const scene = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const selection = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().selection);
  const [mode, setMode] = useState<Mode>("map");
  const [onlyUnowned, setOnlyUnowned] = useState(false);
  useEffect(() => {
    showingEffort(mode === "people");
    return () => showingEffort(false);
  }, [mode]);
  const [rowSort, setRowSort] = useState<RowSort>("tree");
  const [colSort, setColSort] = useState<ColumnSort>("name");
  const active = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().doc?.active_scenario);
  const compare = useOwnershipMarks(active);
  // A change-list row asked for an area: show it on the map (filter off if it hides the area) and outline it.
  // A finding about an area (app/reveal) takes the same path as a change-list row: selected and brought into view.
  useEffect(() => revealBus.listen(["area"], (req) => {
    compareMarksStore.focusArea(req.id);
    return true;
  }), []);
  const focusRequest = useAreaFocus();
  const [focused, setFocused] = useState<number | null>(null);
  const focus = focusRequest && compareMarksStore.pending(focusRequest) ? focusRequest.area : null;
  useEffect(() => {
    if (focus === null) return;
    setMode("map");
    setOnlyUnowned(false);
  }, [focus]);
  const rows = useMemo(() => (scene ? sortRows(scene, visibleAreaRows(scene, onlyUnowned), rowSort) : []), [scene, onlyUnowned, rowSort]);
  const tree = useAreaTree(ctl, scene, mode === "map" ? (scene ? visibleAreaRows(scene, onlyUnowned) : []) : rows);
  const onFocused = useCallback((area: number) => {
    if (focusRequest) compareMarksStore.served(focusRequest);
    setFocused(area);
    // A finding or a change-list row picked this area: it becomes the selected one (a removed area's ghost does not).
    tree.select(area, false);
  }, [focusRequest, tree]);

  const selectedTeams = useMemo(() => new Set(selection.units), [selection.units]);
  const picked = tree.selected ?? focused;
  const selectedOnMap = useMemo(() => (picked === null ? selectedTeams : new Set([...selectedTeams, picked])), [selectedTeams, picked]);
  const layout = useMemo(() => (scene ? mapLayout(scene, onlyUnowned) : null), [scene, onlyUnowned]);
  const index = useMemo(() => (scene ? indexScene(scene) : null), [scene]);
  const cols = useMemo(() => (scene ? sortColumns(scene, colSort) : []), [scene, colSort]);

  const selectTeam = useCallback((id: number | null) => {
    setFocused(null);
    if (id !== null && index?.area.has(id)) {
      ctl.select(null);
      tree.select(id, false);
      return;
    }
    tree.select(null, false);
    if (id === null || index?.team.has(id)) ctl.selectUnit(id);
  }, [ctl, index, tree]);

  const plan = (area: number, team: number, contributor: boolean) => {
    const row = index?.area.get(area);
    if (!scene || row === undefined) return null;
    return planAreaDrop(scene, row, team, contributor, onlyUnowned);
  };

  /** A stance or target typed into the matrix: one update-area op on the area's record as it stands. */
  const direct = (id: number, patch: DirectionPatch) => {
    const area = tree.records.areas.find((a) => a.id === id);
    if (area) void ctl.apply({ op: "update-area", area: { ...area, ...patch } });
  };

  if (!scene || !layout) return <p className="placeholder">Loading the ownership map…</p>;
  const empty = scene.areas.length === 0;
  const unowned = unownedLeafCount(scene);
  const button = (id: string) => <ActionButton registry={tree.registry} ctx={tree.ctx} platform={tree.platform} id={id} />;
  // A new area is renamed once its row is in the scene, so the field opens where the row is.
  const renaming = tree.renaming === null || !index?.area.has(tree.renaming) ? undefined : tree.records.areas.find((a) => a.id === tree.renaming);
  const selectedArea = tree.selected === null ? undefined : tree.records.areas.find((a) => a.id === tree.selected);
  const overlay = renaming ? (
    <AreaRenameField key={renaming.id} name={renaming.name} onDone={(name) => tree.finishRename(renaming.id, name)} />
  ) : selectedArea ? (
    <button type="button" className="area-add-child" aria-label={`Add a sub-area to ${selectedArea.name}`} title="Add a sub-area (Tab)"
      onPointerDown={(e) => e.stopPropagation()} onClick={() => tree.ctx.addChild()}>+</button>
  ) : null;
  const overBudget = scene.team_content.filter((t) => t.overBudget).length;

  return (
    <div className="ownership-view">
      <div className="ownership-bar" role="toolbar" aria-label="Ownership">
        {button("area-add")}
        {button("area-add-child-button")}
        <div className="segmented" role="radiogroup" aria-label="Show as">
          {(["map", "matrix", "people"] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? "active" : ""} onClick={() => setMode(m)}>
              {MODE_LABELS[m]}
            </button>
          ))}
        </div>
        {mode !== "people" && (
          <label>
            <input type="checkbox" checked={onlyUnowned} onChange={(e) => setOnlyUnowned(e.target.checked)} /> Only unowned
          </label>
        )}
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
          {empty ? "No product areas yet" : unowned === 0 ? "Every area has an owner" : `${unowned} unowned ${unowned === 1 ? "area" : "areas"}`}
        </span>
        {overBudget > 0 && <span className="ownership-count warn">{overBudget} over the cognitive-load budget</span>}
        {compare && mode === "map" && <CompareLegend marks={compare} />}
        <span className="muted ownership-hint">
          {mode === "map"
            ? "Drag an area onto a team to make it the owner (Alt or Shift: a contributor), onto another area to nest it, between rows to reorder."
            : mode === "matrix"
              ? "Click a cell or press Enter: owner, contributor, none. F2 renames the row's area. Set each area's stance and target beside its name."
              : "Actual effort by product area (bars, coloured by stance) against the targets (marks). Click a row to edit its direction; File › Export… saves this view."}
        </span>
      </div>
      <div className="workspace">
      {empty ? (
        <div className="empty-state ownership-empty">
          <h2>No product areas yet</h2>
          <p className="muted">Product areas are the parts of the product teams own. Add one, then drag it onto a team.</p>
          <button type="button" className="primary" onClick={() => tree.ctx.addArea()}>Add a product area</button>
        </div>
      ) : mode === "people" ? (
        <EffortView ctl={ctl} selected={tree.selected} onSelect={(id) => { if (id !== null) tree.select(id, false); }} />
      ) : mode === "map" ? (
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
          canMoveArea={tree.canMove}
          onMoveArea={tree.move}
          onOpenArea={tree.startRename}
          reveal={tree.reveal}
          overlay={overlay}
          anchor={tree.renaming ?? tree.selected}
          onFocus={() => announce(tree.selected !== null ? areaSpeech(scene, tree.selected) : "No area selected: press Down to start at the first area")}
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
          selectedArea={tree.selected}
          renaming={tree.renaming}
          onSelectArea={(id) => tree.select(id, false)}
          onRenameArea={tree.startRename}
          onRenameDone={tree.finishRename}
          onAddChild={() => tree.ctx.addChild()}
          canMoveArea={tree.canMove}
          onMoveArea={tree.move}
          onDirection={direct}
        />
      )}
      {selectedArea && tree.inspectorOpen && (
        <div className="inspector-keys" onKeyDown={(e) => {
          // Escape in the inspector (once its field has let it through) returns to the area tree it was opened from.
          if (e.key !== "Escape" || e.defaultPrevented) return;
          e.preventDefault();
          document.querySelector<HTMLElement>(".ownership-map canvas, .ownership-matrix")?.focus({ preventScroll: true });
        }}>
          <AreaInspector key={selectedArea.id} area={selectedArea} records={tree.records} apply={(op) => void ctl.apply(op)}
            onDelete={() => tree.ctx.remove()} onClose={() => tree.closeInspector()} />
        </div>
      )}
      </div>
      {tree.confirm && (
        <ConfirmDialog title="Delete product area" body={[tree.confirm.text]} confirmLabel="Delete"
          onConfirm={tree.confirm.yes} onCancel={tree.confirm.no} />
      )}
    </div>
  );
}

/** Compare mode's key on the ownership bar: what each tint means, with counts. */
function CompareLegend({ marks }: { marks: OwnershipMarks }) {
  const counts = new Map<string, number>();
  for (const m of marks.areas.values()) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return (
    <span className="ownership-compare" role="group" aria-label="Compare legend">
      {AREA_MARK_STYLES.map((s) => (
        <span key={s.kind} data-mark={s.kind}>
          <span className="swatch" style={{ borderColor: s.stroke, background: s.fill }} /> {s.label} {counts.get(s.kind) ?? 0}
        </span>
      ))}
      {marks.removed.length > 0 && <span data-mark="removed"><span className="swatch ghost" /> Removed {marks.removed.length} (listed under the tree)</span>}
    </span>
  );
}
