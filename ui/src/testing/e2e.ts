// End-to-end test accessor (tests/e2e): `window.__topographTest`, read-only views of what the canvas shows.
//
// Bundled only in a build made for tests (`vite build --mode e2e`, which main.tsx imports it in), and installed
// only when the Rust side injected `window.__TOPOGRAPH_E2E__`, which a shell built with the `e2e` feature does
// when started with TOPOGRAPH_E2E=1 (src-tauri/src/e2e.rs); it fills the slots of app/testHooks.ts. The accessor reports and never acts on the chart: tests move the real pointer and press real keys
// at the screen rectangles it returns. Its two commands (saveAs, openDocument) are the IPC commands, which call
// the same Rust actions the File menu calls once its native dialog (which WebDriver cannot drive) has a path.
import { commands, type EffortScene, type Error as CoreError } from "../bindings";
import type { ChartRenderer } from "../canvas/renderer";
import { tauriBackend, type AppController, type Status } from "../app/controller";
import { testHooks } from "../app/testHooks";
import type { OwnershipRenderer } from "../ownership/ownershipRenderer";
import type { TeamMapRenderer } from "../teammap/renderer";

interface E2eMarker {
  pid: number;
  /** When the app's `run()` started, ms since the epoch. */
  appStartMs: number;
  /** The back end's today, YYYY-MM-DD (fixed by the test with TOPOGRAPH_TODAY, or the calendar's). */
  today?: string;
}

