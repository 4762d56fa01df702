// Canvas renderer of the ownership map: area rows and team boxes, culled and drawn by level of detail with the
// chart's modules (grid index, culling, LOD, text cache, connectors, highlights); only the box drawing is its own.
import { visibleWorldRect, worldToScreen, type Camera, type Viewport } from "../canvas/camera";
import { cullScene, makeCullBuffers, type CullBuffers } from "../canvas/cull";
import { drawConnectors, Scratch, type DrawEnv } from "../canvas/drawCards";
import { drawHighlightFills, drawHighlightStrokes, drawRefusalTooltip, NO_HIGHLIGHTS, type Highlights } from "../canvas/highlights";
import { canvasMeasure, selectLod, TextCache, type Lod, type LodThresholds } from "../canvas/lod";
import { connectorBoxes, type CardContentProvider, type Rect } from "../canvas/scene";
import { GridIndex } from "../canvas/spatialIndex";
import type { StyleTable } from "../canvas/styleTable";
import { DEFAULT_THEME, type Theme } from "../canvas/theme";
import type { FrameScheduler } from "../canvas/renderer";
import { ghostRows, unionRect, type GhostRows, type MapLayout } from "./mapLayout";
import type { OwnershipScene } from "./sceneTypes";
import { areaMarkLabel, markStyleOf, type OwnershipMarks } from "../scenarios/ownershipMarks";
import { claimedTargets, effortBar, effortFigure, effortScale, effortTitle } from "./effortBars";

/** Area rows are short (a line of text), so they keep their text down to smaller sizes than chart cards. */
const ROW_LOD: LodThresholds = { fullMinHeight: 22, fullMinWidth: 140, nameMinHeight: 11, nameMinWidth: 50 };
const TEAM_LOD: LodThresholds = { fullMinHeight: 44, fullMinWidth: 120, nameMinHeight: 18, nameMinWidth: 50 };

export const OWNERSHIP_COLOURS = {
  unownedFill: "#fff1f0",
  unownedStroke: "#dc2626",
  unownedBlock: "#f29b9b",
  contextFill: "#eceff3",
  overBudget: "#dc2626",
  withinBudget: "#16a34a",
  loadTrack: "#e3e7ed",
};

/** The narrowest compare-mode tag worth drawing. */
const MARK_TAG_MIN = 36;

/**
 * The effort tag right of each area row (actual against target), in the link lane the row's links leave by: past the
 * selected row's "+" button (22 px), ending before the lane's middle where the links turn towards their teams.
 */
export const EFFORT_TAG = { gap: 30, width: 84, track: "#e3e7ed", mark: "#1b1f27" };

/** The scene's team box: a header (name, load bar), then one line per owned or contributed area. */
const TEAM_HEADER = 44;
const TEAM_LINE = 20;

const NO_CARDS: CardContentProvider = { get: () => undefined };
const NO_STYLES: StyleTable = { flags: new Uint8Array(0), colour: new Uint16Array(0), palette: [] };

const COMPLEXITY_TAG = { simple: "simple", complicated: "complicated", complex: "complex" } as const;

/** What the map shows beside the boxes: the dragged area's offset and whether the drop adds a contributor. */
export interface OwnershipHighlights extends Highlights {
  contributorDrop: boolean;
  /** The filter is on: parent rows are context only and drawn muted. */
  onlyUnowned: boolean;
  /** Compare mode: changed areas tinted and labelled with their old owner, removed ones drawn as ghost rows. */
  compare: OwnershipMarks | null;
  /** A row dragged over the area tree: the line between rows or the row it would go into, or the refusal. */
  treeDrop?: TreeDrop | null;
}

/** Where a dragged area row would land in the tree (see areaEdit.planAreaMove). */
export interface TreeDrop {
  area: number;
  zone: "before" | "into" | "after";
  ok: boolean;
  reason?: string;
}

/** What compare mode shows on the map, as plain data (the e2e accessor reads it). */
export interface OwnershipCompareSummary {
  areas: { id: number; kind: string; from: number | null; fromName: string | null; label: string }[];
  removed: { id: number; name: string; owner: string | null; x: number; y: number; w: number; h: number }[];
}

