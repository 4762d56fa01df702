// The Tauri-connected store: loads the document once, patches it from DocChanged events, keeps the chart scene fresh.
import { announce, editAnnouncement } from "../a11y/announcer";
import { commands, events, type Applied, type ChartFrame, type DocChanged, type DocState, type Error as CoreError, type Op, type OrgChartScene, type ScenarioId, type View } from "../bindings";
import { thisWindow } from "./thisWindow";
import { reduceDocChanged } from "./changes";
import { sceneFromWire } from "./chartWire";
import { windowChartFrame } from "./chartFrame";
import { afterNextFrames, ScenarioSwitcher, type SwitchAnswer } from "../scenarios/scenarioSwitcher";

export type { SwitchAnswer } from "../scenarios/scenarioSwitcher";

/** What every generated command resolves to (tauri-specta's result mode). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export type Status =
  | { kind: "idle" }
  | { kind: "info"; text: string }
  | { kind: "error"; code: string; message: string };

/**
 * What is selected, shared by every view: a person picked on the org chart is highlighted on the team map and
 * the other way round. The first entry is the primary one (what the inspector shows); a lasso selects several.
 */
export interface Selection {
  persons: readonly number[];
  units: readonly number[];
}

export const NO_SELECTION: Selection = { persons: [], units: [] };

/** The views of the window: the three diagrams (whose view state the document keeps), the Plan table and the Sheet. */
// The charts over time are export views shown inside the Plan tab, not tabs of their own.
export type AppView = Exclude<View, "headcount" | "cost"> | "plan" | "sheet";

export const VIEWS: readonly { id: AppView; label: string }[] = [
  { id: "org-chart", label: "Org chart" },
  { id: "team-map", label: "Team map" },
  { id: "ownership", label: "Ownership" },
  { id: "plan", label: "Plan" },
  { id: "sheet", label: "Sheet" },
];

export interface AppSnapshot {
  /** null until the first get_state answers. */
  doc: DocState | null;
  /** The laid-out org chart of the open scenario; null before the first layout or with no document. */
  scene: OrgChartScene | null;
  status: Status;
  /** The view on screen. */
  view: AppView;
  selection: Selection;
}

/** The narrow slice of the generated bindings the controller uses, so tests can stand in for the back end. */
export interface Backend {
  getState(): Promise<Result<DocState, CoreError>>;
  /** `frame`: the chart view's shape (and, on the first layout, the room a big org folds for); null keeps the last. */
  orgChartScene(frame: ChartFrame | null): Promise<Result<OrgChartScene, CoreError>>;
  apply(op: Op): Promise<Result<Applied, CoreError>>;
  undo(): Promise<Result<Applied, CoreError>>;
  redo(): Promise<Result<Applied, CoreError>>;
  setCollapsed(node: number, collapsed: boolean): Promise<Result<null, CoreError>>;
  /** The collapsed org-chart nodes of the open scenario. */
  collapsed(): Promise<Result<number[], CoreError>>;
  /** Makes `nodes` the whole collapsed set of the org chart (expand all, expand to level N). */
  replaceCollapsed(nodes: number[]): Promise<Result<null, CoreError>>;
  /**
   * Opens another scenario: the DocChanged event only announces it, the answer carries its state and org chart.
   * `holds`: the scenario whose records the store shows, so the answer may carry changes from them instead.
   */
  /** `frame`: the chart view's, as for a layout; a first visit of a big scenario nothing of which is folded is folded for it. */
  switchScenario(id: ScenarioId, known: number | null, holds: ScenarioId | null, frame: ChartFrame | null): Promise<Result<SwitchAnswer, CoreError>>;
  onDocChanged(f: (e: DocChanged) => void): Promise<() => void>;
  onAppError(f: (e: CoreError) => void): Promise<() => void>;
}

