// Canvas renderer of the team map: culls units, chips and interactions through the map's grid indexes, picks a
// level of detail by on-screen size, and draws once per frame when something changed (canvas/frameLoop).
import { visibleWorldRect, worldToScreen, type Camera, type Viewport } from "../canvas/camera";
import { FrameLoop, sizeBackingStore } from "../canvas/frameLoop";
import { drawRefusalTooltip } from "../canvas/highlights";
import { drawFocusRing } from "../canvas/focusRing";
import { TextCache, type MeasureFn } from "../canvas/lod";
import { defaultMeasure, type FrameScheduler, type FrameStats } from "../canvas/renderer";
import type { Rect } from "../canvas/scene";
import { DEFAULT_THEME, type Theme } from "../canvas/theme";
import type { InteractionMode } from "../bindings";
import {
  drawChipBadges, drawChipBlocks, drawChips, drawInteractionLine, drawInteractions, drawUnitBadges, drawUnitBlocks, drawUnitLabels, drawUnits, unitPath,
  type MapDrawEnv,
} from "./drawMap";
import { HANDLE_RADIUS_PX, TeamMapIndex } from "./mapIndex";
import type { TeamMapScene } from "./sceneTypes";
import { CHIP_STYLE } from "./style";

/** What is drawn over the map: selection, the gesture under way and its drop target. */
export interface MapHighlights {
  persons: ReadonlySet<number>;
  units: ReadonlySet<number>;
  interaction: number | null;
  /** Unit index whose edge handle shows (hovered or selected team). */
  handle: number;
  /** The unit a drag would drop into (-1: the open canvas), and whether it may. */
  drop: { i: number; ok: boolean; reason?: string } | null;
  dragChip: { k: number; dx: number; dy: number; add: boolean } | null;
  dragUnit: { i: number; dx: number; dy: number } | null;
  /** World rectangle of a rubber band under way. */
  lasso: Rect | null;
  /** An interaction being drawn: from a unit index to a world point. */
  link: { from: number; x: number; y: number; mode: InteractionMode } | null;
  /** Health findings per unit id and per person id (ui/src/insights), drawn as count badges. */
  unitBadges: ReadonlyMap<number, number>;
  personBadges: ReadonlyMap<number, number>;
  /** Colour by (ui/src/fields/colourBy): each coloured person's colour, tinting every chip of theirs. */
  personColours?: ReadonlyMap<number, string>;
  /** The people the sheet's filter matches (ui/src/sheet/sheetHighlight): every chip of theirs is marked. */
  hits?: ReadonlySet<number>;
  /** World rectangle of the unit or chip the keyboard is on, while the canvas has the keyboard focus. */
  focusRing?: Rect | null;
}

export const NO_MAP_HIGHLIGHTS: MapHighlights = {
  persons: new Set(), units: new Set(), interaction: null, handle: -1, drop: null, dragChip: null, dragUnit: null, lasso: null, link: null,
  unitBadges: new Map(), personBadges: new Map(),
};

export interface TeamMapRendererOptions {
  theme?: Theme;
  scheduler?: FrameScheduler;
  measure?: MeasureFn;
  onFrame?: (stats: FrameStats) => void;
}

/** Below these on-screen sizes a unit is a plain block and a chip a plain rectangle. */
const UNIT_BLOCK_PX = 6;
const CHIP_BLOCK_PX = 9;

