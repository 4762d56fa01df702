// The team map view: teams, groups and people on a canvas (TeamMapCanvas), edited by dragging; its toolbar,
// keyboard, dialogs and inspector. What a gesture does to the document is decided in ./editOps.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { commands, type DocState, type Error as CoreError, type InteractionMode, type Op, type Person, type UnitKind } from "../bindings";
import { ActionButton } from "../actions/ActionViews";
import { ToolbarGroups } from "../chrome/ToolbarGroups";
import type { AppController, Result } from "../app/controller";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import type { DropVerdict } from "../canvas/interaction";
import { AUTO_ARRANGE, chipDropOp, chipDropVerdict, groupOp, interactionOp, ungroupOp, unitDropOp, unitDropVerdict, type GroupAs, type Seat, type UnitRef } from "./editOps";
import type { TeamMapIndex } from "./mapIndex";
import { INTERACTION_MODES, MODE_STYLES } from "./style";
import { TeamMapCanvas, type TeamMapHandle } from "./TeamMapCanvas";
import { createTeamMapRegistry, type TeamMapActionContext } from "./teamMapActions";
import { teamMapFeed } from "./teamMapFeed";
import { InteractionInspector, SeatsInspector, UnitInspector, type MapRecords } from "./UnitInspector";
import { UnassignedTray } from "./UnassignedTray";
import { NewTeamMenu } from "./NewTeamMenu";
import { freshTeamName, joinOp, newTeamOp, selectionToGroup, trayDropVerdict, unassigned } from "./teamsModel";
import { revealBus } from "../app/reveal";
import { announce } from "../a11y/announcer";
import { describeChip, describeUnit } from "../a11y/describe";
import { firstFocus, focusForSelection, focusInto, focusOut, focusRect as mapFocusRect, stepFocus, type MapFocus } from "./mapNav";
import "./teammap.css";
import { applyMove } from "../asof/datedMove";
import { colourEntries } from "../fields/colourBy";
import { ColourLegend } from "../fields/ColourLegend";
import { useColourBy, useFields } from "../fields/fieldsStore";
import { highlightScope, sheetHighlight } from "../sheet/sheetHighlight";

const EMPTY_RECORDS: MapRecords = { persons: [], units: [], memberships: [], areas: [], contributors: [], interactions: [] };

function unitRef(idx: TeamMapIndex, i: number): UnitRef {
  const c = idx.scene.unit_content[i];
  return { id: idx.scene.units[i] as number, name: c?.name ?? "", kind: c?.kind ?? "group", parent: c?.parent ?? null, placed: c?.placed ?? false };
}

function chipSeat(idx: TeamMapIndex, k: number): Seat {
  const c = idx.scene.chip_content[k];
  return { person: idx.scene.chip_person[k] as number, unit: idx.scene.chip_unit[k] as number, allocation: c?.allocation ?? 100, role: c?.role ?? "engineer", name: c?.name ?? "" };
}

/** Every seat of a person, as the scene's chips show them. */
function seatsOf(idx: TeamMapIndex, person: number): Seat[] {
  const out: Seat[] = [];
  idx.scene.chip_person.forEach((p, k) => { if (p === person) out.push(chipSeat(idx, k)); });
  return out;
}

