// The desktop app's window content: toolbar, view tabs, the diagram on screen fed by the Rust back end, status bar.
import { asOfStore } from "../asof/asOfStore";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useChartActions } from "../actions/useChartActions";
import { createViewRegistry, type ViewActionContext } from "../actions/viewActions";
import { attachKeyboard } from "../keyboard/attach";
import { currentPlatform } from "../keyboard/shortcuts";
import { OwnershipView } from "../ownership/OwnershipView";
import { PlanView } from "../plan/PlanView";
import { SheetView } from "../sheet/SheetView";
import { highlightScope, sheetHighlight } from "../sheet/sheetHighlight";

const EMPTY_HITS: ReadonlySet<number> = new Set();
import { TeamMapView } from "../teammap/TeamMapView";
import type { DropVerdict } from "../canvas/interaction";
import type { CardContent } from "../canvas/scene";
import { ChartView } from "../chart/ChartView";
import { ScenarioBar } from "../scenarios/ScenarioBar";
import { useCompareMarks } from "../scenarios/compareMarksStore";
import { InsightsPanel, usePersonBadges } from "../insights/InsightsPanel";
import type { DocState } from "../bindings";
import { AppController, VIEWS, type AppView, type Status } from "./controller";
import { dropVerdict, managersById, managersFromScene, reportCounts } from "./drop";
import { cameraKey, forgetCamera, setCameraScope } from "./viewCameras";
import { RepairHost } from "./RepairHost";
import { EmptyState } from "./EmptyState";
import { NewDocumentHost, requestNewDocument } from "./NewDocumentHost";
import { testHooks } from "./testHooks";
import { ImportHost } from "../import/ImportHost";
import { ExportHost } from "../export/ExportHost";
import { HistoryHost } from "../history/HistoryPanel";
import { SettingsHost } from "../settings/SettingsDialog";
import { useBadgeTips } from "../insights/badgeTips";
import { ToolbarGroups } from "../chrome/ToolbarGroups";
import { shortName } from "../chrome/toolbarFit";
import { LegendPanel } from "../chart/LegendPanel";
import { pinPage } from "./pageScroll";
import { AsOfControl } from "../asof/AsOfControl";
import { DatedMoveHost } from "../asof/DatedMoveHost";
import { LiveRegion } from "../a11y/LiveRegion";
import { FieldsHost } from "../fields/FieldsDialog";
import { ColourLegend } from "../fields/ColourLegend";
import { colourBy, useColourBy, useFields } from "../fields/fieldsStore";
import { colourEntries, colourMarks, colourOptions } from "../fields/colourBy";
import { cardFieldLines } from "../fields/cardFields";
import "./app.css";

