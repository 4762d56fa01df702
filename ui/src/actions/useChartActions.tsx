// The org chart's interaction state (selection, search highlights, inspector, dialogs) and the action context the
// registry runs against. The app shell renders the pieces; the logic they call is in the plain modules beside.
import { fieldsDialog } from "../fields/fieldsStore";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { CardContent, DocState, DottedLine, Op, OrgChartScene, Person, Unit } from "../bindings";
import type { AppController } from "../app/controller";
import type { ChartHandle } from "../chart/ChartView";
import { sceneLevels } from "../canvas/firstView";
import { SidePanel } from "../chrome/SidePanel";
import type { ToolbarGroup } from "../chrome/ToolbarGroups";
import { readStored, writeStored } from "../chrome/panelWidth";
import { InspectorPanel } from "../inspector/InspectorPanel";
import { ReportingLines } from "../inspector/ReportingLines";
import type { DropMods } from "../canvas/interaction";
import { dropOp, managersById, reportsTo } from "../app/drop";
import { ConfirmDialog } from "../inspector/ConfirmDialog";
import { deletePlan, displayName, type DeletePlan } from "../inspector/deletePlan";
import { newOpenPosition, newReport, type FormField } from "../inspector/personForm";
import { teamSeats } from "../inspector/teams";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform, formatChord, parseShortcut } from "../keyboard/shortcuts";
import { TreeNav, type Direction } from "../keyboard/treeNav";
import { SearchBox, type SearchRow } from "../search/SearchBox";
import { entriesFromRecords, SearchIndex } from "../search/searchIndex";
import { ActionButton, ActionMenu, ShortcutList } from "./ActionViews";
import { CANVAS_MENU, CARD_MENU, createAppRegistry, type ChartActionContext, type CollapseState } from "./appActions";
import { transferShortcutRows } from "./transferActions";
import { focusOn, keepAt, panIntoView, screenPointOf, zoomAroundCentre } from "./cameraMoves";
import { ancestorsToExpand, collapsedForLevel, indexById, managerChain } from "./orgTree";
import { revealBus } from "../app/reveal";
import { announce } from "../a11y/announcer";
import { describePerson } from "../a11y/describe";
import { applyMove } from "../asof/datedMove";

const EMPTY_SET: ReadonlySet<number> = new Set();
const MINIMAP_KEY = "topograph.minimap";
const LEGEND_KEY = "topograph.legend";
/** The chart's cards and spacing (crates/scene SceneOptions, crates/layout LayoutOptions), for the levels that fit. */
/** Levels the toolbar offers; deeper than the org collapses no one. */
const LEVELS = 10;
const NO_PERSONS: Person[] = [];
const NO_UNITS: Unit[] = [];
const NO_DOTTED: DottedLine[] = [];

type Pending =
  | { id: number; mode: "centre" | "show"; before: OrgChartScene | null; tries: number }
  | { mode: "fit"; before: OrgChartScene | null }
  /** A big org's first folding: one level fewer while the root and their reports cannot be read together. */
  | { mode: "fold"; levels: number; before: OrgChartScene | null }
  | { id: number; mode: "keep"; at: { x: number; y: number }; before: OrgChartScene | null };

export interface ChartActionsInput {
  ctl: AppController;
  doc: DocState | null;
  scene: OrgChartScene | null;
  /** person id → what their card shows (the scene's cards by id). */
  content: ReadonlyMap<number, CardContent>;
  /** The org chart is the view on screen: its keys listen only then. */
  active?: boolean;
  /** person id → manager id, when the caller has it already (a 100k map is worth building once per edit). */
  managers?: ReadonlyMap<number, number | null>;
}