/** Rebuilds the chart of an answer; columns that do not line up are the back end's bug, reported as an error. */
function decoded<T, U>(r: Result<T, CoreError>, f: (data: T) => U): Result<U, CoreError> {
  if (r.status === "error") return r;
  try {
    return { status: "ok", data: f(r.data) };
  } catch (e) {
    return { status: "error", error: { code: "invalid_value", message: `the org chart arrived damaged: ${String(e)}` } };
  }
}

export const tauriBackend: Backend = {
  getState: () => commands.getState(),
  orgChartScene: (frame) =>
    commands.orgChartScene(frame).then((r) => {
      mark("open:scene-in");
      const d = decoded(r, sceneFromWire);
      mark("open:scene-decoded");
      return d;
    }),
  apply: (op) => commands.apply(op),
  undo: () => commands.undo(),
  redo: () => commands.redo(),
  setCollapsed: (node, collapsed) => commands.setCollapsed("org-chart", node, collapsed),
  collapsed: () => commands.collapsed("org-chart"),
  replaceCollapsed: (nodes) => commands.replaceCollapsed("org-chart", nodes),
  switchScenario: (id, known, holds, frame) =>
    commands.switchScenario(id, known, holds, frame).then((r) => decoded(r, (a) => ({ ...a, scene: a.scene && sceneFromWire(a.scene) }))),
  onDocChanged: (f) => events.docChanged(thisWindow()).listen((e) => f(e.payload)),
  onAppError: (f) => events.appError(thisWindow()).listen((e) => f(e.payload.error)),
};

/** Observable app state for React (useSyncExternalStore): one immutable snapshot, replaced on every change. */
export class AppController {
  private snap: AppSnapshot = { doc: null, scene: null, status: { kind: "idle" }, view: "org-chart", selection: NO_SELECTION };
  private listeners = new Set<() => void>();
  private unlisten: (() => void)[] = [];
  private sceneInFlight = false;
  private sceneStale = false;
  /** Called once the scene asked for last is in (or refused): see `whenSceneIn`. */
  private sceneWaiters: (() => void)[] = [];
  /** Collapse and expand requests on their way: until their layout is in, the scene on screen is not the latest. */
  private viewOps = 0;
  /** Settles when the first chart is drawn, or there is none to draw, so the health checks never hold it up. */
  private firstChart: Promise<void>;
  private firstShown: () => void = () => {};
  /** The shape the last layout was asked for (ChartFrame.aspect). */
  private aspect: number | null = null;
  /** The shape each chart in the store was laid out for: a kept chart shown again may be for an older one. */
  private sceneAspects = new WeakMap<OrgChartScene, number | null>();
  /** Orders events and answers by the document's revision, and runs scenario switches. */
  private switcher = new ScenarioSwitcher({
    // The switch lays the chart out for the view's shape now (so it is not laid out again once shown), and folds a
    // big scenario's first visit for the view as a first opening does.
    switchScenario: (id, known, holds) => this.backend.switchScenario(id, known, holds, this.frame(true)),
    shown: () => ({
      doc: this.snap.doc,
      scene: this.snap.scene,
      sceneIsLatest: !this.sceneInFlight && !this.sceneStale && this.viewOps === 0,
    }),
    showEvent: (e) => this.showEvent(e),
    showOpened: (doc, scene) => {
      // A layout asked for before the switch may still be on its way: it must not replace this scene.
      if (this.sceneInFlight) this.sceneStale = true;
      // A new chart from the answer is laid out for the shape asked last (the back end remembers it).
      if (!this.sceneAspects.has(scene)) this.sceneAspects.set(scene, this.aspect);
      this.set({ doc, scene, selection: pruneSelection(this.snap.selection, doc) });
      // A chart kept from before the view changed shape is shown at once, then laid out again for the view now; so is
      // one whose shape is right while the back end remembers another (the last layout was asked for from another
      // tab), so that the next layout, this scenario's included, starts from the view's shape.
      const now = this.frameOf(false)?.aspect ?? this.aspect;
      if (this.sceneAspects.get(scene) !== now || this.aspect !== now) this.refreshScene();
    },
    resync: () => void this.resync(),
    fail: (e) => this.fail(e),
  });
  /** Bumped by start and dispose, so answers to work begun by an earlier start are dropped. */
  private generation = 0;