export class OwnershipRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private theme: Theme;
  private readonly scheduler: FrameScheduler;
  readonly text: TextCache;
  private readonly scratch = new Scratch();
  private scene: OwnershipScene | null = null;
  private layout: MapLayout | null = null;
  private lookup = new Map<number, number>();
  private teamName = new Map<number, string>();
  private teamColour = new Map<number, string>();
  private areaName = new Map<number, string>();
  private scale = 100;
  private claimed: (number | null)[] = [];
  private boxes = new GridIndex({ x: [], y: [], w: [], h: [] });
  private linkBoxes = connectorBoxes([]);
  private links = new GridIndex(this.linkBoxes);
  private bufs: CullBuffers = makeCullBuffers(this.boxes, this.links);
  private cam: Camera = { x: 0, y: 0, zoom: 1 };
  private vp: Viewport = { width: 0, height: 0 };
  private dpr = 1;
  private hl: OwnershipHighlights = { ...NO_HIGHLIGHTS, contributorDrop: false, onlyUnowned: false, compare: null };
  private ghosts: GhostRows | null = null;
  /** Left edge of the team column: compare tags stop short of it. */
  private teamLeft = Infinity;
  private frame: number | null = null;
  private disposed = false;
  /** After each frame: the rows and boxes drawn, and the ms the drawing took. */
  onFrame: ((boxesDrawn: number, ms: number) => void) | null = null;
  /** After every frame (the camera may have moved): lets chrome over the canvas follow its row. */
  onDrawn: (() => void) | null = null;

  constructor(private readonly canvas: HTMLCanvasElement, opts: { theme?: Theme; scheduler?: FrameScheduler } = {}) {
    const ctx = canvas.getContext("2d", { alpha: false });
    if (!ctx) throw new Error("Canvas 2D is not available");
    this.ctx = ctx;
    this.theme = opts.theme ?? DEFAULT_THEME;
    this.scheduler = opts.scheduler ?? { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) };
    this.text = new TextCache(canvasMeasure(ctx));
  }

  setLayout(scene: OwnershipScene, layout: MapLayout): void {
    this.scene = scene;
    this.layout = layout;
    this.lookup = new Map(layout.ids.map((id, i) => [id, i]));
    this.teamName = new Map(scene.teams.map((id, t) => [id, scene.team_content[t]?.name ?? ""]));
    this.teamColour = new Map(scene.teams.map((id, t) => [id, scene.team_content[t]?.colour ?? this.theme.blockFill]));
    this.areaName = new Map(scene.areas.map((id, i) => [id, scene.area_content[i]?.name ?? ""]));
    this.scale = effortScale(scene);
    this.claimed = claimedTargets(scene);
    this.boxes = new GridIndex(layout);
    this.linkBoxes = connectorBoxes(layout.connectors);
    this.links = new GridIndex(this.linkBoxes);
    this.bufs = makeCullBuffers(this.boxes, this.links);
    this.teamLeft = scene.team_x.reduce((m, x) => Math.min(m, x), Infinity);
    this.placeGhosts();
    this.invalidate();
  }

  /** Compare mode on (the marks of a comparison whose "to" scenario this map shows) or off (null). */
  setCompare(marks: OwnershipMarks | null): void {
    this.hl = { ...this.hl, compare: marks, marks: marks?.sets };
    this.placeGhosts();
    this.invalidate();
  }

  private placeGhosts(): void {
    const n = this.hl.compare?.removed.length ?? 0;
    this.ghosts = this.scene && this.layout && n > 0 ? ghostRows(this.scene, this.layout, n) : null;
  }

  /** The layout's bounds, grown by compare mode's ghost rows so the camera can reach them. */
  get bounds(): Rect | null {
    const L = this.layout;
    if (!L) return null;
    return this.ghosts ? unionRect(L.bounds, this.ghosts.bounds) : L.bounds;
  }

  /** World rectangle of an area row, a team box, or a removed area's ghost row; null when the map has none. */
  worldRect(id: number): Rect | null {
    const i = this.lookup.get(id), L = this.layout;
    if (i !== undefined && L) return { x: L.x[i] as number, y: L.y[i] as number, w: L.w[i] as number, h: L.h[i] as number };
    const g = this.ghosts, k = this.hl.compare?.removed.findIndex((r) => r.area.id === id) ?? -1;
    return g && k >= 0 ? { x: g.x, y: g.y + k * g.pitch, w: g.w, h: g.h } : null;
  }

  compareSummary(): OwnershipCompareSummary | null {
    const c = this.hl.compare;
    if (!c) return null;
    const areas = [...c.areas].map(([id, m]) => ({ id, kind: m.kind, from: m.from?.id ?? null, fromName: m.from?.name ?? null, label: areaMarkLabel(m) }));
    const removed = c.removed.map((r) => {
      const w = this.worldRect(r.area.id) as Rect, p = worldToScreen(this.cam, w.x, w.y);
      return { id: r.area.id, name: r.area.name, owner: r.owner?.name ?? null, x: p.x, y: p.y, w: w.w * this.cam.zoom, h: w.h * this.cam.zoom };
    });
    return { areas, removed };
  }

  /** The effort tag of an area row as drawn: its figure, reading and bar (for end-to-end tests); null for no row. */
  effortOf(id: number): { figure: string; title: string; fill: number; tick: number | null; colour: string; scale: number } | null {
    const scene = this.scene, row = scene?.areas.indexOf(id) ?? -1;
    const c = scene?.area_content[row];
    if (!c) return null;
    const claimed = this.claimed[row] ?? null;
    return { figure: effortFigure(c, claimed), title: effortTitle(c, claimed), ...effortBar(c, claimed, this.scale, EFFORT_TAG.width), scale: this.scale };
  }

  get currentLayout(): MapLayout | null {
    return this.layout;
  }

  get currentScene(): OwnershipScene | null {
    return this.scene;
  }

  get camera(): Camera {
    return this.cam;
  }

  get viewport(): Viewport {
    return this.vp;
  }

  setCamera(cam: Camera): void {
    this.cam = cam;
    this.invalidate();
  }

  setViewportSize(width: number, height: number, dpr: number): void {
    this.vp = { width, height };
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.renderNow();
  }

  setHighlights(h: Partial<OwnershipHighlights>): void {
    this.hl = { ...this.hl, ...h };
    this.invalidate();
  }

  get highlights(): OwnershipHighlights {
    return this.hl;
  }

  /** Id (area or team: ids are unique across kinds) of the box under a CSS-pixel point, or null. */
  hitTest(sx: number, sy: number, skipId?: number): number | null {
    const L = this.layout;
    if (!L) return null;
    const skip = skipId === undefined ? -1 : (this.lookup.get(skipId) ?? -1);
    const i = this.boxes.hitTest(sx / this.cam.zoom + this.cam.x, sy / this.cam.zoom + this.cam.y, skip);
    return i < 0 ? null : (L.ids[i] as number);
  }

  isArea(id: number): boolean {
    const i = this.lookup.get(id);
    return i !== undefined && this.layout !== null && i < this.layout.areaCount;
  }

  boxScreenRect(id: number): Rect | null {
    const i = this.lookup.get(id), L = this.layout;
    if (i === undefined || !L) return null;
    const p = worldToScreen(this.cam, L.x[i] as number, L.y[i] as number);
    return { x: p.x, y: p.y, w: (L.w[i] as number) * this.cam.zoom, h: (L.h[i] as number) * this.cam.zoom };
  }

  /** Light or dark (View › Appearance): redraws with the new colours (team colours are the teams' own). */
  setTheme(theme: Theme): void {
    this.theme = theme;
    this.invalidate();
  }

  invalidate(): void {
    if (this.frame !== null || this.disposed) return;
    this.frame = this.scheduler.request(() => {
      this.frame = null;
      this.renderNow();
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== null) this.scheduler.cancel(this.frame);
  }

  renderNow(): void {
    const t0 = performance.now();
    const { ctx, cam, vp, theme, layout: L, scene } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!L || !scene || vp.width === 0 || vp.height === 0) return;
    const culled = cullScene(this.boxes, this.links, cam, vp, 6, this.bufs);
    const z = cam.zoom * this.dpr;
    ctx.setTransform(z, 0, 0, z, -cam.x * z, -cam.y * z);
    const view = visibleWorldRect(cam, vp);
    // Connectors need only the context, theme and zoom of a chart's drawing environment.
    const env: DrawEnv = { ctx, scene: L, content: NO_CARDS, styles: NO_STYLES, theme, text: this.text, zoom: cam.zoom, scratch: this.scratch };
    drawConnectors(env, culled.connectors, L.connectors, view, this.linkBoxes);
    const hlEnv = { ctx, scene: L, lookup: this.lookup, theme, zoom: cam.zoom, view };
    drawHighlightFills(hlEnv, this.hl);
    for (let k = 0; k < culled.cards.length; k++) this.drawBox(culled.cards[k] as number, 0, 0);
    if (this.ghosts) this.drawGhosts(this.ghosts, view);
    drawHighlightStrokes(hlEnv, this.hl);
    this.drawDrag();
    this.drawTreeDrop();
    this.onFrame?.(culled.cards.length, performance.now() - t0);
    this.onDrawn?.();
  }

  private lodOf(i: number): Lod {
    const L = this.layout as MapLayout;
    const z = this.cam.zoom;
    return selectLod((L.w[i] as number) * z, (L.h[i] as number) * z, i < L.areaCount ? ROW_LOD : TEAM_LOD);
  }

  private drawBox(i: number, dx: number, dy: number): void {
    const L = this.layout as MapLayout;
    const x = (L.x[i] as number) + dx, y = (L.y[i] as number) + dy, w = L.w[i] as number, h = L.h[i] as number;
    if (i < L.areaCount) this.drawArea(L.sceneIndex[i] as number, x, y, w, h, this.lodOf(i));
    else this.drawTeam(L.sceneIndex[i] as number, x, y, w, h, this.lodOf(i));
  }

  private drawArea(row: number, x: number, y: number, w: number, h: number, lod: Lod): void {
    const { ctx, theme, cam } = this;
    const c = (this.scene as OwnershipScene).area_content[row];
    if (!c) return;
    const context = this.hl.onlyUnowned && !c.unowned;
    const ownerColour = c.owner === null ? null : (this.teamColour.get(c.owner) ?? theme.blockFill);
    if (lod === "block") {
      ctx.fillStyle = c.unowned ? OWNERSHIP_COLOURS.unownedBlock : (ownerColour ?? theme.blockFill);
      ctx.fillRect(x, y, w, h);
      return;
    }
    ctx.fillStyle = c.unowned ? OWNERSHIP_COLOURS.unownedFill : context ? OWNERSHIP_COLOURS.contextFill : theme.cardFill;
    ctx.fillRect(x, y, w, h);
    // Compare mode: the row's own fill would hide the highlight layer's tint, so the tint is drawn here.
    const mark = this.hl.compare?.areas.get((this.scene as OwnershipScene).areas[row] as number);
    if (mark) {
      ctx.fillStyle = markStyleOf(mark.kind).fill;
      ctx.fillRect(x, y, w, h);
    }
    ctx.lineWidth = (c.unowned ? 1.5 : 1) / cam.zoom;
    ctx.strokeStyle = c.unowned ? OWNERSHIP_COLOURS.unownedStroke : theme.cardStroke;
    ctx.strokeRect(x, y, w, h);
    // The accent says who owns it at a glance, red when nobody does.
    ctx.fillStyle = c.unowned ? OWNERSHIP_COLOURS.unownedStroke : (ownerColour ?? theme.cardStroke);
    ctx.fillRect(x, y, theme.accentWidth, h);
    const pad = theme.accentWidth + 6;
    const nameFont = c.isLeaf ? `500 ${theme.titleFont}` : theme.nameFont;
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.fillStyle = context ? theme.mutedColour : theme.nameColour;
    if (lod === "name") {
      ctx.font = nameFont;
      ctx.fillText(this.text.fit(c.name, nameFont, w - pad - 4), x + pad, y + h / 2);
      this.drawEffortTag(row, x + w + EFFORT_TAG.gap, y, h, lod);
      return;
    }
    const owner = c.owner === null ? (c.isLeaf ? "unowned" : "") : (this.teamName.get(c.owner) ?? "");
    const right = [owner, c.isLeaf ? COMPLEXITY_TAG[c.complexity] : ""].filter(Boolean).join(" · ");
    const rightW = Math.min(w * 0.5, this.text.width(right, theme.titleFont));
    ctx.font = nameFont;
    ctx.fillText(this.text.fit(c.name, nameFont, w - pad - rightW - 12), x + pad, y + h / 2);
    ctx.font = theme.titleFont;
    ctx.textAlign = "right";
    ctx.fillStyle = c.unowned ? OWNERSHIP_COLOURS.unownedStroke : theme.titleColour;
    ctx.fillText(this.text.fit(right, theme.titleFont, rightW), x + w - 6, y + h / 2);
    ctx.textAlign = "left";
    this.drawEffortTag(row, x + w + EFFORT_TAG.gap, y, h, lod);
    // Compare mode's tag goes after the effort tag, or over it when the lane has no room for both.
    const after = x + w + EFFORT_TAG.gap + EFFORT_TAG.width;
    if (mark) this.drawMarkTag(areaMarkLabel(mark), markStyleOf(mark.kind).stroke, this.teamLeft - after - 12 >= MARK_TAG_MIN ? after : x + w, y, h);
  }

  /** Actual effort against the target beside the row: the figure over a bar in the stance's colour, the target a mark. */
  private drawEffortTag(row: number, left: number, y: number, h: number, lod: Lod): void {
    const { ctx, theme, cam } = this;
    const c = (this.scene as OwnershipScene).area_content[row];
    if (!c) return;
    const claimed = this.claimed[row] ?? null;
    const bar = effortBar(c, claimed, this.scale, EFFORT_TAG.width);
    const full = lod === "full";
    const trackY = full ? y + h - 10 : y + h / 2 - 4, trackH = full ? 6 : 8;
    ctx.fillStyle = theme.background;
    ctx.fillRect(left - 2, y, EFFORT_TAG.width + 4, h);
    ctx.fillStyle = EFFORT_TAG.track;
    ctx.fillRect(left, trackY, EFFORT_TAG.width, trackH);
    ctx.fillStyle = bar.colour;
    ctx.fillRect(left, trackY, bar.fill, trackH);
    if (bar.tick !== null) {
      ctx.fillStyle = EFFORT_TAG.mark;
      const t = Math.max(1.5, 1 / cam.zoom);
      if (bar.tickFromBelow) ctx.globalAlpha = 0.45;
      ctx.fillRect(left + bar.tick - t / 2, trackY - 3, t, trackH + 6);
      ctx.globalAlpha = 1;
    }
    if (!full) return;
    ctx.font = theme.badgeFont;
    ctx.fillStyle = theme.titleColour;
    ctx.textAlign = "left";
    ctx.fillText(this.text.fit(effortFigure(c, claimed), theme.badgeFont, EFFORT_TAG.width), left, y + 8);
  }

  /** Compare mode's "from Payments": a tag just right of the row, in the gap before the team column (the row's own text has no room). */
  private drawMarkTag(label: string, colour: string, left: number, y: number, h: number): void {
    const { ctx, theme } = this;
    const room = this.teamLeft - left - 12;
    const w = Math.min(room, this.text.width(label, theme.badgeFont) + 10);
    if (w < MARK_TAG_MIN) return;
    ctx.fillStyle = colour;
    ctx.fillRect(left + 4, y + 4, w, h - 8);
    ctx.font = theme.badgeFont;
    ctx.fillStyle = "#fff";
    ctx.fillText(this.text.fit(label, theme.badgeFont, w - 10), left + 9, y + h / 2);
  }

  private drawTeam(t: number, x: number, y: number, w: number, h: number, lod: Lod): void {
    const { ctx, theme, cam } = this;
    const c = (this.scene as OwnershipScene).team_content[t];
    if (!c) return;
    if (lod === "block") {
      ctx.fillStyle = c.colour;
      ctx.fillRect(x, y, w, h);
      return;
    }
    ctx.fillStyle = theme.cardFill;
    ctx.fillRect(x, y, w, h);
    ctx.lineWidth = (c.overBudget ? 2 : 1) / cam.zoom;
    ctx.strokeStyle = c.overBudget ? OWNERSHIP_COLOURS.overBudget : theme.cardStroke;
    ctx.strokeRect(x, y, w, h);
    ctx.fillStyle = c.colour;
    ctx.fillRect(x, y, w, theme.accentWidth);
    const pad = theme.padX, innerW = w - 2 * pad;
    ctx.textBaseline = "middle";
    const nameY = lod === "full" ? y + theme.accentWidth + 12 : y + h / 2;
    const load = lod === "full" ? loadLabel(c.load, c.budget).replace(/^load /, "") : "";
    const loadW = load ? this.text.width(load, theme.badgeFont) + 8 : 0;
    ctx.textAlign = "left";
    ctx.font = theme.nameFont;
    ctx.fillStyle = theme.nameColour;
    ctx.fillText(this.text.fit(c.name, theme.nameFont, innerW - loadW), x + pad, nameY);
    if (lod !== "full") return;
    ctx.textAlign = "right";
    ctx.font = theme.badgeFont;
    ctx.fillStyle = c.overBudget ? OWNERSHIP_COLOURS.overBudget : theme.titleColour;
    ctx.fillText(load, x + w - pad, nameY);
    // Load against the budget: the bar's full width is 1.5 budgets, so an overload still shows how far over it is.
    const barY = y + TEAM_HEADER - 14, frac = Math.min(1, c.load / (1.5 * c.budget || 1));
    ctx.fillStyle = OWNERSHIP_COLOURS.loadTrack;
    ctx.fillRect(x + pad, barY, innerW, 6);
    ctx.fillStyle = c.overBudget ? OWNERSHIP_COLOURS.overBudget : OWNERSHIP_COLOURS.withinBudget;
    ctx.fillRect(x + pad, barY, innerW * frac, 6);
    ctx.fillStyle = theme.titleColour;
    ctx.fillRect(x + pad + innerW / 1.5, barY - 2, 1 / cam.zoom, 10);
    // What it owns, then what it helps with, one line each as the scene sized the box.
    ctx.textAlign = "left";
    ctx.font = theme.titleFont;
    let lineY = y + TEAM_HEADER + TEAM_LINE / 2;
    for (const [ids, colour, prefix] of [[c.owned, theme.nameColour, ""], [c.contributes, theme.dottedConnector, "helps: "]] as const) {
      ctx.fillStyle = colour;
      for (const id of ids) {
        if (lineY > y + h - 4) return;
        ctx.fillText(this.text.fit(prefix + (this.areaName.get(id) ?? `area #${id}`), theme.titleFont, innerW), x + pad, lineY);
        lineY += TEAM_LINE;
      }
    }
  }

  /** Compare mode's removed areas: dashed rows under the tree, only those in view, text by level of detail. */
  private drawGhosts(g: GhostRows, view: Rect): void {
    const { ctx, theme, cam } = this;
    const removed = (this.hl.compare as OwnershipMarks).removed;
    if (g.x > view.x + view.w || g.x + g.w < view.x) return;
    const lod = selectLod(g.w * cam.zoom, g.h * cam.zoom, ROW_LOD);
    const first = Math.max(0, Math.floor((view.y - g.y) / g.pitch)), last = Math.min(g.count - 1, Math.ceil((view.y + view.h - g.y) / g.pitch));
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    const headerY = g.y - g.pitch;
    if (lod !== "block" && headerY + g.h >= view.y && headerY <= view.y + view.h) {
      ctx.font = theme.nameFont;
      ctx.fillStyle = theme.mutedColour;
      ctx.fillText(this.text.fit(`Removed in this proposal (${g.count})`, theme.nameFont, g.w), g.x, headerY + g.h / 2);
    }
    ctx.setLineDash([5 / cam.zoom, 4 / cam.zoom]);
    for (let k = first; k <= last; k++) {
      const r = removed[k];
      if (!r) continue;
      const y = g.y + k * g.pitch, focused = this.hl.selected.has(r.area.id);
      ctx.lineWidth = (focused ? 3 : 1) / cam.zoom;
      ctx.strokeStyle = focused ? theme.selected : theme.mutedColour;
      ctx.strokeRect(g.x, y, g.w, g.h);
      if (lod === "block") continue;
      ctx.font = theme.titleFont;
      ctx.fillStyle = theme.mutedColour;
      const owner = lod === "full" ? (r.owner ? `owner was ${r.owner.name}` : "had no owner") : "";
      const ownerW = owner ? Math.min(g.w * 0.5, this.text.width(owner, theme.titleFont)) : 0;
      ctx.fillText(this.text.fit(r.area.name, theme.titleFont, g.w - ownerW - 18), g.x + 6, y + g.h / 2);
      if (!owner) continue;
      ctx.textAlign = "right";
      ctx.fillText(this.text.fit(owner, theme.titleFont, ownerW), g.x + g.w - 6, y + g.h / 2);
      ctx.textAlign = "left";
    }
    ctx.setLineDash([]);
  }

  /** The drop line between rows (a sibling there) or the outline of the row (a child of it), or the refusal. */
  private drawTreeDrop(): void {
    const td = this.hl.treeDrop, r = td ? this.worldRect(td.area) : null;
    if (!td || !r) return;
    const { ctx, theme, cam } = this;
    const z = cam.zoom * this.dpr;
    ctx.setTransform(z, 0, 0, z, -cam.x * z, -cam.y * z);
    if (td.ok) {
      ctx.strokeStyle = theme.selected;
      ctx.fillStyle = theme.selected;
      ctx.lineWidth = 3 / cam.zoom;
      if (td.zone === "into") ctx.strokeRect(r.x, r.y, r.w, r.h);
      else {
        const y = td.zone === "before" ? r.y : r.y + r.h;
        ctx.beginPath();
        ctx.moveTo(r.x, y);
        ctx.lineTo(r.x + r.w, y);
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(r.x, y, 4 / cam.zoom, 0, Math.PI * 2);
        ctx.fill();
      }
    } else if (td.reason) {
      const s = this.boxScreenRect(td.area);
      if (s) {
        ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
        drawRefusalTooltip(ctx, this.text, theme, td.reason, s, this.vp);
      }
    }
  }

  /** Dims the dragged row in place and draws it again under the pointer (dashed when it adds a contributor). */
  private drawDrag(): void {
    const { ctx, theme, cam, hl } = this;
    const drag = hl.drag, L = this.layout as MapLayout;
    const i = drag ? this.lookup.get(drag.id) : undefined;
    if (drag && i !== undefined) {
      const x = L.x[i] as number, y = L.y[i] as number, w = L.w[i] as number, h = L.h[i] as number;
      ctx.globalAlpha = 0.6;
      ctx.fillStyle = theme.background;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 0.9;
      this.drawBox(i, drag.dx, drag.dy);
      if (hl.contributorDrop) {
        ctx.setLineDash([4 / cam.zoom, 3 / cam.zoom]);
        ctx.lineWidth = 2 / cam.zoom;
        ctx.strokeStyle = theme.dottedConnector;
        ctx.strokeRect(x + drag.dx, y + drag.dy, w, h);
        ctx.setLineDash([]);
      }
      ctx.globalAlpha = 1;
    }
    const dt = hl.dropTarget;
    if (dt && !dt.ok && dt.reason) {
      const r = this.boxScreenRect(dt.id);
      if (r) {
        ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
        drawRefusalTooltip(ctx, this.text, theme, dt.reason, r, this.vp);
      }
    }
  }
}

/** "load 0.93 / 1" with two decimals at most, as people read it. */
export function loadLabel(load: number, budget: number): string {
  const f = (v: number) => String(Math.round(v * 100) / 100);
  return `load ${f(load)} / ${f(budget)}`;
}