export function TeamMapView({ ctl }: { ctl: AppController }) {
  const feed = useMemo(() => teamMapFeed(ctl), [ctl]);
  const scene = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const { doc, selection } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const records: MapRecords = doc?.records ?? EMPTY_RECORDS;
  const [interaction, setInteraction] = useState<number | null>(null);
  const [groupDialog, setGroupDialog] = useState<GroupAs | "ask" | null>(null);
  const [modeChooser, setModeChooser] = useState<{ from: number; to: number; x: number; y: number } | null>(null);
  /** The kind menu of "+ Team": `at` is the world point when it was opened over the map (context menu). */
  const [teamMenu, setTeamMenu] = useState<{ at: { x: number; y: number } | null; menu: { x: number; y: number } } | null>(null);
  /** A kind chosen from the toolbar or Insert: the next click on the map places the team. */
  const [placing, setPlacing] = useState<UnitKind | null>(null);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  const handle = useRef<TeamMapHandle | null>(null);
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createTeamMapRegistry, []);

  // Colour by (the toolbar's, shared with the org chart): every chip of a coloured person in their colour.
  const fields = useFields(doc);
  const colourKey = useColourBy();
  const coloured = useMemo(() => (colourKey ? colourEntries(colourKey, records.persons, fields) : []), [colourKey, records.persons, fields]);
  const personColours = useMemo(() => new Map(coloured.flatMap((e) => e.ids.map((id) => [id, e.colour] as const))), [coloured]);
  // The sheet's filter marks its people here as on the org chart ("designers in Berlin" on both), in its own scenario.
  const highlight = useSyncExternalStore(sheetHighlight.subscribe, sheetHighlight.get);
  const hits = highlight.scope === highlightScope(doc?.document?.path, doc?.active_scenario) ? highlight.ids : undefined;

  const persons = useMemo(() => new Set(selection.persons), [selection.persons]);
  const units = useMemo(() => new Set(selection.units), [selection.units]);
  const selectedInteraction = interaction === null ? undefined : records.interactions.find((i) => i.id === interaction);
  useEffect(() => { if (interaction !== null && !selectedInteraction) setInteraction(null); }, [interaction, selectedInteraction]);

  const apply = (op: Op | null) => { if (op) void ctl.apply(op); };
  // A drag to another team or group; while the views show a later day it asks when it takes effect.
  const move = (op: Op | null) => { if (op) void applyMove(ctl, op); };
  const selectedGroup = selection.units.length === 1 ? records.units.find((u) => u.id === selection.units[0] && u.kind === "group") : undefined;
  const canGroup = selection.persons.length + selection.units.length > 0;

  /**
   * Reserves the new unit's id, then creates it around the selection in one batch, and selects it. Works from the
   * records, not the drawn map, so a selection made on another view (or in the Unassigned tray) groups too.
   */
  const group = async (as: GroupAs, name: string) => {
    const r = await commands.reserveIds(1);
    if (r.status === "error") return ctl.fail(r.error);
    const { units: chosenUnits, seats, newcomers } = selectionToGroup(selection, records);
    const parentOf = (u: number) => records.units.find((x) => x.id === u)?.parent ?? null;
    const ok = await ctl.apply(groupOp(r.data, name, as, chosenUnits, seats, parentOf, newcomers));
    if (ok) ctl.selectUnit(r.data);
  };

  /** "+ Team": an empty team of `kind` with its corner at the world point (null: where the map arranges it). */
  const addTeam = async (kind: UnitKind, at: { x: number; y: number } | null) => {
    const r = await commands.reserveIds(1);
    if (r.status === "error") return ctl.fail(r.error);
    const idx = handle.current?.index();
    const g = at && idx ? idx.groupAtPoint(at.x, at.y) : -1;
    const parent = g >= 0 && idx ? (idx.scene.units[g] as number) : null;
    const ok = await ctl.apply(newTeamOp(r.data, kind, freshTeamName(records.units), parent, at));
    if (ok) {
      setInspectorOpen(true);
      ctl.selectUnit(r.data);
    }
  };
  const lastPress = useRef<{ x: number; y: number } | null>(null);
  // Placing a team by keyboard: Enter puts it in the middle of the view.
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || e.defaultPrevented) return;
      e.preventDefault();
      setPlacing(null);
      void addTeam(placing, handle.current?.centre() ?? null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  const tray = useMemo(() => unassigned(records.persons, records.memberships), [records.persons, records.memberships]);

  // A finding's subject on this map: select an interaction (units are selected by the controller) and show it.
  useEffect(() => revealBus.listen(["unit", "interaction"], (req) => {
    const h = handle.current, idx = h?.index();
    if (!h || !idx) return false;
    if (req.kind === "interaction") {
      setInteraction(req.id);
      setInspectorOpen(true);
      const line = idx.scene.interactions.find((x) => x.id === req.id);
      const p = line?.points ?? [];
      if (p.length >= 2) {
        const xs = p.filter((_, k) => k % 2 === 0), ys = p.filter((_, k) => k % 2 === 1);
        const x = Math.min(...xs), y = Math.min(...ys);
        h.reveal({ x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y });
      }
      return true;
    }
    const i = idx.unitAt.get(req.id);
    setInspectorOpen(true);
    if (i !== undefined) h.reveal({ ...idx.unitRect(i), w: Math.min(idx.unitRect(i).w, 600), h: Math.min(idx.unitRect(i).h, 400) });
    return true;
  }), [scene]);

  // The keyboard's place on the map (./mapNav): follows the selection made by pointer or in another view.
  const [focus, setFocus] = useState<MapFocus | null>(null);
  const [inspectorFocus, setInspectorFocus] = useState(0);
  useEffect(() => {
    const idx = handle.current?.index();
    setFocus((f) => (idx ? focusForSelection(idx, f, persons, units) : null));
  }, [scene, persons, units]);

  /** What the live region says about a unit or chip (ui/src/a11y). */
  const describeFocus = (idx: TeamMapIndex, f: MapFocus): string => {
    const s = idx.scene;
    const unitName = (i: number) => s.unit_content[i]?.name ?? "";
    if (f.kind === "chip") {
      const c = s.chip_content[f.k];
      const i = idx.unitAt.get(s.chip_unit[f.k] as number) ?? -1;
      return c ? describeChip({ name: c.name, title: c.title, unit: unitName(i), allocation: c.allocation, isOpenPosition: c.isOpenPosition }) : "";
    }
    const c = s.unit_content[f.i];
    if (!c) return "";
    const parent = idx.parentIndex[f.i] as number;
    let childUnits = 0;
    for (let i = 0; i < s.units.length; i++) if (idx.parentIndex[i] === f.i) childUnits++;
    return describeUnit({ name: c.name, kind: c.kind, parent: parent >= 0 ? unitName(parent) : null, headcount: c.headcount, openPositions: c.openPositions, childUnits });
  };

  /** Puts the keyboard on `f`: selects what it shows, keeps it on screen, and says what it is. */
  const focusOnItem = (idx: TeamMapIndex, f: MapFocus) => {
    setFocus(f);
    setInteraction(null);
    if (f.kind === "unit") ctl.selectUnit(idx.scene.units[f.i] as number);
    else ctl.selectPerson(idx.scene.chip_person[f.k] as number);
    handle.current?.show(mapFocusRect(idx, f));
    announce(describeFocus(idx, f));
  };

  // Collapsing is view state (no history): the back end keeps it per scenario, and the map is asked for again.
  const selectedUnitIndex = scene && selection.units.length === 1 && selection.persons.length === 0 ? scene.units.indexOf(selection.units[0] as number) : -1;
  const selectedContent = selectedUnitIndex >= 0 ? scene?.unit_content[selectedUnitIndex] : undefined;
  const viewOp = async (op: Promise<Result<null, CoreError>>) => {
    if (await ctl.run(op)) feed.refresh();
  };

  const ctx: TeamMapActionContext = {
    hasScene: !!scene,
    collapseState: selectedContent ? (selectedContent.collapsed ? "collapsed" : "open") : null,
    anyCollapsed: !!scene?.unit_content.some((c) => c.collapsed),
    toggleCollapsed: () => {
      if (selectedContent) void viewOp(commands.setCollapsed("team-map", selection.units[0] as number, !selectedContent.collapsed));
    },
    expandAll: () => void viewOp(commands.replaceCollapsed("team-map", [])),
    canGroup,
    canUngroup: !!selectedGroup,
    canDelete: selectedInteraction !== undefined,
    group: (as) => setGroupDialog(as ?? "ask"),
    ungroup: () => {
      if (!selectedGroup) return;
      const seats = records.memberships.filter((m) => m.unit === selectedGroup.id).map((m) => ({ ...m, name: "" }));
      apply(ungroupOp({ ...selectedGroup, placed: false }, seats));
    },
    deleteSelected: () => { if (selectedInteraction) apply({ op: "remove-interaction", id: selectedInteraction.id }); },
    addTeam: () => setTeamMenu({ at: null, menu: teamButtonPoint() }),
    autoArrange: () => apply(AUTO_ARRANGE),
    fit: () => handle.current?.fit(),
    zoomBy: (f) => handle.current?.zoomBy(f),
    cancel: () => {
      if (handle.current?.cancelGesture()) return;
      if (placing) return setPlacing(null);
      if (modeChooser) return setModeChooser(null);
      setInteraction(null);
      ctl.select(null);
    },
    get canvasFocused() {
      return !placing && !!handle.current?.focused();
    },
    step: (to) => {
      const idx = handle.current?.index();
      if (!idx) return;
      const next = !focus ? firstFocus(idx) : to === "into" ? focusInto(idx, focus) : to === "out" ? focusOut(idx, focus) : stepFocus(idx, focus, to);
      if (next) focusOnItem(idx, next);
    },
    inspect: () => {
      if (!focus) return;
      setInspectorOpen(true);
      setInspectorFocus(Date.now());
    },
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const modal = useRef(false);
  modal.current = groupDialog !== null || teamMenu !== null;
  const teamButton = useRef<HTMLSpanElement>(null);
  const teamButtonPoint = () => {
    const b = teamButton.current?.getBoundingClientRect();
    return b ? { x: b.left, y: b.bottom + 2 } : { x: 80, y: 80 };
  };
  // Enter on the map: the inspector's first field (or button) takes the focus; Escape there gives it back.
  useEffect(() => {
    if (!inspectorFocus) return;
    const box = document.querySelector<HTMLElement>(".teammap-inspector");
    const el = box?.querySelector<HTMLElement>("input, select, textarea") ?? box?.querySelector<HTMLElement>("button");
    el?.focus();
  }, [inspectorFocus]);
  const empty = !!scene && records.units.length === 0;
  useEffect(() => attachKeyboard(window, registry, () => ctxRef.current, { platform, suspended: () => modal.current }), [registry, platform]);

  const button = (id: string) => <ActionButton registry={registry} ctx={ctx} platform={platform} id={id} />;

  const inspector = !inspectorOpen ? null : selectedInteraction ? (
    <InteractionInspector key={`i${selectedInteraction.id}`} interaction={selectedInteraction} records={records} apply={apply} onClose={() => setInspectorOpen(false)} />
  ) : selection.units.length === 1 && records.units.find((u) => u.id === selection.units[0]) ? (
    <UnitInspector key={`u${selection.units[0]}`} unit={records.units.find((u) => u.id === selection.units[0]) as DocState["records"]["units"][number]} records={records} apply={apply}
      onSelectUnit={(id) => ctl.selectUnit(id)} onClose={() => setInspectorOpen(false)}
      budgets={doc ? { records: doc.records, apply: (op) => ctl.applyOrRefusal(op) } : undefined} />
  ) : selection.persons.length === 1 && selection.units.length === 0 && records.persons.find((p) => p.id === selection.persons[0]) ? (
    <SeatsInspector key={`p${selection.persons[0]}`} person={records.persons.find((p) => p.id === selection.persons[0]) as DocState["records"]["persons"][number]} records={records} apply={apply}
      onSelectUnit={(id) => ctl.selectUnit(id)} onClose={() => setInspectorOpen(false)} />
  ) : null;

  return (
    <div className="teammap">
      <div className="teammap-toolbar" role="toolbar" aria-label="Team map">
        {/* Folded into "More" from the lowest priority when the map's pane is narrow (chrome/ToolbarGroups). */}
        <ToolbarGroups groups={[
          {
            id: "history", label: "History", priority: 1, node: (
              // Ctrl/Cmd+Z and Shift+Z are the history's (ui/src/history); the buttons say what they would undo.
              <>
                <button type="button" disabled={!doc?.history.undo} title={doc?.history.undo ? `Undo ${doc.history.undo}` : "Nothing to undo"} onClick={() => void ctl.undo()}>Undo</button>
                <button type="button" disabled={!doc?.history.redo} title={doc?.history.redo ? `Redo ${doc.history.redo}` : "Nothing to redo"} onClick={() => void ctl.redo()}>Redo</button>
              </>
            ),
          },
          { id: "teams", label: "Teams", priority: 4, node: <><span ref={teamButton}>{button("add-team")}</span>{button("group-team")}{button("group-group")}{button("ungroup")}</> },
          { id: "folding", label: "Folding", priority: 2, node: <>{button("map-toggle-collapsed")}{button("map-expand-all")}</> },
          { id: "view", label: "View", priority: 3, node: <>{button("auto-arrange")}{button("map-zoom-out")}{button("map-zoom-in")}{button("map-fit")}</> },
        ]} />
      </div>
      <div className="workspace">
        <UnassignedTray persons={tray} selected={persons} handle={handle}
          onSelect={(id, additive) => {
            setInteraction(null);
            setInspectorOpen(true);
            if (additive) ctl.select({ persons: toggle(selection.persons, id), units: selection.units });
            else ctl.selectPerson(id);
          }}
          verdict={(_p, i, idx) => trayDropVerdict(i < 0 ? null : unitRef(idx, i))}
          onDrop={(p: Person, i, idx) => {
            apply(joinOp(p, idx.scene.units[i] as number, records.memberships));
            ctl.selectPerson(p.id);
          }} />
        {scene ? (
          <div className="teammap-canvas-host" onPointerDownCapture={(e) => { lastPress.current = { x: e.clientX, y: e.clientY }; }}
            onContextMenu={(e) => {
              e.preventDefault();
              setTeamMenu({ at: handle.current?.worldAt(e.clientX, e.clientY) ?? null, menu: { x: e.clientX, y: e.clientY } });
            }}>
          <TeamMapCanvas
            scene={scene}
            selectedPersons={persons}
            selectedUnits={units}
            selectedInteraction={interaction}
            handleRef={handle}
            focus={focus}
            personColours={personColours}
            hits={hits}
            label={`Team map, ${scene.units.length.toLocaleString("en")} teams and groups. Arrow keys move between them, Shift+Down goes into one, Shift+Up out, Enter opens the inspector.`}
            onFocusChange={(on) => {
              const idx = handle.current?.index();
              if (on && idx) announce(focus ? describeFocus(idx, focus) : "Nothing focused: press an arrow key to start at the first team");
            }}
            onClick={(pick, { shift }, idx) => {
              if (placing) {
                const p = lastPress.current, at = p ? handle.current?.worldAt(p.x, p.y) ?? null : null;
                setPlacing(null);
                void addTeam(placing, at);
                return;
              }
              setInspectorOpen(true);
              if (pick.kind !== "interaction") setInteraction(null);
              if (pick.kind === "chip") {
                const p = idx.scene.chip_person[pick.i] as number;
                if (shift) ctl.select({ persons: toggle(selection.persons, p), units: selection.units });
                else ctl.selectPerson(p);
              } else if (pick.kind === "unit" || pick.kind === "handle") {
                const u = idx.scene.units[pick.i] as number;
                if (shift) ctl.select({ persons: selection.persons, units: toggle(selection.units, u) });
                else ctl.selectUnit(u);
              } else if (pick.kind === "interaction") {
                setInteraction(idx.scene.interactions[pick.i]?.id ?? null);
                ctl.select(null);
              } else if (pick.inside !== undefined) {
                ctl.selectUnit(idx.scene.units[pick.inside] as number);
              } else if (!shift) ctl.select(null);
            }}
            chipVerdict={(k, u, add, idx): DropVerdict => {
              const seat = chipSeat(idx, k);
              return chipDropVerdict(seat, unitRef(idx, u), seatsOf(idx, seat.person), add);
            }}
            onChipDrop={(k, u, add, idx) => {
              const seat = chipSeat(idx, k);
              move(chipDropOp(seat, unitRef(idx, u), seatsOf(idx, seat.person), add));
              ctl.selectPerson(seat.person);
            }}
            unitVerdict={(i, g, idx) => unitDropVerdict(unitRef(idx, i), g < 0 ? null : unitRef(idx, g))}
            onUnitDrop={(i, g, at, idx) => move(unitDropOp(unitRef(idx, i), g < 0 ? null : unitRef(idx, g), at))}
            onLasso={(rect, additive, idx) => {
              const hit = idx.enclosed(rect);
              const ps = [...new Set(hit.chips.map((k) => idx.scene.chip_person[k] as number))];
              const us = hit.units.map((i) => idx.scene.units[i] as number);
              setInteraction(null);
              ctl.select(additive ? { persons: union(selection.persons, ps), units: union(selection.units, us) } : { persons: ps, units: us });
            }}
            onLink={(from, to, at, idx) => {
              setModeChooser({ from: idx.scene.units[from] as number, to: idx.scene.units[to] as number, x: at.x, y: at.y });
            }}
          />
          {empty && (
            <div className="teammap-empty placeholder">
              <p>No teams yet.</p>
              <button type="button" className="primary" onClick={(e) => setTeamMenu({ at: null, menu: { x: e.clientX, y: e.clientY } })}>Create a team</button>
            </div>
          )}
          {placing && <p className="place-team-hint" role="status">Click where the new team goes (Enter: in the middle, Escape cancels)</p>}
          {colourKey && <ColourLegend colourKey={colourKey} entries={coloured} />}
          </div>
        ) : (
          <p className="placeholder">Arranging the team map…</p>
        )}
        {inspector && (
          <div className="inspector-keys" onKeyDown={(e) => {
            // Escape in the inspector (once its field has let it through) returns to the map where the keys were.
            if (e.key !== "Escape" || e.defaultPrevented) return;
            e.preventDefault();
            handle.current?.focus();
          }}>{inspector}</div>
        )}
      </div>
      {teamMenu && (
        <NewTeamMenu at={teamMenu.menu} onCancel={() => { setTeamMenu(null); handle.current?.focus(); }} onChoose={(kind) => {
          const { at } = teamMenu;
          setTeamMenu(null);
          handle.current?.focus();
          // From the context menu (a point) or an empty map (nowhere to click) it is made at once; else the click places it.
          if (at || empty) void addTeam(kind, at);
          else setPlacing(kind);
        }} />
      )}
      {modeChooser && (
        <ModeChooser at={modeChooser} onCancel={() => setModeChooser(null)} onChoose={(mode) => {
          apply(interactionOp(modeChooser.from, modeChooser.to, mode));
          setModeChooser(null);
        }} />
      )}
      {groupDialog && (
        <GroupDialog initial={groupDialog === "ask" ? "team" : groupDialog} count={selection.persons.length + selection.units.length}
          onCancel={() => { setGroupDialog(null); handle.current?.focus(); }}
          onConfirm={(as, name) => { setGroupDialog(null); handle.current?.focus(); void group(as, name); }} />
      )}
    </div>
  );
}

const toggle = (list: readonly number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])];