export function AppShell({ controller }: { controller?: AppController }) {
  const ctl = useMemo(() => controller ?? new AppController(), [controller]);
  useEffect(() => {
    void ctl.start();
    return () => ctl.dispose();
  }, [ctl]);
  useEffect(() => pinPage(window), []);
  // The compact chart follows the window's shape (app/chartFrame.ts): a resize to another shape lays it out again.
  useEffect(() => {
    const onResize = () => ctl.reframe();
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [ctl]);
  // End-to-end tests only (TOPOGRAPH_E2E=1): lets window.__topographTest read the status and the document.
  useEffect(() => testHooks.app?.attach(ctl), [ctl]);
  const { doc, scene, status, view } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  // Edits made on another tab were laid out for the room that tab left the chart: back on the chart, the shape is
  // checked again (app/chartFrame.ts reads the page as it is).
  useEffect(() => {
    if (view === "org-chart") ctl.reframe();
  }, [view, ctl]);
  // Exports draw the org on the as-of date, as the views do; the dialog says which day.
  const asOf = useSyncExternalStore(asOfStore(ctl).subscribe, asOfStore(ctl).snapshot).day;
  // Remounting the chart gives it its first camera again: the whole chart when it is legible, else its top.
  const [viewEpoch, setViewEpoch] = useState(0);

  const fields = useFields(doc);
  // The fields marked "on cards" as a line under each title: read from the records, so they follow edits at once.
  const fieldLines = useMemo(() => cardFieldLines(doc?.records.persons ?? [], fields), [doc?.records.persons, fields]);
  const content = useMemo<ReadonlyMap<number, CardContent>>(() => {
    const byId = new Map<number, CardContent>();
    if (scene) {
      scene.ids.forEach((id, i) => {
        const c = scene.cards[i];
        if (!c) return;
        const line = fieldLines.get(id);
        byId.set(id, line === undefined ? c : { ...c, fields: line });
      });
    }
    return byId;
  }, [scene, fieldLines]);
  const persons = doc?.records.persons;
  const recordManagers = useMemo(() => (persons ? managersById(persons) : null), [persons]);
  // The chart can be in before the records (it is drawn at once): its lines tell who reports to whom meanwhile.
  const managers = useMemo(() => recordManagers ?? (scene ? managersFromScene(scene) : new Map<number, number | null>()), [recordManagers, scene]);
  const reports = useMemo(() => reportCounts(doc?.records.persons ?? []), [doc?.records.persons]);
  const platform = useMemo(currentPlatform, []);
  const chartCamera = cameraKey("org-chart", doc?.document?.path, doc?.active_scenario);
  setCameraScope(doc?.document?.path, doc?.active_scenario);
  // Selection, search, inspector, keyboard and the toolbar's actions (ui/src/actions).
  const actions = useChartActions({ ctl, doc, scene, content, active: view === "org-chart", managers });
  const viewKeys = useViewKeys(ctl, !!doc?.document);
  const selected = actions.selected;
  const person = selected === null ? undefined : doc?.records.persons.find((p) => p.id === selected);
  const selectedCard = selected === null ? undefined : content.get(selected);

  // The sheet's filter highlights its people on the chart while no search does.
  const sheetHits = useSyncExternalStore(sheetHighlight.subscribe, sheetHighlight.get).scope === highlightScope(doc?.document?.path, doc?.active_scenario)
    ? sheetHighlight.get().ids : EMPTY_HITS;
  const badges = usePersonBadges();
  const badgeTip = useBadgeTips("person");
  const compareMarks = useCompareMarks(doc?.active_scenario);
  const colourKey = useColourBy();
  const coloured = useMemo(
    () => (colourKey ? colourEntries(colourKey, doc?.records.persons ?? [], fields) : []),
    [colourKey, doc?.records.persons, fields],
  );
  // Compare mode's marks win: they are what that mode is for; colour by comes back after it.
  const marks = useMemo(
    () => (compareMarks.sets.length > 0 || !colourKey ? compareMarks : { sets: colourMarks(coloured), left: new Map<number, readonly string[]>() }),
    [compareMarks, colourKey, coloured],
  );
  const nameOf = (id: number) => content.get(id)?.name ?? `person #${id}`;
  const managerOf = useCallback((id: number) => managers.get(id), [managers]);
  const resetView = (
    <button type="button" disabled={!scene} onClick={() => { forgetCamera(chartCamera); setViewEpoch((n) => n + 1); actions.fitView(); }} title="Back to the starting view of the chart">
      Reset view
    </button>
  );
  const colourPicker = (
    <label className="colour-by">
      Colour by
      <select aria-label="Colour by" value={colourKey ?? ""} onChange={(e) => colourBy.set(e.target.value === "" ? null : e.target.value)}>
        <option value="">Teams (no colour by)</option>
        {colourOptions(fields).map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
      </select>
    </label>
  );
  // Colour by is a group of its own that folds into More first: the edit and view groups matter more in a narrow window.
  const toolbarGroups = [
    ...actions.toolbarGroups.map((g) => (g.id === "show" ? { ...g, node: <>{resetView}{g.node}</> } : g)),
    ...(doc?.document ? [{ id: "colour", label: "Colour by", priority: 0, node: colourPicker }] : []),
  ];

  return (
    <main className="app">
      <header className="toolbar" role="toolbar" aria-label="Document">
        <strong className="doc-name" title={doc?.document?.path ?? undefined}>{shortName(doc?.document?.name ?? "Topograph")}</strong>
        <nav className="view-tabs" role="tablist" aria-label="Views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              id={`tab-${v.id}`}
              aria-selected={view === v.id}
              className={view === v.id ? "view-tab active" : "view-tab"}
              title={viewKeys.tooltip(v.id)}
              onClick={() => ctl.setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </nav>
        {view === "org-chart" && <ToolbarGroups groups={toolbarGroups} />}
        <ScenarioBar ctl={ctl} />
        {view === "org-chart" && actions.toolbarEnd}
      </header>
      {/* The view and the insights panel side by side: the panel takes its own column, it covers no inspector. */}
      <div className="app-body">
      {doc && !doc.document ? (
        <p className="placeholder">
          No document is open. Use File › Open, or <button type="button" className="link" onClick={requestNewDocument}>create a new document</button>.
        </p>
      ) : view === "team-map" ? (
        <TeamMapView ctl={ctl} />
      ) : view === "ownership" ? (
        <OwnershipView ctl={ctl} />
      ) : view === "plan" ? (
        <PlanView ctl={ctl} />
      ) : view === "sheet" ? (
        <SheetView ctl={ctl} />
      ) : scene ? (
        <div className="workspace">
          <ChartView
            key={viewEpoch}
            scene={scene}
            content={content}
            {...actions.chartProps}
            searchHits={actions.chartProps.searchHits?.size ? actions.chartProps.searchHits : sheetHits}
            badges={badges}
            badgeTip={badgeTip}
            marks={marks}
            cameraKey={chartCamera}
            showMinimap={scene.ids.length > 0 && actions.minimapShown}
            managerOf={managerOf}
            canDrop={(d, t): DropVerdict => dropVerdict(managers, d, t, nameOf, reports, platform === "mac" ? "Cmd" : "Ctrl")}
          />
          {doc?.records.persons.length === 0 && (
            <EmptyState
              title="No one in this org yet"
              body="Start with the person at the top. Then select a card and press Insert to add their reports, or double-click empty space to add someone."
              action="Add the first person"
              onAction={actions.addPerson}
            />
          )}
          {actions.legendShown && <LegendPanel onClose={() => actions.toggleLegend()} />}
          {colourKey && <ColourLegend colourKey={colourKey} entries={coloured} />}
          {actions.inspector}
        </div>
      ) : (
        <p className="placeholder">Loading the org chart…</p>
      )}
      <HistoryHost ctl={ctl} />
      <SettingsHost ctl={ctl} hasDocument={!!doc?.document} />
      {doc?.document && <FieldsHost ctl={ctl} revision={doc} />}
      {/* With the chart too (drawn before the document's state is in): the panel takes its room from the first frame,
          so the chart's first view is composed for the canvas it keeps, not for one the panel then narrows. */}
      {(doc?.document || scene) && <InsightsPanel ctl={ctl} />}
      </div>
      {/* Only the status text is spoken: the live region (a11y/LiveRegion) says the focused card and each edit,
          so the selection and the card count beside it would be read twice. */}
      <footer className="statusbar">
        <span className="status-live" role="status" aria-live="polite">
          <StatusText status={status} view={view} />
        </span>
        {selectedCard && (
          <span className="muted selection">
            {selectedCard.name}
            {person && person.name.trim() !== "" && person.title.trim() !== "" && ` · ${person.title}`}
            {selectedCard.isOpenPosition && " · open position"}
          </span>
        )}
        {scene && view === "org-chart" && <span className="muted">{scene.ids.length.toLocaleString()} cards</span>}
        <AsOfControl ctl={ctl} hasDocument={!!doc?.document} />
      </footer>
      <LiveRegion />
      <DatedMoveHost />
      {view === "org-chart" && actions.overlays}
      <NewDocumentHost />
      <RepairHost ctl={ctl} />
      <ImportHost hasDocument={!!doc?.document} emptyScenario={isEmptyOrg(doc)} />
      <ExportHost hasDocument={!!doc?.document} documentName={doc?.document?.name ?? null} asOf={asOf} colourBy={colourKey} view={view === "plan" ? "headcount" : view === "sheet" ? "org-chart" : view} selection={ctl.snapshot().selection} />
    </main>
  );
}

/** Ctrl/Cmd+1…5 in every view; tooltips for the tabs. */
function useViewKeys(ctl: AppController, hasDocument: boolean) {
  const platform = useMemo(currentPlatform, []);
  const registry = useMemo(createViewRegistry, []);
  const ctx = (): ViewActionContext => ({ view: ctl.snapshot().view, hasDocument, showView: (v) => ctl.setView(v) });
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  useEffect(() => attachKeyboard(window, registry, () => ctxRef.current(), { platform }), [registry, platform]);
  return { tooltip: (id: string) => registry.tooltip(`view-${id}`, ctx(), platform) };
}

const IDLE_HINTS: Record<AppView, string> = {
  "org-chart": "Drag a card onto another to move the person and their team under them; hold Ctrl (⌘ on a Mac) to move only the person, Shift for a dotted line.",
  "team-map": "Drag people between teams (Alt adds them to a second team), a team by its name into a group, a team's edge handle to another team for an interaction; drag across empty space to select, then Ctrl/Cmd+G to group.",
  ownership: "Drag an area onto a team to make it the owner; hold Alt to add a contributor.",
  effort: "Click an area to see its effort against its target in the inspector.",
  sheet: "Arrows and Tab move, Enter or typing edits, Ctrl/Cmd+C/V copy and paste blocks, Ctrl/Cmd+D fills down; Shift or Ctrl/Cmd selects rows for bulk edits.",
  plan: "Click a cell to list the people behind it and change a planned hire's target start; the unit's budget is edited beside them.",
};

function StatusText({ status, view }: { status: Status; view: AppView }) {
  switch (status.kind) {
    case "idle":
      return <span className="status-text muted">{IDLE_HINTS[view]}</span>;
    case "info":
      return <span className="status-text muted">{status.text}</span>;
    case "error":
      return (
        <span className="status-text error" data-code={status.code}>
          <code>{status.code}</code> {status.message}
        </span>
      );
  }
}

/** The open scenario holds no people, units or product areas (a new document). */
function isEmptyOrg(doc: DocState | null): boolean {
  const r = doc?.records;
  return !!doc?.document && !!r && r.persons.length === 0 && r.units.length === 0 && r.areas.length === 0;
}