  constructor(
    private backend: Backend = tauriBackend,
    /** The chart view's frame, read from the page; `fold` on a document's first layout. */
    private frameOf: (fold: boolean) => ChartFrame | null = windowChartFrame,
  ) {
    this.firstChart = new Promise((resolve) => { this.firstShown = resolve; });
  }

  /** The frame of the next layout; remembers its shape. */
  private frame(fold: boolean): ChartFrame | null {
    const f = this.frameOf(fold);
    if (f) this.aspect = f.aspect;
    return f;
  }

  /**
   * The window changed size: lays the chart out again once its shape has moved to another step (chartFrame.ts), so
   * the compact arrangement keeps close to the window's shape.
   */
  reframe(): void {
    const f = this.frameOf(false);
    if (!f || f.aspect === this.aspect || !this.snap.scene) return;
    this.refreshScene();
  }

  /** The first chart is drawn, or there is none to draw: work that waits for it may go. */
  private shown(): void {
    const done = this.firstShown;
    this.firstShown = () => {};
    void afterNextFrames().then(done);
  }

  snapshot = (): AppSnapshot => this.snap;

  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  };

  private set(patch: Partial<AppSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const f of this.listeners) f();
  }

  setView(view: AppView): void {
    if (view !== this.snap.view) this.set({ view });
  }

  /** Replaces the selection; a part left out is emptied (selecting a person on the chart drops a selected unit). */
  select(sel: Partial<Selection> | null): void {
    const next: Selection = { persons: sel?.persons ?? [], units: sel?.units ?? [] };
    const cur = this.snap.selection;
    if (sameIds(cur.persons, next.persons) && sameIds(cur.units, next.units)) return;
    this.set({ selection: next.persons.length === 0 && next.units.length === 0 ? NO_SELECTION : next });
  }

  selectPerson(id: number | null): void {
    this.select(id === null ? null : { persons: [id] });
  }

  selectUnit(id: number | null): void {
    this.select(id === null ? null : { units: [id] });
  }

  /** Listens first, then loads, so no change made in between is missed. Safe to call again after dispose. */
  async start(): Promise<void> {
    const gen = ++this.generation;
    this.switcher.reset();
    const live = () => gen === this.generation;
    const subscriptions = [
      () => this.backend.onDocChanged((e) => this.onDocChanged(e)),
      () => this.backend.onAppError((e) => this.fail(e)),
    ];
    for (const subscribe of subscriptions) {
      const unlisten = await subscribe();
      if (!live()) return unlisten();
      this.unlisten.push(unlisten);
    }
    // The state and the first layout are asked for together and neither waits for the other: the chart carries its
    // cards' names and lines, so it is drawn as soon as it is in, while the records (megabytes at 100k people) are
    // still on their way. The first layout folds a big org to the levels that fit the view (the chart actions keep
    // that folding in the document on a first opening).
    this.sceneInFlight = true;
    mark("open:scene-asked");
    const asked = this.frame(true);
    const scene = this.backend.orgChartScene(asked).then((r) => {
      if (!live()) return;
      this.sceneInFlight = false;
      if (this.sceneStale || r.status === "error") {
        // An edit arrived meanwhile, or there was nothing to lay out.
        this.sceneStale = false;
        if (this.snap.doc) this.refreshScene();
        return;
      }
      this.sceneAspects.set(r.data, asked?.aspect ?? null);
      this.set({ scene: r.data });
      this.sceneIn();
    });
    mark("open:state-asked");
    const r = await this.backend.getState();
    mark("open:state-in");
    if (!live()) return;
    if (r.status === "error") {
      this.shown();
      return this.fail(r.error);
    }
    const problem = r.data.problem;
    this.switcher.state(r.data, (doc) => this.set({ doc: { ...doc, problem: null } }));
    mark("open:state-set");
    if (problem) this.fail(problem);
    if (!this.snap.doc?.document) this.shown();
    else if (!this.sceneInFlight && !this.snap.scene) this.refreshScene();
    void scene.then(() => {
      if (live() && this.snap.scene) this.shown();
    });
  }

  /** Stops listening (React unmount); answers still on their way are dropped. */
  dispose(): void {
    this.generation++;
    for (const u of this.unlisten.splice(0)) u();
  }

  onDocChanged(event: DocChanged): void {
    this.switcher.event(event);
  }

  /** An event in its turn (the switcher orders them): patch or replace the store. */
  private showEvent(event: Exclude<DocChanged, { kind: "switched" }>): void {
    const doc = this.snap.doc;
    const next = doc ? reduceDocChanged(doc, event) : event.kind === "reloaded" ? event.state : null;
    this.set({
      doc: next,
      selection: next ? pruneSelection(this.snap.selection, next) : NO_SELECTION,
      ...(event.kind === "reloaded" && !next?.document ? { scene: null } : {}),
    });
    if (event.kind === "applied") {
      mark("edit:shown");
      this.info(`${event.label}: saved`);
      // Every edit, undo and redo is said in the live region, however it was made (ui/src/a11y).
      announce(editAnnouncement(doc?.history, event) ?? "");
    }
    this.refreshScene();
  }

  /**
   * Opens another scenario of the document. Its state and scene come in one answer (the layout runs while the
   * back end updates its menus); the event only announces the switch, so megabytes of state travel once.
   */
  switchScenario(id: ScenarioId): Promise<boolean> {
    return this.switcher.switchTo(id);
  }

  /**
   * Settles once the scenario switch under way, if any, is shown and its chart drawn: work that can wait (the
   * health checks, whose answer the page has to parse) waits.
   */
  whenSwitched(): Promise<void> {
    return this.firstChart.then(() => this.switcher.whenSwitched());
  }

  /** Loads the whole state and a new layout again, after a change this controller only heard of. */
  private async resync(): Promise<void> {
    const gen = this.generation;
    const r = await this.backend.getState();
    if (gen !== this.generation) return;
    if (r.status === "error") return this.fail(r.error);
    this.switcher.state(r.data, (state) => {
      const doc: DocState = { ...state, problem: null };
      this.set({ doc, selection: pruneSelection(this.snap.selection, doc) });
      this.refreshScene();
    });
  }

  /** Asks for a new layout; while one is being computed, later requests collapse into one more. */
  refreshScene(): void {
    if (!this.snap.doc?.document) return this.sceneIn();
    if (this.sceneInFlight) {
      this.sceneStale = true;
      return;
    }
    this.sceneInFlight = true;
    const gen = this.generation;
    const asked = this.frame(false);
    mark("chart:asked");
    void this.backend.orgChartScene(asked).then((r) => {
      mark("chart:in");
      this.sceneInFlight = false;
      if (this.sceneStale) {
        this.sceneStale = false;
        this.refreshScene();
        return;
      }
      if (gen === this.generation) {
        if (r.status === "error") this.fail(r.error);
        else {
          // No frame (no chart view on the page): the back end used the shape it was given last.
          this.sceneAspects.set(r.data, asked?.aspect ?? this.aspect);
          this.set({ scene: r.data });
        }
        this.shown();
      }
      this.sceneIn();
    });
  }

  /**
   * Settles once the org chart asked for last is in the store (at once when none is on its way): work that can
   * wait for the new chart (the checks after a change of the as-of date) waits, so it does not compete with it.
   */
  whenSceneIn(): Promise<void> {
    if (!this.sceneInFlight && !this.sceneStale) return Promise.resolve();
    return new Promise((resolve) => this.sceneWaiters.push(resolve));
  }

  /**
   * Settles once the chart of a change just announced or made (an edit, a new as-of day) is in and drawn: the checks
   * wait for it, so at 100k their second of work and their answer's parse do not hold up the chart. (A task first:
   * every listener of an event, this controller's among them, has run by then and asked for the new layout.)
   */
  async whenChangeDrawn(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.whenSceneIn();
    await afterNextFrames();
  }

  private sceneIn(): void {
    for (const f of this.sceneWaiters.splice(0)) f();
  }

  /** Waits for a command; a failure is shown as the app's error. True when it succeeded. */
  async run(call: Promise<Result<unknown, CoreError>>): Promise<boolean> {
    const r = await call;
    if (r.status === "error") {
      this.fail(r.error);
      return false;
    }
    return true;
  }

  fail(e: CoreError): void {
    this.set({ status: { kind: "error", code: e.code, message: e.message } });
  }

  info(text: string): void {
    this.set({ status: { kind: "info", text } });
  }

  apply(op: Op): Promise<boolean> {
    mark("edit:asked");
    return this.run(this.backend.apply(op));
  }

  /** Like apply, but answers the core's refusal (null when accepted), for a form to show beside its fields. */
  async applyOrRefusal(op: Op): Promise<CoreError | null> {
    const r = await this.backend.apply(op);
    if (r.status === "error") {
      this.fail(r.error);
      return r.error;
    }
    return null;
  }

  /** Applies an op that creates people and answers the first person it created (null when refused). */
  async create(op: Op): Promise<number | null> {
    const r = await this.backend.apply(op);
    if (r.status === "error") {
      this.fail(r.error);
      return null;
    }
    return createdPersonId(r.data);
  }

  undo(): Promise<boolean> {
    return this.run(this.backend.undo());
  }

  redo(): Promise<boolean> {
    return this.run(this.backend.redo());
  }

  /** The collapsed org-chart nodes (people whose reports are folded into their card); null when asking failed. */
  async collapsedNodes(): Promise<number[] | null> {
    const r = await this.backend.collapsed();
    if (r.status === "error") {
      this.fail(r.error);
      return null;
    }
    return r.data;
  }

  /** Expands several nodes, then asks for one new scene (revealing a person hidden under collapsed managers). */
  async expand(nodes: readonly number[]): Promise<boolean> {
    let ok = true;
    this.viewOps++;
    try {
      for (const node of nodes) ok = (await this.run(this.backend.setCollapsed(node, false))) && ok;
    } finally {
      this.viewOps--;
    }
    if (nodes.length > 0) this.refreshScene();
    return ok;
  }

  /** Replaces the collapsed set (expand all = [], expand to level N), then asks for the scene. */
  async replaceCollapsed(nodes: number[]): Promise<boolean> {
    const ok = await this.viewOp(this.backend.replaceCollapsed(nodes));
    if (ok) this.refreshScene();
    return ok;
  }

  /** Collapsing is view state: no history and no event, so the scene is asked for here. */
  async setCollapsed(node: number, collapsed: boolean): Promise<boolean> {
    const ok = await this.viewOp(this.backend.setCollapsed(node, collapsed));
    if (ok) this.refreshScene();
    return ok;
  }

  /** A change of view state (collapsed nodes), counted while on its way: see `viewOps`. */
  private async viewOp(call: Promise<Result<unknown, CoreError>>): Promise<boolean> {
    this.viewOps++;
    try {
      return await this.run(call);
    } finally {
      this.viewOps--;
    }
  }
}