function ModeChooser({ at, onChoose, onCancel }: { at: { x: number; y: number }; onChoose: (m: InteractionMode) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="menu mode-chooser" role="menu" aria-label="Interaction mode" style={{ left: at.x, top: at.y }} onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); onCancel(); } }}>
      {INTERACTION_MODES.map((m, i) => (
        <button key={m} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onChoose(m)}>
          <span className={`mode-swatch mode-${m}`} style={{ borderColor: MODE_STYLES[m].colour }} /> {MODE_STYLES[m].label}
        </button>
      ))}
      <button type="button" role="menuitem" className="muted" onClick={onCancel}>Cancel</button>
    </div>
  );
}

function GroupDialog({ initial, count, onConfirm, onCancel }: { initial: GroupAs; count: number; onConfirm: (as: GroupAs, name: string) => void; onCancel: () => void }) {
  const [as, setAs] = useState<GroupAs>(initial);
  const [name, setName] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const ok = name.trim() !== "";
  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); onCancel(); } }}>
      <form className="modal" role="dialog" aria-modal="true" aria-label="Group the selection" onSubmit={(e) => { e.preventDefault(); if (ok) onConfirm(as, name.trim()); }}>
        <h2>Group {count} selected {count === 1 ? "item" : "items"}</h2>
        <fieldset className="group-kind">
          <label><input type="radio" name="group-as" checked={as === "team"} onChange={() => setAs("team")} /> Into a team</label>
          <label><input type="radio" name="group-as" checked={as === "group"} onChange={() => setAs("group")} /> Into a group</label>
        </fieldset>
        <label className="field">
          <span>Name</span>
          <input ref={input} aria-label="Name of the new unit" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={!ok}>Create</button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </div>
  );
}