export class TeamMapRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private theme: Theme;
  readonly text: TextCache;
  private readonly loop: FrameLoop;
  private readonly onFrame: ((s: FrameStats) => void) | undefined;
  private idx: TeamMapIndex | null = null;
  private unitBuf = new Uint32Array(0);
  private chipBuf = new Uint32Array(0);
  private linkBuf = new Uint32Array(0);
  private unitSplit = new Uint32Array(0);
  private chipSplit = new Uint32Array(0);
  private cam: Camera = { x: 0, y: 0, zoom: 1 };
  private vp: Viewport = { width: 0, height: 0 };
  private dpr = 1;
  private hl: MapHighlights = NO_MAP_HIGHLIGHTS;
  private chipLabels: (string | undefined)[] = [];

  constructor(private readonly canvas: HTMLCanvasElement, opts: TeamMapRendererOptions = {}) {
    const ctx = canvas.getContext("2d", { alpha: false });
    if (!ctx) throw new Error("Canvas 2D is not available");
    this.ctx = ctx;
    this.theme = opts.theme ?? DEFAULT_THEME;
    this.text = new TextCache(opts.measure ?? defaultMeasure());
    // Widths measured with a fallback font are wrong once the real one loads.
    if (typeof document !== "undefined" && document.fonts) document.fonts.addEventListener("loadingdone", this.onFontsLoaded);
    this.onFrame = opts.onFrame;
    this.loop = new FrameLoop(() => this.renderNow(), opts.scheduler);
  }

  /** New scene: builds the indexes once (O(n)); frames only query them. */
  setScene(scene: TeamMapScene): TeamMapIndex {
    const idx = new TeamMapIndex(scene);
    this.idx = idx;
    this.chipLabels = new Array<string | undefined>(scene.chip_person.length);
    this.unitBuf = new Uint32Array(scene.units.length);
    this.chipBuf = new Uint32Array(scene.chip_person.length);
    this.linkBuf = new Uint32Array(scene.interactions.length);
    this.unitSplit = new Uint32Array(scene.units.length);
    this.chipSplit = new Uint32Array(scene.chip_person.length);
    this.invalidate();
    return idx;
  }

  get index(): TeamMapIndex | null {
    return this.idx;
  }

  get camera(): Camera {
    return this.cam;
  }

  setCamera(cam: Camera): void {
    if (cam.x === this.cam.x && cam.y === this.cam.y && cam.zoom === this.cam.zoom) return;
    this.cam = cam;
    this.invalidate();
  }

  get viewport(): Viewport {
    return this.vp;
  }

  setViewportSize(width: number, height: number, dpr: number): void {
    this.vp = { width, height };
    this.dpr = dpr;
    if (sizeBackingStore(this.canvas, width, height, dpr)) this.loop.drawNow();
    else this.invalidate();
  }

  get highlights(): MapHighlights {
    return this.hl;
  }

  setHighlights(h: Partial<MapHighlights>): void {
    this.hl = { ...this.hl, ...h };
    this.invalidate();
  }

  /** Light or dark (View › Appearance): redraws with the new colours. */
  setTheme(theme: Theme): void {
    this.theme = theme;
    this.invalidate();
  }

  invalidate(): void {
    this.loop.invalidate();
  }

  private readonly onFontsLoaded = () => {
    this.text.clear();
    this.chipLabels = new Array<string | undefined>(this.chipLabels.length);
    this.invalidate();
  };

  dispose(): void {
    this.loop.dispose();
    if (typeof document !== "undefined" && document.fonts) document.fonts.removeEventListener("loadingdone", this.onFontsLoaded);
  }

  toScreen(r: Rect): Rect {
    const p = worldToScreen(this.cam, r.x, r.y);
    return { x: p.x, y: p.y, w: r.w * this.cam.zoom, h: r.h * this.cam.zoom };
  }

  renderNow(): FrameStats {
    const t0 = performance.now();
    const { ctx, cam, vp, theme } = this;
    const stats: FrameStats = { cards: 0, connectors: 0, lodCounts: { full: 0, name: 0, block: 0 }, ms: 0 };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const idx = this.idx;
    if (!idx || vp.width === 0 || vp.height === 0) return this.finish(stats, t0);
    const z = cam.zoom * this.dpr;
    ctx.setTransform(z, 0, 0, z, -cam.x * z, -cam.y * z);
    const view = visibleWorldRect(cam, vp);
    const m = 8 / cam.zoom;
    const qx = view.x - m, qy = view.y - m, qw = view.w + 2 * m, qh = view.h + 2 * m;
    const units = idx.units.queryRect(qx, qy, qw, qh, this.unitBuf);
    const chips = idx.chips.queryRect(qx, qy, qw, qh, this.chipBuf);
    const links = idx.links.queryRect(qx, qy, qw, qh, this.linkBuf);
    const env: MapDrawEnv = { ctx, scene: idx.scene, theme, text: this.text, zoom: cam.zoom, view, chipLabels: this.chipLabels };
    const s = idx.scene;

    // Level of detail: the visible lists split into reused buffers, so a steady pan allocates next to nothing.
    const [unitBlocks, unitShapes] = partition(units, this.unitSplit, (i) => Math.min(s.w[i] as number, s.h[i] as number) * cam.zoom < UNIT_BLOCK_PX);
    const [chipBlocks, chipFull] = partition(chips, this.chipSplit, (k) => (s.chip_h[k] as number) * cam.zoom < CHIP_BLOCK_PX);
    drawUnitBlocks(env, unitBlocks);
    drawUnits(env, unitShapes);
    drawInteractions(env, links);
    drawChipBlocks(env, chipBlocks, this.hl.personColours);
    drawChips(env, chipFull, this.hl.personColours);
    drawUnitLabels(env, unitShapes);
    drawChipBadges(env, chipFull, this.hl.personBadges);
    drawUnitBadges(env, unitShapes, this.hl.unitBadges);
    this.drawHighlights(env);

    // Boxes drawn: a map opened on its collapsed groups has no chips on screen, yet something to read.
    stats.cards = units.length + chips.length;
    stats.connectors = links.length;
    stats.lodCounts = { full: chipFull.length, name: unitShapes.length, block: chipBlocks.length + unitBlocks.length };
    return this.finish(stats, t0);
  }

  private finish(stats: FrameStats, t0: number): FrameStats {
    stats.ms = performance.now() - t0;
    this.onFrame?.(stats);
    return stats;
  }

  private drawHighlights(env: MapDrawEnv): void {
    const idx = this.idx;
    if (!idx) return;
    const { ctx, zoom } = env;
    const s = idx.scene, h = this.hl;
    const view = visibleWorldRect(this.cam, this.vp);
    if (h.hits && h.hits.size > 0) {
      // In the org chart's search hit colour, an outline only (drawn over the names, a fill would dim them), under
      // the selection's ring.
      const visible = idx.chips.queryRect(view.x, view.y, view.w, view.h);
      ctx.beginPath();
      for (const k of visible) {
        if (h.hits.has(s.chip_person[k] as number)) ctx.rect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, s.chip_h[k] as number);
      }
      ctx.lineWidth = 2.5 / zoom;
      ctx.strokeStyle = this.theme.searchHitStroke;
      ctx.stroke();
    }
    ctx.lineWidth = 2.5 / zoom;
    ctx.strokeStyle = CHIP_STYLE.selected;
    if (h.persons.size > 0) {
      // Every chip of a selected person, on every team they are on.
      const visible = idx.chips.queryRect(view.x, view.y, view.w, view.h);
      for (const k of visible) {
        if (!h.persons.has(s.chip_person[k] as number)) continue;
        ctx.strokeRect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, s.chip_h[k] as number);
      }
    }
    for (const id of h.units) {
      const i = idx.unitAt.get(id);
      const c = i === undefined ? undefined : s.unit_content[i];
      if (i === undefined || !c) continue;
      unitPath(ctx, c.kind, s.x[i] as number, s.y[i] as number, s.w[i] as number, s.h[i] as number);
      ctx.stroke();
    }
    const sel = h.interaction === null ? undefined : s.interactions.find((it) => it.id === h.interaction);
    if (sel) {
      ctx.globalAlpha = 0.35;
      ctx.lineWidth = 10 / zoom;
      ctx.beginPath();
      ctx.moveTo(sel.points[0] as number, sel.points[1] as number);
      for (let j = 2; j + 1 < sel.points.length; j += 2) ctx.lineTo(sel.points[j] as number, sel.points[j + 1] as number);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    if (h.drop && h.drop.i >= 0) {
      const i = h.drop.i, c = s.unit_content[i];
      if (c) {
        unitPath(ctx, c.kind, s.x[i] as number, s.y[i] as number, s.w[i] as number, s.h[i] as number);
        ctx.fillStyle = h.drop.ok ? this.theme.dropOkFill : this.theme.dropBadFill;
        ctx.fill();
        ctx.lineWidth = 3 / zoom;
        ctx.strokeStyle = h.drop.ok ? this.theme.dropOk : this.theme.dropBad;
        ctx.stroke();
      }
    }
    if (h.handle >= 0 && h.handle < s.units.length) {
      const c = idx.handleCentre(h.handle);
      ctx.beginPath();
      ctx.arc(c.x, c.y, HANDLE_RADIUS_PX / zoom, 0, Math.PI * 2);
      ctx.fillStyle = "#ffffff";
      ctx.fill();
      ctx.lineWidth = 2 / zoom;
      ctx.strokeStyle = CHIP_STYLE.selected;
      ctx.stroke();
    }
    if (h.link) {
      const c = idx.handleCentre(h.link.from);
      drawInteractionLine(ctx, h.link.mode, [c.x, c.y, h.link.x, h.link.y], zoom);
    }
    if (h.dragUnit) {
      const i = h.dragUnit.i, c = s.unit_content[i];
      if (c) {
        ctx.save();
        ctx.translate(h.dragUnit.dx, h.dragUnit.dy);
        ctx.globalAlpha = 0.7;
        drawUnits({ ...env }, Uint32Array.of(i));
        ctx.globalAlpha = 1;
        drawUnitLabels(env, Uint32Array.of(i));
        ctx.restore();
      }
    }
    if (h.dragChip) {
      ctx.save();
      ctx.translate(h.dragChip.dx, h.dragChip.dy);
      ctx.globalAlpha = 0.9;
      drawChips(env, Uint32Array.of(h.dragChip.k));
      ctx.restore();
      ctx.globalAlpha = 1;
      if (h.dragChip.add) {
        const k = h.dragChip.k;
        ctx.fillStyle = CHIP_STYLE.dropOk;
        ctx.beginPath();
        ctx.arc((s.chip_x[k] as number) + (s.chip_w[k] as number) + h.dragChip.dx, (s.chip_y[k] as number) + h.dragChip.dy, 7 / zoom, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    if (h.lasso) {
      ctx.fillStyle = "rgba(47,111,222,0.08)";
      ctx.fillRect(h.lasso.x, h.lasso.y, h.lasso.w, h.lasso.h);
      ctx.lineWidth = 1 / zoom;
      ctx.setLineDash([4 / zoom, 3 / zoom]);
      ctx.strokeStyle = CHIP_STYLE.lasso;
      ctx.strokeRect(h.lasso.x, h.lasso.y, h.lasso.w, h.lasso.h);
      ctx.setLineDash([]);
    }
    if (h.focusRing) drawFocusRing(ctx, h.focusRing, zoom, CHIP_STYLE.selected);
    if (h.drop && !h.drop.ok && h.drop.reason && h.drop.i >= 0) {
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      drawRefusalTooltip(ctx, this.text, this.theme, h.drop.reason, this.toScreen(idx.unitRect(h.drop.i)), this.vp);
    }
  }
}

/**
 * Splits indices into [matching, rest], each ascending (draw order kept): matches fill `buf` from the front, the
 * rest from the back (then reversed), so one buffer of the scene's size serves every frame.
 */
export function partition(list: Uint32Array, buf: Uint32Array, test: (i: number) => boolean): [Uint32Array, Uint32Array] {
  let a = 0, b = buf.length;
  for (const i of list) {
    if (test(i)) buf[a++] = i;
    else buf[--b] = i;
  }
  const rest = buf.subarray(b);
  rest.reverse();
  return [buf.subarray(0, a), rest];
}