/** Where the time of a document's first chart, and of an edit's new chart, goes (tests/e2e/perf.test.js reads them). */
const MARKS = ["open:scene-asked", "open:scene-in", "open:scene-decoded", "open:state-asked", "open:state-in", "open:state-set", "edit:asked", "edit:shown", "chart:asked", "chart:in"] as const;

/** A scene feed's marks: `<kind>:asked` when it asks, `<kind>:in` when the answer is parsed (the maps' open figures). */
type FeedMark = `${string}:asked` | `${string}:in`;

function mark(name: (typeof MARKS)[number] | FeedMark): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Drops selected people and units the document no longer has (deleted, undone, another document opened). */
export function pruneSelection(sel: Selection, doc: DocState): Selection {
  if (sel.persons.length === 0 && sel.units.length === 0) return sel;
  const has = <T extends { id: number }>(list: readonly T[], id: number) => list.some((r) => r.id === id);
  const persons = sel.persons.filter((id) => has(doc.records.persons, id));
  const units = sel.units.filter((id) => has(doc.records.units, id));
  if (persons.length === sel.persons.length && units.length === sel.units.length) return sel;
  return persons.length === 0 && units.length === 0 ? NO_SELECTION : { persons, units };
}

/**
 * A scene that follows the document: fetched when first watched and again after every change of the document,
 * with requests made while one is computing collapsed into one more (the team map and ownership views use it).
 */