/** A card as a test sees it: its rectangle in CSS pixels of the window's viewport (WebDriver's "viewport" origin). */
export interface E2eCard {
  id: number;
  name: string;
  title: string;
  /** The line of custom fields the card draws under its title, or null. */
  fields: string | null;
  manager: number | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface E2eFrames {
  count: number;
  /** Epoch ms (performance.timeOrigin + now) when the first frame with at least one card finished drawing. */
  firstCardsMs: number | null;
  firstCardsVisible: number;
  /** Cards laid out, and the camera, in that first frame: a chart that opens folded and composed shows so at once. */
  firstSceneCards: number;
  firstCamera: { x: number; y: number; zoom: number } | null;
  lastMs: number | null;
  lastCardsVisible: number;
}

/** A box of the ownership map (area row or team), in viewport CSS pixels like E2eCard. */
export interface E2eOwnershipBox {
  id: number;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Areas: a leaf with no owner (drawn highlighted). */
  unowned?: boolean;
  owner?: number | null;
  contributors?: number[];
  /** Areas: the parent area and the depth in the tree. */
  parent?: number | null;
  depth?: number;
  /** Areas: the effort tag beside the row as drawn (actual against target). */
  effort?: ReturnType<OwnershipRenderer["effortOf"]>;
  /** Teams: cognitive load against the budget. */
  load?: number;
  overBudget?: boolean;
}

/** A unit box, chip or interaction of the team map, in viewport CSS pixels like E2eCard. */
export interface E2eTeamMapBox {
  id: number;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  kind?: string;
  parent?: number | null;
  /** Units: drawn as one box, its units and chips hidden. */
  collapsed?: boolean;
  /** Chips: the unit the chip sits on, and the allocation there. */
  unit?: number;
  allocation?: number;
  open?: boolean;
  /** Chips: the colour colour by gives the person, or null. */
  colour?: string | null;
  /** Chips: the sheet's filter matches the person. */
  hit?: boolean;
}

/** One frame of a diagram: which, when it finished (epoch ms), how long its drawing took, how much it drew. */
export interface E2eFrame {
  view: "chart" | "team-map" | "ownership";
  t: number;
  ms: number;
  /** Cards (chart), person chips (team map), rows and boxes (ownership map) drawn. */
  cards: number;
  /** The chart: which scene the frame drew (a number per scene object, in the order they were first drawn). */
  scene?: number;
}

export interface TopographTestApi {
  info(): { pid: number; appStartMs: number; timeOriginMs: number; frames: E2eFrames };
  /** The last frames of the chart and the maps (up to FRAME_LOG), oldest first, for frame-time measurements. */
  frameLog(): E2eFrame[];
  /** Cards on screen (or every card with all=true), in scene order. */
  cards(opts?: { all?: boolean }): E2eCard[];
  /** One card by id or exact name, visible or not; null when the scene has no such card. */
  card(key: number | string): E2eCard | null;
  canvasRect(): { x: number; y: number; w: number; h: number } | null;
  camera(): { x: number; y: number; zoom: number } | null;
  highlights(): {
    selected: number[];
    searchHits: number[];
    searchChain: number[];
    /** hint: what an accepted drop will do (move the team, only the person, a dotted line). */
    dropTarget: { id: number; ok: boolean; reason?: string; hint?: string } | null;
    drag: { id: number } | null;
    /** Compare mode: the marked sets by colour. */
    marks: { stroke: string; ids: number[] }[];
    /** Compare mode: old managers' "−N left" badges, with who left. */
    left: { id: number; names: string[] }[];
    /** World rectangle the keyboard's focus ring goes around (while the canvas has the keyboard focus), or null. */
    focusRing: { x: number; y: number; w: number; h: number } | null;
  };
  /** Distant dotted lines on the chart: their stubs, and the lines drawn whole now (an end selected or hovered). */
  dottedStubs(): { stubs: { line: number; at: number; other: number; label: string }[]; fullRoutes: number[] } | null;
  /** What the status bar shows: idle, info, or the last error. */
  status(): Status;
  doc(): { name: string | null; path: string | null; undo: string | null; redo: string | null; people: number; sceneCards: number } | null;
  saveAs(path: string): Promise<{ ok: true } | { ok: false; error: CoreError }>;
  /** The ownership map's area rows and team boxes as drawn, and the highlighted (selected) ids; null off that tab. */
  ownership(): {
    areas: E2eOwnershipBox[];
    teams: E2eOwnershipBox[];
    selected: number[];
    frames: number;
    canvas: { x: number; y: number; w: number; h: number };
    /** Compare mode's marks on the map (changed areas with their old owner, removed areas' ghost rows), or null. */
    compare: ReturnType<OwnershipRenderer["compareSummary"]>;
    /** A row dragged over the area tree: where it would land, or why it may not. */
    treeDrop: OwnershipRenderer["highlights"]["treeDrop"] | null;
  } | null;
  openDocument(path: string): Promise<{ ok: true } | { ok: false; error: CoreError }>;
  /** The export dialog's next save goes to `path` instead of the native save dialog, which WebDriver cannot drive. */
  presetSavePath(path: string): void;
  /** The view on screen and the shared selection. */
  view(): { view: string; persons: number[]; units: number[] };
  /** The team map's units, chips and interactions as drawn (null off that tab); chip ids are person ids. */
  teamMap(): {
    units: E2eTeamMapBox[];
    chips: E2eTeamMapBox[];
    interactions: { id: number; from: number; to: number; mode: string; points: number[] }[];
    frames: number;
    canvas: { x: number; y: number; w: number; h: number };
    /** The keyboard's focus ring as drawn (around a unit or chip, while the canvas has the keyboard focus), or null. */
    focusRing: { x: number; y: number; w: number; h: number } | null;
  } | null;
  /**
   * Opens File › Import…'s dialog on `path`, as the menu does once its native picker (which WebDriver cannot drive)
   * has chosen the file. False when no import host is mounted.
   */
  openImport(path: string): boolean;
  /** The open scenario's dotted lines, (person, manager) by id. */
  dottedLines(): { person: number; manager: number }[];
  /**
   * Whether the store (undo and redo labels, the open scenario, every person's manager) shows what the back end
   * answers now: `get_state` is answered after any command the page sent before it, so a test that expects nothing
   * more to happen waits for this instead of sleeping. Call it only once the document has loaded (the answer's
   * start-up `problem` is not passed on).
   */
  inStep(): Promise<boolean>;
  /** The "where the people go" view as last drawn (its scene from the core), or null when it is not on screen. */
  effort(): { scene: EffortScene; canvas: { x: number; y: number; w: number; h: number }; frames: number } | null;
  /** The export dialog's preview as last shown: the page's SVG, its number (from 0) and the page count. */
  exportPreview(): { svg: string; page: number; pages: number } | null;
}

declare global {
  interface Window {
    __TOPOGRAPH_E2E__?: E2eMarker;
    __topographTest?: TopographTestApi;
  }
}

const marker: E2eMarker | undefined = typeof window === "undefined" ? undefined : window.__TOPOGRAPH_E2E__;

let renderer: ChartRenderer | null = null;
let nextSavePath: string | null = null;
let showImport: ((path: string) => void) | null = null;
let canvas: HTMLCanvasElement | null = null;
let controller: AppController | null = null;
let effortView: { scene: EffortScene; canvas: HTMLCanvasElement; frames: number } | null = null;
let exportPreview: { svg: string; page: number; pages: number } | null = null;
let teamMap: { renderer: TeamMapRenderer; canvas: HTMLCanvasElement; frames: number } | null = null;
let ownershipMap: { renderer: OwnershipRenderer; canvas: HTMLCanvasElement; frames: number } | null = null;
const frames: E2eFrames = { count: 0, firstCardsMs: null, firstCardsVisible: 0, firstSceneCards: 0, firstCamera: null, lastMs: null, lastCardsVisible: 0 };

const nowMs = () => performance.timeOrigin + performance.now();
const FRAME_LOG = 4000;
const frameLog: E2eFrame[] = [];

const sceneNumbers = new WeakMap<object, number>();
let scenesSeen = 0;

function sceneNumber(scene: object | undefined): number | undefined {
  if (!scene) return undefined;
  let n = sceneNumbers.get(scene);
  if (n === undefined) sceneNumbers.set(scene, (n = ++scenesSeen));
  return n;
}

function logFrame(view: E2eFrame["view"], ms: number, cards: number, scene?: number): number {
  const t = nowMs();
  frameLog.push(scene === undefined ? { view, t, ms, cards } : { view, t, ms, cards, scene });
  if (frameLog.length > FRAME_LOG) frameLog.splice(0, frameLog.length - FRAME_LOG);
  return t;
}

function managers(): Map<number, number | null> {
  return new Map((controller?.snapshot().doc?.records.persons ?? []).map((p) => [p.id, p.manager]));
}

function cardAt(i: number, origin: DOMRect, managerOf: Map<number, number | null>): E2eCard | null {
  const r = renderer, scene = controller?.snapshot().scene;
  if (!r || !scene) return null;
  const id = r.currentScene.ids[i] as number;
  const rect = r.cardScreenRect(id);
  if (!rect) return null;
  // The renderer's scene is the controller's scene (same arrays), so the content index matches.
  const k = scene.ids[i] === id ? i : scene.ids.indexOf(id);
  const content = scene.cards[k];
  return {
    id,
    name: content?.name ?? "",
    title: content?.title ?? "",
    fields: r.cardContent(id)?.fields ?? null,
    manager: managerOf.get(id) ?? null,
    x: origin.left + rect.x,
    y: origin.top + rect.y,
    w: rect.w,
    h: rect.h,
  };
}

const api: TopographTestApi = {
  info: () => ({ pid: marker?.pid ?? -1, appStartMs: marker?.appStartMs ?? 0, timeOriginMs: performance.timeOrigin, frames: { ...frames } }),
  frameLog: () => frameLog.slice(),
  cards(opts = {}) {
    if (!renderer || !canvas) return [];
    const origin = canvas.getBoundingClientRect();
    const n = renderer.currentScene.ids.length;
    const out: E2eCard[] = [];
    const m = managers();
    for (let i = 0; i < n; i++) {
      const c = cardAt(i, origin, m);
      if (!c) continue;
      const onScreen = c.x < origin.right && c.y < origin.bottom && c.x + c.w > origin.left && c.y + c.h > origin.top;
      if (opts.all || onScreen) out.push(c);
    }
    return out;
  },
  card(key) {
    if (!renderer || !canvas) return null;
    const origin = canvas.getBoundingClientRect();
    const scene = controller?.snapshot().scene;
    const ids = renderer.currentScene.ids;
    for (let i = 0; i < ids.length; i++) {
      if (typeof key === "number" ? ids[i] === key : scene?.cards[i]?.name === key) return cardAt(i, origin, managers());
    }
    return null;
  },
  canvasRect() {
    if (!canvas) return null;
    const r = canvas.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  },
  camera: () => (renderer ? { ...renderer.camera } : null),
  highlights() {
    const h = renderer?.highlights;
    return {
      selected: h ? [...h.selected] : [],
      searchHits: h ? [...h.searchHits] : [],
      searchChain: h ? [...h.searchChain] : [],
      dropTarget: h?.dropTarget ? { ...h.dropTarget } : null,
      drag: h?.drag ? { id: h.drag.id } : null,
      marks: (h?.marks ?? []).map((m) => ({ stroke: m.stroke, ids: [...m.ids] })),
      left: [...(h?.leftBadges ?? [])].map(([id, names]) => ({ id, names: [...names] })),
      focusRing: h?.focusRing ? { ...h.focusRing } : null,
    };
  },
  dottedStubs: () => renderer?.dottedState() ?? null,
  status: () => controller?.snapshot().status ?? { kind: "idle" },
  doc() {
    const s = controller?.snapshot();
    if (!s?.doc) return null;
    return {
      name: s.doc.document?.name ?? null,
      path: s.doc.document?.path ?? null,
      undo: s.doc.history.undo,
      redo: s.doc.history.redo,
      people: s.doc.records.persons.length,
      sceneCards: s.scene?.ids.length ?? 0,
    };
  },
  async saveAs(path) {
    const r = await commands.saveAs(path);
    return r.status === "ok" ? { ok: true } : { ok: false, error: r.error };
  },
  ownership() {
    const o = ownershipMap, L = o?.renderer.currentLayout;
    if (!o || !L) return null;
    const origin = o.canvas.getBoundingClientRect();
    const scene = o.renderer.currentScene;
    const areas: E2eOwnershipBox[] = [], teams: E2eOwnershipBox[] = [];
    for (let i = 0; i < L.ids.length; i++) {
      const id = L.ids[i] as number, r = o.renderer.boxScreenRect(id), k = L.sceneIndex[i] as number;
      if (!r || !scene) continue;
      const at = { id, x: origin.left + r.x, y: origin.top + r.y, w: r.w, h: r.h };
      if (i < L.areaCount) {
        const a = scene.area_content[k];
        areas.push({ ...at, name: a?.name ?? "", unowned: a?.unowned ?? false, owner: a?.owner ?? null, contributors: a?.contributors ?? [], parent: a?.parent ?? null, depth: a?.depth ?? 0, effort: o.renderer.effortOf(id) });
      } else {
        const t = scene.team_content[k];
        teams.push({ ...at, name: t?.name ?? "", load: t?.load ?? 0, overBudget: t?.overBudget ?? false });
      }
    }
    const canvas = { x: origin.left, y: origin.top, w: origin.width, h: origin.height };
    const treeDrop = o.renderer.highlights.treeDrop ?? null;
    return { areas, teams, selected: [...o.renderer.highlights.selected], frames: o.frames, canvas, compare: o.renderer.compareSummary(), treeDrop };
  },
  view() {
    const s = controller?.snapshot();
    return { view: s?.view ?? "org-chart", persons: [...(s?.selection.persons ?? [])], units: [...(s?.selection.units ?? [])] };
  },
  teamMap() {
    const t = teamMap, idx = t?.renderer.index;
    if (!t || !idx) return null;
    const o = t.canvas.getBoundingClientRect();
    const s = idx.scene;
    const at = (r: { x: number; y: number; w: number; h: number }) => {
      const q = t.renderer.toScreen(r);
      return { x: o.left + q.x, y: o.top + q.y, w: q.w, h: q.h };
    };
    const units = s.units.map((id, i) => ({ id, name: s.unit_content[i]?.name ?? "", kind: s.unit_content[i]?.kind, parent: s.unit_content[i]?.parent ?? null, collapsed: s.unit_content[i]?.collapsed ?? false, ...at(idx.unitRect(i)) }));
    const colours = t.renderer.highlights.personColours;
    const hits = t.renderer.highlights.hits;
    const chips = s.chip_person.map((id, k) => ({ id, name: s.chip_content[k]?.name ?? "", unit: s.chip_unit[k], allocation: s.chip_content[k]?.allocation, open: s.chip_content[k]?.isOpenPosition ?? false, colour: colours?.get(id) ?? null, hit: hits?.has(id) ?? false, ...at(idx.chipRect(k)) }));
    const toScreen = (p: number[]) => p.map((v, j) => (j % 2 === 0 ? o.left + (v - t.renderer.camera.x) * t.renderer.camera.zoom : o.top + (v - t.renderer.camera.y) * t.renderer.camera.zoom));
    const interactions = s.interactions.map((it) => ({ id: it.id, from: it.from, to: it.to, mode: it.mode, points: toScreen(it.points) }));
    const ring = t.renderer.highlights.focusRing;
    return { units, chips, interactions, frames: t.frames, canvas: { x: o.left, y: o.top, w: o.width, h: o.height }, focusRing: ring ? at(ring) : null };
  },
  async openDocument(path) {
    const r = await commands.openDocument(path);
    return r.status === "ok" ? { ok: true } : { ok: false, error: r.error };
  },
  presetSavePath(path) {
    nextSavePath = path;
  },
  openImport(path) {
    if (!showImport) return false;
    showImport(path);
    return true;
  },
  dottedLines: () => (controller?.snapshot().doc?.records.dotted_lines ?? []).map((d) => ({ person: d.person, manager: d.manager })),
  async inStep() {
    const r = await commands.getState();
    const doc = controller?.snapshot().doc;
    if (r.status !== "ok" || !doc) return false;
    const back = r.data;
    const managersOf = (ps: readonly { id: number; manager: number | null }[]) => JSON.stringify(ps.map((p) => [p.id, p.manager]).sort((a, b) => (a[0] as number) - (b[0] as number)));
    return back.history.undo === doc.history.undo && back.history.redo === doc.history.redo
      && back.active_scenario === doc.active_scenario && managersOf(back.records.persons) === managersOf(doc.records.persons);
  },
  effort() {
    const e = effortView;
    if (!e || !e.canvas.isConnected) return null;
    const o = e.canvas.getBoundingClientRect();
    return { scene: e.scene, canvas: { x: o.left, y: o.top, w: o.width, h: o.height }, frames: e.frames };
  },
  exportPreview: () => exportPreview,
};

if (marker) {
  window.__topographTest = api;
  testHooks.chart = {
    attach(r, c) {
      renderer = r;
      canvas = c;
      return () => {
        if (renderer === r) renderer = canvas = null;
      };
    },
    frame(stats) {
      const t = logFrame("chart", stats.ms, stats.cards, sceneNumber(renderer?.currentScene));
      frames.count++;
      frames.lastMs = t;
      frames.lastCardsVisible = stats.cards;
      if (frames.firstCardsMs === null && stats.cards > 0) {
        frames.firstCardsMs = t;
        frames.firstCardsVisible = stats.cards;
        frames.firstSceneCards = renderer?.currentScene.ids.length ?? 0;
        frames.firstCamera = renderer ? { ...renderer.camera } : null;
      }
    },
  };
  testHooks.app = {
    attach(ctl) {
      controller = ctl;
      return () => {
        if (controller === ctl) controller = null;
      };
    },
  };
  testHooks.ownership = {
    attachMap(r, c) {
      const entry = { renderer: r, canvas: c, frames: 0 };
      ownershipMap = entry;
      r.onFrame = (drawn, ms) => {
        entry.frames++;
        logFrame("ownership", ms, drawn);
      };
      return () => {
        if (ownershipMap === entry) ownershipMap = null;
      };
    },
  };
  testHooks.teamMap = {
    attach(r, c) {
      const entry = { renderer: r, canvas: c, frames: 0 };
      teamMap = entry;
      return () => {
        if (teamMap === entry) teamMap = null;
      };
    },
    frame(stats) {
      if (teamMap) teamMap.frames++;
      logFrame("team-map", stats.ms, stats.cards, sceneNumber(teamMap?.renderer.index?.scene));
    },
  };
  testHooks.exportPreview = {
    shown(svg, page, pages) {
      exportPreview = { svg, page, pages };
    },
  };
  testHooks.effort = {
    drawn(scene, c) {
      effortView = { scene, canvas: c, frames: (effortView?.canvas === c ? effortView.frames : 0) + 1 };
    },
  };
  if (marker.today) {
    const day = marker.today;
    testHooks.clock = { today: () => day };
  }
  testHooks.save = {
    takeSavePath() {
      const p = nextSavePath;
      nextSavePath = null;
      return p;
    },
  };
  testHooks.import = {
    attach(show) {
      showImport = show;
      return () => {
        if (showImport === show) showImport = null;
      };
    },
  };
}

/**
 * For the scenario tests: what the store shows (records and chart), which after a switch must equal what the back end
 * answers a fresh load with (`get_state`, `org_chart_scene` rebuilt from its columns as the app does: `freshScene`).
 */
if (marker) {
  const api = window.__topographTest as TopographTestApi & { store?: () => unknown; freshScene?: () => Promise<unknown> };
  api.store = () => {
    const s = controller?.snapshot();
    return s ? { scenario: s.doc?.active_scenario ?? null, records: s.doc?.records ?? null, scene: s.scene } : null;
  };
  api.freshScene = async () => {
    const r = await tauriBackend.orgChartScene(null);
    return r.status === "ok" ? r.data : r.error;
  };
}