export function useChartActions({ ctl, doc, scene, content, active = true, managers: given }: ChartActionsInput) {
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createAppRegistry, []);
  // Import… and Export data listen in every view (ImportHost); the org chart's shortcut list names them too.
  const transferRows = useMemo(() => transferShortcutRows(platform), [platform]);
  const chartRef = useRef<ChartHandle | null>(null);
  const searchInputRef = useRef<HTMLInputElement>(null);

  // The selection lives in the controller, shared with the other views; the chart shows its primary person.
  const selected = useSyncExternalStore(ctl.subscribe, () => ctl.snapshot().selection.persons[0] ?? null);
  const setSelected = useCallback((id: number | null) => ctl.selectPerson(id), [ctl]);
  const activeRef = useRef(active);
  activeRef.current = active;
  const [searchHits, setSearchHits] = useState<ReadonlySet<number>>(EMPTY_SET);
  const [searchChain, setSearchChain] = useState<ReadonlySet<number>>(EMPTY_SET);
  const [inspectorOpen, setInspectorOpen] = useState(true);
  // Each focus request names its person: the inspector mounts afresh for every selected person, and an old request
  // must not pull the focus out of the chart when the arrow keys select someone else.
  const [inspectorFocus, setInspectorFocus] = useState<{ field: FormField; nonce: number; id: number } | null>(null);
  const [confirm, setConfirm] = useState<DeletePlan | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; on: "card" | "canvas" } | null>(null);
  /** The person Ctrl/Cmd+X cut, waiting for Ctrl/Cmd+V on their new manager. */
  const [cutId, setCutId] = useState<number | null>(null);
  const [reportingFocus, setReportingFocus] = useState<{ field: string; nonce: number; id: number } | null>(null);
  const [teamFocus, setTeamFocus] = useState(0);
  const [help, setHelp] = useState(false);
  // Shown unless put away; remembered for the next start (the app's settings, not the document's).
  const [minimapShown, setMinimapShown] = useState(() => readStored(MINIMAP_KEY) !== "hidden");
  const [legendShown, setLegendShown] = useState(() => readStored(LEGEND_KEY) === "shown");
  /**
   * A camera move waiting for the next layout: bring a person on screen once their card exists (after expanding
   * their managers, after creating them), or keep a card where it was (after folding or unfolding).
   */
  const pending = useRef<Pending | null>(null);
  const confirmOpen = useRef(false);
  confirmOpen.current = confirm !== null;

  const persons = doc?.records.persons ?? NO_PERSONS;
  const units = doc?.records.units ?? NO_UNITS;
  const memberships = doc?.records.memberships;
  const dottedLines = doc?.records.dotted_lines ?? NO_DOTTED;
  const managers = useMemo(() => given ?? managersById(persons), [given, persons]);
  // Lists arrive sorted by id: people are found by binary search, so an edit at 100k builds no map.
  const personOf = useCallback((id: number): Person | undefined => persons[indexById(persons, id)], [persons]);
  const unitById = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const managerOf = useCallback((id: number) => personOf(id)?.manager, [personOf]);
  /** Direct reports of the selected person, counted once per version of the records. */
  const selectedReports = useMemo(() => {
    if (selected === null) return 0;
    let n = 0;
    for (const p of persons) if (p.manager === selected) n++;
    return n;
  }, [persons, selected]);

  // Built on first use, once per version of the records (a 100k index costs ~100 ms; most edits never search).
  const searchIndex = useMemo(() => {
    let idx: SearchIndex | null = null;
    return () => (idx ??= new SearchIndex(entriesFromRecords(persons, units, memberships ?? [])));
  }, [persons, units, memberships]);
  const nav = useMemo(() => {
    let n: TreeNav | null = null;
    return () => (scene ? (n ??= new TreeNav(scene.ids, managerOf)) : null);
  }, [scene, managerOf]);
  const anyCollapsed = useMemo(() => scene?.cards.some((c) => c.collapsedCount > 0) ?? false, [scene]);

  // The selected person was deleted (or another document opened): nothing is selected.
  useEffect(() => {
    if (selected !== null && !personOf(selected)) setSelected(null);
  }, [selected, personOf]);

  const collapseState = (id: number | null): CollapseState | null => {
    if (id === null) return null;
    if ((content.get(id)?.collapsedCount ?? 0) > 0) return "collapsed";
    const reports = id === selected ? selectedReports : persons.some((p) => p.manager === id) ? 1 : 0;
    return reports > 0 ? "expanded" : "leaf";
  };

  /** Brings a card on screen: centred and readable (search), or the least pan that shows it (arrows, new cards). */
  const bringIntoView = (id: number, zoom: boolean): boolean => {
    const h = chartRef.current;
    const rect = h?.cardRect(id);
    if (!h || !rect) return false;
    const cam = h.camera();
    h.setCamera(zoom ? focusOn(cam, rect, h.viewport(), 0.8, h.zoomLimits()) : panIntoView(cam, rect, h.viewport()));
    return true;
  };

  // After every render, so a layout that landed while an action was still awaiting the back end is not missed.
  useEffect(() => {
    const p = pending.current, h = chartRef.current;
    if (!p || !h || p.before === scene) return;
    if (p.mode === "fit" || p.mode === "fold") {
      pending.current = null;
      const view = h.firstView();
      if (p.mode === "fold" && !view.reportsShown && p.levels > 2) {
        pending.current = { mode: "fold", levels: p.levels - 1, before: scene };
        void ctl.replaceCollapsed(collapsedForLevel(persons, p.levels - 1));
        return;
      }
      h.setCamera(view.camera);
      return;
    }
    const rect = h.cardRect(p.id);
    if (!rect) {
      // A layout in between (the create's own, before its manager unfolds) may lack the card: wait for a few more.
      pending.current = p.mode !== "keep" && p.tries < 3 ? { ...p, before: scene, tries: p.tries + 1 } : null;
      return;
    }
    pending.current = null;
    if (p.mode === "keep") {
      h.setCamera(keepAt(h.camera(), rect, p.at));
      // Where the card was may be off screen now (a point near the edge, a much wider subtree): show it whole.
      bringIntoView(p.id, false);
    } else bringIntoView(p.id, p.mode === "centre");
  });

  /**
   * Fit and Reset view: the composed first view. When the root and their direct reports cannot be read together at
   * the chart's folding (each report heads their team's block, so the row is wide), the deepest level shown folds, as
   * on a first opening, until they can or only they are left: the compact arrangement then packs them closer.
   */
  const fitView = () => {
    const h = chartRef.current;
    if (!h) return;
    const view = h.firstView();
    h.setCamera(view.camera);
    const shown = h.scene();
    if (view.reportsShown || !doc?.document || persons.length === 0) return;
    const levels = sceneLevels(shown, managerOf).reduce((a, b) => Math.max(a, b), 0) + 1;
    if (levels <= 2) return;
    pending.current = { mode: "fold", levels: levels - 1, before: scene };
    void ctl.replaceCollapsed(collapsedForLevel(persons, levels - 1));
  };

  /** Expects a relayout, after which the card of `id` has its top-left corner at screen point `at`. */
  const keepCardAt = (id: number, at: { x: number; y: number }) => {
    pending.current = { id, mode: "keep", at, before: scene };
  };

  // A finding's subject (ui/src/app/reveal): the card is centred once the chart shows it, as search does.
  useEffect(() => revealBus.listen(["person"], (req) => {
    pending.current = { id: req.id, mode: "centre", before: null, tries: 0 };
    return true;
  }), []);

  /** Expects a relayout, after which the card of `id` (the selection) stays where it is on screen now. */
  const keepSelectionInPlace = () => {
    const h = chartRef.current, rect = selected === null ? null : h?.cardRect(selected);
    pending.current = h && rect && selected !== null ? { id: selected, mode: "keep", at: screenPointOf(h.camera(), rect), before: scene } : null;
  };

  const select = (id: number | null) => {
    setSelected(id);
    setMenu(null);
  };

  /** The sentence the live region says about a person's card (ui/src/a11y): who, their manager and reports. */
  const describeCard = (id: number): string => {
    const p = personOf(id);
    if (!p) return "";
    const m = p.manager === null ? undefined : personOf(p.manager);
    let reports = 0;
    for (const q of persons) if (q.manager === id) reports++;
    return describePerson({
      name: p.name, title: p.title, manager: m ? displayName(m) : null, directReports: reports,
      isOpenPosition: p.status === "open-position", folded: content.get(id)?.collapsedCount ?? 0,
    });
  };

  /** Search's Enter: select the person, highlight them and their managers, expand what hides them, centre them. */
  const goTo = async (id: number) => {
    select(id);
    setInspectorOpen(true);
    setSearchHits(new Set([id]));
    setSearchChain(new Set(managerChain(managerOf, id)));
    chartRef.current?.focus();
    if (content.has(id)) {
      bringIntoView(id, true);
      return;
    }
    pending.current = { id, mode: "centre", before: scene, tries: 0 };
    const collapsed = await ctl.collapsedNodes();
    await ctl.expand(ancestorsToExpand(managerOf, id, new Set(collapsed ?? [])));
  };

  /** Adds a person or an open position under `manager`, or at the top of the chart for null (the first is the root). */
  const addUnder = async (kind: "person" | "open-position", manager: number | null) => {
    const person = kind === "person" ? newReport(manager) : newOpenPosition(manager);
    const id = await ctl.create({ op: "create-person", person });
    if (id === null) return;
    // A report added under a folded card would be invisible: unfold it.
    if (collapseState(manager) === "collapsed" && manager !== null) await ctl.expand([manager]);
    select(id);
    setInspectorOpen(true);
    setInspectorFocus({ field: kind === "person" ? "name" : "title", nonce: Date.now(), id });
    pending.current = { id, mode: "show", before: scene, tries: 0 };
  };

  /** Applies an edit of the selected person's reporting lines, keeping their card where it is on screen. */
  const applyKeeping = (op: Op) => {
    keepSelectionInPlace();
    void ctl.apply(op);
  };

  const cutPerson = cutId === null ? undefined : personOf(cutId);
  const canPaste = cutPerson !== undefined && selected !== null && selected !== cutId && !!personOf(selected)
    && !reportsTo(managers, selected, cutPerson.id) && cutPerson.manager !== selected;

  const paste = () => {
    const moved = cutPerson, target = selected;
    if (!moved || target === null || !canPaste) return;
    // The moved card lands where the eye is: where the new manager's card is now.
    const h = chartRef.current, rect = h?.cardRect(target);
    if (h && rect) keepCardAt(moved.id, screenPointOf(h.camera(), rect));
    setCutId(null);
    void ctl.apply({ op: "move-subtree", person: moved.id, manager: target }).then((ok) => { if (ok) select(moved.id); });
  };

  const openReporting = (field: "reports-to" | "add-dotted-line") => {
    if (selected === null) return;
    setInspectorOpen(true);
    setReportingFocus({ field, nonce: Date.now(), id: selected });
  };

  const ctx: ChartActionContext = {
    hasDocument: !!doc?.document && !!scene,
    selected,
    undoLabel: doc?.history.undo ?? null,
    redoLabel: doc?.history.redo ?? null,
    collapseState: collapseState(selected),
    anyCollapsed,
    cutName: cutPerson ? displayName(cutPerson) : null,
    canPaste,
    undo: () => void ctl.undo(),
    redo: () => void ctl.redo(),
    move: (dir: Direction) => {
      const n = nav();
      if (!n) return;
      const next = selected === null || !n.has(selected) ? n.first() : n.move(selected, dir);
      if (next === null) return;
      select(next);
      bringIntoView(next, false);
      announce(describeCard(next));
    },
    openInspector: () => {
      const p = selected === null ? undefined : personOf(selected);
      if (!p) return;
      setInspectorOpen(true);
      setInspectorFocus({ field: p.name.trim() === "" ? "title" : "name", nonce: Date.now(), id: p.id });
    },
    requestDelete: () => {
      const p = selected === null ? undefined : personOf(selected);
      if (p) setConfirm(deletePlan(p, persons));
    },
    addReport: () => void addUnder("person", selected),
    addOpenPosition: () => { if (selected !== null) void addUnder("open-position", selected); },
    addPerson: () => void addUnder("person", null),
    changeManager: () => openReporting("reports-to"),
    addDottedLine: () => openReporting("add-dotted-line"),
    addToTeam: () => {
      if (selected === null) return;
      setInspectorOpen(true);
      setTeamFocus(Date.now());
    },
    cut: () => {
      const p = selected === null ? undefined : personOf(selected);
      if (!p) return;
      setCutId(p.id);
      ctl.info(`Cut ${displayName(p)}: select their new manager and paste (${registry.shortcutText("paste", platform)})`);
    },
    paste,
    openMenu: () => {
      // Beside the selected card's top-left corner, or in the middle of the chart with nobody selected.
      const h = chartRef.current, box = document.querySelector(".chart-canvas")?.getBoundingClientRect();
      if (!h || !box) return;
      const rect = selected === null ? null : h.cardRect(selected);
      const at = rect ? screenPointOf(h.camera(), rect) : { x: box.width / 2, y: box.height / 2 };
      setMenu({ x: box.left + at.x + 16, y: box.top + at.y + 16, on: rect ? "card" : "canvas" });
    },
    toggleCollapsed: () => {
      if (selected === null) return;
      keepSelectionInPlace();
      void ctl.setCollapsed(selected, collapseState(selected) !== "collapsed");
    },
    expandAll: () => {
      keepSelectionInPlace();
      void ctl.replaceCollapsed([]);
    },
    zoomBy: (factor) => {
      const h = chartRef.current;
      if (h) h.setCamera(zoomAroundCentre(h.camera(), h.viewport(), factor, h.zoomLimits()));
    },
    fit: () => fitView(),
    minimapShown,
    toggleMinimap: () => setMinimapShown((on) => {
      writeStored(MINIMAP_KEY, on ? "hidden" : "shown");
      return !on;
    }),
    legendShown,
    toggleLegend: () => setLegendShown((on) => {
      writeStored(LEGEND_KEY, on ? "hidden" : "shown");
      return !on;
    }),
    openFields: () => fieldsDialog.set(true),
    focusSearch: () => {
      searchInputRef.current?.focus();
      searchInputRef.current?.select();
    },
    cancel: () => {
      if (chartRef.current?.cancelGesture()) return;
      if (menu) return setMenu(null);
      if (help) return setHelp(false);
      if (cutId !== null) {
        setCutId(null);
        ctl.info("Cut cancelled");
        return;
      }
      if (searchHits.size > 0 || searchChain.size > 0) {
        setSearchHits(EMPTY_SET);
        setSearchChain(EMPTY_SET);
        return;
      }
      select(null);
    },
    toggleShortcutHelp: () => setHelp((h) => !h),
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  useEffect(
    () => attachKeyboard(window, registry, () => ctxRef.current, { platform, suspended: () => confirmOpen.current || !activeRef.current }),
    [registry, platform],
  );

  const onHits = useCallback((ids: number[]) => {
    setSearchHits(ids.length === 0 ? EMPTY_SET : new Set(ids));
    setSearchChain(EMPTY_SET);
  }, []);
  const searchRow = useCallback((id: number): SearchRow | undefined => {
    const p = personOf(id);
    if (!p) return undefined;
    const teams = searchIndex().entry(id)?.teams ?? [];
    return { name: displayName(p), title: p.title, teams: [...teams], isOpenPosition: p.status === "open-position" };
  }, [personOf, searchIndex]);

  // "Add to team…": the inspector's teams section, at its first field or button (what it offers is the team
  // helpers' to say), or at least scrolled into view.
  useEffect(() => {
    if (!teamFocus) return;
    const section = document.querySelector<HTMLElement>('.inspector section[aria-label="Teams"]');
    const el = section?.querySelector<HTMLElement>("input, select, button");
    section?.scrollIntoView({ block: "nearest" });
    if (el) el.focus();
    else ctl.info("Drag the person onto a team on the Team map to add them to it");
  }, [teamFocus, ctl]);

  // A big org opens folded to the levels that can be read in the window: the back end folds its first layout for
  // the view (app/chartFrame.ts) when nothing of it is folded, so the first frame is already the folded chart. On
  // the document's first opening on this machine that folding is kept in the document; on a later one, nothing kept
  // folded means the user unfolded it, and the whole chart is laid out instead. A scenario switch folds (and keeps
  // folded) only a big scenario nothing of which is folded, on its first visit since the document opened (crates/api
  // Session::fold_first_visit).
  const docPath = doc?.document?.path ?? null;
  const foldedFirst = useRef<string | null>(null);
  useEffect(() => {
    if (!docPath || !scene || scene.ids.length === 0) return;
    const key = docPath;
    if (foldedFirst.current === key) return;
    foldedFirst.current = key;
    const stored = `topograph.firstView.${key}`;
    const openedHere = readStored(stored) !== undefined;
    writeStored(stored, "1");
    if (!anyCollapsed) return;
    const before = scene;
    void ctl.collapsedNodes().then((folded) => {
      if (!folded || folded.length > 0) return; // the document's own folding
      if (openedHere) return ctl.refreshScene();
      const nodes = before.ids.filter((_, i) => (before.cards[i]?.collapsedCount ?? 0) > 0);
      const levels = sceneLevels(before, managerOf).reduce((a, b) => Math.max(a, b), 0) + 1;
      pending.current = { mode: "fold", levels, before };
      void ctl.replaceCollapsed(nodes);
    });
  }, [docPath, scene, anyCollapsed, ctl, managerOf]);

  const selectedSet = useMemo(() => (selected === null ? EMPTY_SET : new Set([selected])), [selected]);
  const person = selected === null ? undefined : personOf(selected);

  const button = (id: string, className?: string) => <ActionButton registry={registry} ctx={ctx} platform={platform} id={id} className={className} />;
  // Folded into "More" from the lowest priority when the window is narrow (chrome/ToolbarGroups).
  const toolbarGroups: ToolbarGroup[] = [
    { id: "history", label: "History", priority: 4, node: <>{button("undo")}{button("redo")}</> },
    { id: "person", label: "Person", priority: 1, node: <>{button("add-report")}{button("add-open-position")}</> },
    {
      id: "folding", label: "Folding", priority: 2, node: (
        <>
          {button("toggle-collapsed")}
          {button("expand-all")}
          <select
            className="level-select"
            aria-label="Expand to level"
            title="Show the chart down to a level; deeper people fold into their managers' cards"
            value=""
            disabled={!ctx.hasDocument}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (n > 0) {
                // The chart refits to the levels chosen once they are laid out.
                pending.current = { mode: "fit", before: scene };
                void ctl.replaceCollapsed(collapsedForLevel(persons, n));
              }
              e.target.blur();
            }}
          >
            <option value="">Levels…</option>
            {Array.from({ length: LEVELS }, (_, i) => (
              <option key={i + 1} value={i + 1}>{i === 0 ? "1 level" : `${i + 1} levels`}</option>
            ))}
          </select>
        </>
      ),
    },
    { id: "zoom", label: "Zoom", priority: 5, node: <>{button("zoom-out", "icon-text")}{button("zoom-in", "icon-text")}{button("fit")}</> },
    { id: "show", label: "View", priority: 3, node: <>{button("toggle-minimap")}{button("toggle-legend")}{button("custom-fields")}</> },
  ];

  const toolbarEnd = (
    <>
      <SearchBox
        index={searchIndex}
        row={searchRow}
        inputRef={searchInputRef}
        onHits={onHits}
        onChoose={(id) => void goTo(id)}
        onDismiss={() => { onHits([]); chartRef.current?.focus(); }}
        shortcut={formatChord(parseShortcut("Mod+F"), platform)}
        disabled={!ctx.hasDocument}
      />
      <button type="button" className="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelp((h) => !h)}>?</button>
    </>
  );

  const inspector = person && inspectorOpen && doc?.document ? (
    <SidePanel id="inspector" label="inspector" limits={{ min: 260, max: 560 }} defaultWidth={320}>
    <InspectorPanel
      key={person.id}
      person={person}
      manager={person.manager === null ? null : { id: person.manager, name: displayName(personOf(person.manager) ?? { name: `#${person.manager}`, title: "" }) }}
      teams={teamSeats(person.id, memberships ?? [], unitById)}
      directReports={selectedReports}
      collapse={{ state: collapseState(person.id) ?? "leaf", hidden: content.get(person.id)?.collapsedCount ?? 0 }}
      onApply={(p) => { keepSelectionInPlace(); return ctl.applyOrRefusal({ op: "update-person", person: p }); }}
      onSelect={(id) => { select(id); bringIntoView(id, false); }}
      onToggleCollapsed={ctx.toggleCollapsed}
      onAddReport={ctx.addReport}
      onAddOpenPosition={ctx.addOpenPosition}
      onDelete={ctx.requestDelete}
      onClose={() => { setInspectorOpen(false); chartRef.current?.focus(); }}
      onDone={() => chartRef.current?.focus()}
      focus={inspectorFocus?.id === person.id ? inspectorFocus : null}
      reporting={
        <ReportingLines
          person={person}
          persons={persons}
          managers={managers}
          dottedLines={dottedLines}
          personOf={personOf}
          onApply={applyKeeping}
          onSelect={(id) => { select(id); bringIntoView(id, false); }}
          focus={reportingFocus?.id === person.id ? reportingFocus : null}
          onDone={() => chartRef.current?.focus()}
        />
      }
      shortcuts={{ inspect: registry.shortcutText("inspect", platform), delete: registry.shortcutText("delete", platform), toggle: registry.shortcutText("toggle-collapsed", platform) }}
      teamEditing={{ units, memberships: memberships ?? [], apply: (op) => void ctl.apply(op) }}
    />
    </SidePanel>
  ) : null;

  const overlays = (
    <>
      {menu && (menu.on === "canvas" || selected !== null) && (
        <ActionMenu registry={registry} ctx={ctx} platform={platform} items={menu.on === "canvas" ? CANVAS_MENU : CARD_MENU} at={menu} onClose={() => setMenu(null)} />
      )}
      {help && <ShortcutList registry={registry} ctx={ctx} platform={platform} extra={transferRows} onClose={() => setHelp(false)} />}
      {confirm && (
        <ConfirmDialog
          title={confirm.title}
          body={confirm.body}
          confirmLabel={confirm.confirmLabel}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const plan = confirm;
            const manager = selected === null ? null : (personOf(selected)?.manager ?? null);
            setConfirm(null);
            void ctl.apply(plan.op).then((ok) => { if (ok) select(manager); });
          }}
        />
      )}
    </>
  );

  return {
    selected,
    /** Fit (and Reset view): see `fitView`. */
    fitView,
    /** The empty chart's "Add the first person". */
    addPerson: () => ctxRef.current.addPerson(),
    chartProps: {
      selected: selectedSet,
      searchHits,
      searchChain,
      handleRef: chartRef,
      label: `Org chart, ${(scene?.ids.length ?? 0).toLocaleString("en")} cards. Arrow keys move between cards, Enter opens the inspector.`,
      // Tab reached the chart: say which card the arrow keys start from.
      onFocus: () => {
        const id = ctxRef.current.selected;
        announce(id !== null && content.has(id) ? describeCard(id) : "No card selected: press an arrow key to start at the top of the org");
      },
      onSelect: (id: number | null) => {
        select(id);
        if (id !== null) setInspectorOpen(true);
      },
      // The inspector opening narrows the chart: a selected card it now covers is brought back into view.
      onViewportChange: () => {
        const id = ctxRef.current.selected;
        if (id !== null && !pending.current) bringIntoView(id, false);
      },
      onContextMenu: (id: number | null, at: { x: number; y: number }) => {
        if (id === null) {
          if (!ctxRef.current.hasDocument) return setMenu(null);
          select(null);
          return setMenu({ ...at, on: "canvas" });
        }
        select(id);
        setMenu({ ...at, on: "card" });
      },
      // Empty canvas: a new person at the top; a card: its details.
      onDoubleClick: (id: number | null) => {
        if (id === null) {
          if (ctxRef.current.hasDocument) ctxRef.current.addPerson();
          return;
        }
        select(id);
        ctxRef.current.openInspector();
      },
      // A moved card lands where it was dropped (the pointer); a dotted line moves nobody.
      onDrop: (dragged: number, target: number, mods: DropMods) => {
        const h = chartRef.current, rect = h?.cardRect(dragged);
        if (h && rect && !mods.shift) {
          const z = h.camera().zoom;
          keepCardAt(dragged, { x: mods.at.x - (rect.w * z) / 2, y: mods.at.y - (rect.h * z) / 2 });
        }
        const name = (id: number) => content.get(id)?.name ?? `person #${id}`;
        void applyMove(ctl, dropOp(dragged, target, mods), { what: `Moving ${name(dragged)} under ${name(target)}` });
      },
    },
    toolbarGroups,
    toolbarEnd,
    minimapShown,
    legendShown,
    toggleLegend: () => ctxRef.current.toggleLegend(),
    inspector,
    overlays,
  };
}