export class SceneFeed<T> {
  private value: T | null = null;
  private listeners = new Set<() => void>();
  private inFlight = false;
  private stale = false;
  private lastDoc: DocState | null = null;
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly ctl: AppController,
    private readonly kind: string,
    private readonly fetch: () => Promise<Result<T, CoreError>>,
  ) {}

  snapshot = (): T | null => this.value;

  /** Whether a view shows this scene now (only those are asked again when every view changes day). */
  get watched(): boolean {
    return this.unwatch !== null;
  }

  /** For useSyncExternalStore: the first subscriber starts following the document, the last one stops. */
  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    if (!this.unwatch) {
      this.unwatch = this.ctl.subscribe(() => this.onSnapshot());
      this.onSnapshot();
    }
    return () => {
      this.listeners.delete(f);
      if (this.listeners.size === 0 && this.unwatch) {
        this.unwatch();
        this.unwatch = null;
        this.lastDoc = null;
      }
    };
  };

  private onSnapshot(): void {
    const doc = this.ctl.snapshot().doc;
    if (doc === this.lastDoc) return;
    this.lastDoc = doc;
    if (!doc?.document) {
      this.publish(null);
      return;
    }
    this.refresh();
  }

  refresh(): void {
    if (this.inFlight) {
      this.stale = true;
      return;
    }
    this.inFlight = true;
    mark(`${this.kind}:asked`);
    void this.fetch().then((r) => {
      mark(`${this.kind}:in`);
      this.inFlight = false;
      if (this.stale) {
        this.stale = false;
        return this.refresh();
      }
      if (r.status === "error") this.ctl.fail(r.error);
      else this.publish(r.data);
    });
  }

  private publish(v: T | null): void {
    if (v === this.value) return;
    this.value = v;
    for (const f of this.listeners) f();
  }
}

const feeds = new WeakMap<AppController, Map<string, SceneFeed<unknown>>>();

/**
 * One feed per controller and scene kind, so coming back to a tab shows the last scene at once while a fresh one
 * is asked for. `fetch` is only used by the first call for a controller and kind.
 */
export function sceneFeed<T>(ctl: AppController, kind: string, fetch: () => Promise<Result<T, CoreError>>): SceneFeed<T> {
  let byKind = feeds.get(ctl);
  if (!byKind) feeds.set(ctl, (byKind = new Map()));
  let f = byKind.get(kind) as SceneFeed<T> | undefined;
  if (!f) {
    f = new SceneFeed(ctl, kind, fetch);
    byKind.set(kind, f as SceneFeed<unknown>);
  }
  return f;
}

/** Asks every scene on screen again, the org chart's and the feeds': what every view shows changed (the as-of date). */
export function refreshScenes(ctl: AppController): void {
  ctl.refreshScene();
  for (const f of feeds.get(ctl)?.values() ?? []) if (f.watched) f.refresh();
}

/** The id of the first person an `apply` answer created (its `changes.created`), or null. */
export function createdPersonId(applied: Applied): number | null {
  for (const e of applied.changes.created) if (e.kind === "person") return e.record.id;
  return null;
}
