// Canvas 2D chart renderer: culls via the spatial index, draws only when dirty, on the next animation frame.
import { visibleWorldRect, worldToScreen, type Camera, type Viewport } from "./camera";
import { cullScene, makeCullBuffers, type CullBuffers } from "./cull";
import { drawBlocks, drawCardBodies, drawCardDecor, drawConnectors, drawFullText, drawNameText, Scratch, type DrawEnv } from "./drawCards";
import { drawHighlightFills, drawHighlightStrokes, drawRefusalTooltip, NO_HIGHLIGHTS, type Highlights } from "./highlights";
import { drawBadges, drawLeftBadges } from "./badges";
import { drawStubs, hiddenRoutes, shownRoutes } from "./dottedStubs";
import { canvasMeasure, DEFAULT_LOD_THRESHOLDS, selectLod, TextCache, type Lod, type LodThresholds, type MeasureFn } from "./lod";
import { assertSceneShape, buildIdLookup, connectorBoxes, EMPTY_SCENE, type CardContent, type CardContentProvider, type ChartScene, type Rect } from "./scene";
import { GridIndex } from "./spatialIndex";
import { SPLAT_MAX_PX, Splatter } from "./splat";
import { buildStyleTable, type StyleTable } from "./styleTable";
import { DEFAULT_THEME, type Theme } from "./theme";

export interface FrameScheduler {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

export interface RendererOptions {
  theme?: Theme;
  lod?: LodThresholds;
  /** Defaults to requestAnimationFrame; tests and benchmarks inject their own. */
  scheduler?: FrameScheduler;
  /** Defaults to measureText on a private canvas (a shared context's font would be clobbered by drawing). */
  measure?: MeasureFn;
  onFrame?: (stats: FrameStats) => void;
}

export interface FrameStats {
  cards: number;
  connectors: number;
  lodCounts: Record<Lod, number>;
  ms: number;
}

const NO_LINES: ReadonlySet<number> = new Set();

const EMPTY_CONTENT: CardContentProvider = { get: () => undefined };

/** Splatting costs a full-canvas putImageData (a few ms), so it only pays off for many tiny cards. */
const SPLAT_MIN_CARDS = 3000;

/** Visible cards by level; `tiny` are blocks under SPLAT_MAX_PX, written as pixels when there are many. */
interface LodBuckets {
  full: Uint32Array;
  name: Uint32Array;
  block: Uint32Array;
  tiny: Uint32Array;
}

export class ChartRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private theme: Theme;
  private readonly lodThresholds: LodThresholds;
  private readonly scheduler: FrameScheduler;
  private readonly onFrame: ((s: FrameStats) => void) | undefined;
  readonly text: TextCache;
  private readonly scratch = new Scratch();

  private scene: ChartScene = EMPTY_SCENE;
  private content: CardContentProvider = EMPTY_CONTENT;
  private lookup = new Map<number, number>();
  private styles: StyleTable = { flags: new Uint8Array(0), colour: new Uint16Array(0), palette: [] };
  private cards = new GridIndex({ x: [], y: [], w: [], h: [] });
  private connectorBoxes = connectorBoxes([]);
  private connectors = new GridIndex(this.connectorBoxes);
  private cullBufs: CullBuffers = makeCullBuffers(this.cards, this.connectors);
  private lodBufs: LodBuckets = { full: new Uint32Array(0), name: new Uint32Array(0), block: new Uint32Array(0), tiny: new Uint32Array(0) };
  private readonly splatter = new Splatter();

  private cam: Camera = { x: 0, y: 0, zoom: 1 };
  private vp: Viewport = { width: 0, height: 0 };
  private dpr = 1;
  private hl: Highlights = NO_HIGHLIGHTS;
  private dirty = true;
  private frame: number | null = null;
  private disposed = false;
  private readonly onFontsLoaded = () => { this.text.clear(); this.invalidate(); };

  constructor(private readonly canvas: HTMLCanvasElement, opts: RendererOptions = {}) {
    // Opaque context: the browser can skip blending the canvas with the page on every frame.
    const ctx = canvas.getContext("2d", { alpha: false });
    if (!ctx) throw new Error("Canvas 2D is not available");
    this.ctx = ctx;
    this.theme = opts.theme ?? DEFAULT_THEME;
    this.lodThresholds = opts.lod ?? DEFAULT_LOD_THRESHOLDS;
    this.scheduler = opts.scheduler ?? {
      request: (cb) => requestAnimationFrame(cb),
      cancel: (h) => cancelAnimationFrame(h),
    };
    this.onFrame = opts.onFrame;
    this.text = new TextCache(opts.measure ?? defaultMeasure());
    if (typeof document !== "undefined" && document.fonts) document.fonts.addEventListener("loadingdone", this.onFontsLoaded);
  }

  /** New layout. Builds the spatial indices (O(n)); call once per layout, not per frame. */
  setScene(scene: ChartScene, content: CardContentProvider): void {
    assertSceneShape(scene);
    this.scene = scene;
    this.content = content;
    this.lookup = buildIdLookup(scene);
    this.cards = new GridIndex(scene);
    this.connectorBoxes = connectorBoxes(scene.connectors);
    this.connectors = new GridIndex(this.connectorBoxes);
    this.cullBufs = makeCullBuffers(this.cards, this.connectors);
    const n = scene.ids.length;
    this.lodBufs = { full: new Uint32Array(n), name: new Uint32Array(n), block: new Uint32Array(n), tiny: new Uint32Array(n) };
    this.styles = buildStyleTable(scene, content, this.theme.blockFill);
    this.invalidate();
  }

  /** Card text, colours or open/collapsed flags changed without a relayout. */
  /** What card `id` shows, as drawn. */
  cardContent(id: number): CardContent | undefined {
    return this.content.get(id);
  }

  setContent(content: CardContentProvider): void {
    this.content = content;
    this.styles = buildStyleTable(this.scene, content, this.theme.blockFill);
    this.invalidate();
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

  /** CSS size and devicePixelRatio; the backing store is sized in device pixels so text stays sharp on HiDPI. */
  setViewportSize(width: number, height: number, dpr: number): void {
    const pw = Math.max(1, Math.round(width * dpr)), ph = Math.max(1, Math.round(height * dpr));
    this.vp = { width, height };
    this.dpr = dpr;
    if (this.canvas.width === pw && this.canvas.height === ph) { this.invalidate(); return; }
    this.canvas.width = pw;
    this.canvas.height = ph;
    // Resizing clears the canvas, and ResizeObserver runs after this frame's rAF: draw now, or a blank frame shows.
    this.renderNow();
  }

  setHighlights(h: Partial<Highlights>): void {
    this.hl = { ...this.hl, ...h };
    this.invalidate();
  }

  get highlights(): Highlights {
    return this.hl;
  }

  /** Card spatial index, shared with the minimap. */
  get cardIndex(): GridIndex {
    return this.cards;
  }

  get currentScene(): ChartScene {
    return this.scene;
  }

  /** Id of the topmost card under a CSS-pixel point, or null. `skipId` ignores one card (the one being dragged). */
  hitTest(sx: number, sy: number, skipId?: number): number | null {
    const wx = sx / this.cam.zoom + this.cam.x, wy = sy / this.cam.zoom + this.cam.y;
    const skip = skipId === undefined ? -1 : (this.lookup.get(skipId) ?? -1);
    const i = this.cards.hitTest(wx, wy, skip);
    return i < 0 ? null : (this.scene.ids[i] as number);
  }

  cardWorldRect(id: number): Rect | null {
    const i = this.lookup.get(id);
    if (i === undefined) return null;
    return { x: this.scene.x[i] as number, y: this.scene.y[i] as number, w: this.scene.w[i] as number, h: this.scene.h[i] as number };
  }

  cardScreenRect(id: number): Rect | null {
    const r = this.cardWorldRect(id);
    if (!r) return null;
    const p = worldToScreen(this.cam, r.x, r.y);
    return { x: p.x, y: p.y, w: r.w * this.cam.zoom, h: r.h * this.cam.zoom };
  }

  /** Light or dark (View › Appearance): redraws with the new colours. */
  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.styles = buildStyleTable(this.scene, this.content, theme.blockFill);
    this.invalidate();
  }

  /** Marks the chart dirty; it is drawn once on the next frame however many changes arrive before it. */
  invalidate(): void {
    this.dirty = true;
    if (this.frame !== null || this.disposed) return;
    this.frame = this.scheduler.request(() => {
      this.frame = null;
      if (this.dirty) this.renderNow();
    });
  }

  /** Draws synchronously. The frame loop calls this; benchmarks call it directly. */
  renderNow(): FrameStats {
    const t0 = performance.now();
    this.dirty = false;
    const { ctx, cam, vp, theme } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const stats: FrameStats = { cards: 0, connectors: 0, lodCounts: { full: 0, name: 0, block: 0 }, ms: 0 };
    const empty = this.scene.ids.length === 0 || vp.width === 0 || vp.height === 0;
    const culled = empty ? null : cullScene(this.cards, this.connectors, cam, vp, 6, this.cullBufs);
    const lod = culled ? this.partitionByLod(culled.cards) : null;
    // putImageData replaces every pixel, so the splat doubles as the background fill and must come first.
    const splatted = lod !== null && culled !== null && lod.tiny.length >= SPLAT_MIN_CARDS;
    if (splatted) {
      this.splatter.draw(ctx, this.scene, lod.tiny, this.styles, culled.connectors, theme, cam, this.dpr);
      lod.tiny = lod.tiny.subarray(0, 0);
    } else {
      ctx.fillStyle = theme.background;
      ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    }
    if (!culled || !lod) return this.finish(stats, t0);

    const z = cam.zoom * this.dpr;
    ctx.setTransform(z, 0, 0, z, -cam.x * z, -cam.y * z);
    const env: DrawEnv = {
      ctx, scene: this.scene, content: this.content, styles: this.styles, theme, text: this.text, zoom: cam.zoom, scratch: this.scratch,
    };
    const view = visibleWorldRect(cam, vp);
    const stubs = this.scene.stubs ?? [];
    const shown = stubs.length ? shownRoutes(stubs, this.hl.selected, this.hl.hovered) : NO_LINES;
    if (!splatted) drawConnectors(env, culled.connectors, this.scene.connectors, view, this.connectorBoxes, stubs.length ? hiddenRoutes(stubs, shown) : undefined);
    if (!splatted && stubs.length) drawStubs(ctx, stubs, shown, theme, this.text, cam.zoom);

    drawBlocks(env, lod.tiny);
    drawBlocks(env, lod.block);
    drawCardBodies(env, lod.name);
    drawCardBodies(env, lod.full);
    const hlEnv = { ctx, scene: this.scene, lookup: this.lookup, theme, zoom: cam.zoom, view };
    drawHighlightFills(hlEnv, this.hl);
    drawCardDecor(env, lod.name, false);
    drawCardDecor(env, lod.full, true);
    drawNameText(env, lod.name);
    drawFullText(env, lod.full);
    drawHighlightStrokes(hlEnv, this.hl);
    if (this.hl.badges?.size) drawBadges(hlEnv, this.hl.badges);
    if (this.hl.leftBadges?.size) drawLeftBadges(hlEnv, this.hl.leftBadges);
    this.drawDrag(env);

    stats.cards = culled.cards.length;
    stats.connectors = culled.connectors.length;
    stats.lodCounts = { full: lod.full.length, name: lod.name.length, block: culled.cards.length - lod.full.length - lod.name.length };
    return this.finish(stats, t0);
  }

  /** Distant dotted lines: each stub, and which lines are drawn whole now (for the test accessor). */
  dottedState(): { stubs: { line: number; at: number; other: number; label: string }[]; fullRoutes: number[] } {
    const stubs = this.scene.stubs ?? [];
    const shown = shownRoutes(stubs, this.hl.selected, this.hl.hovered);
    return { stubs: stubs.map((s) => ({ line: s.line, at: s.at, other: s.other, label: s.label })), fullRoutes: [...shown] };
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== null) this.scheduler.cancel(this.frame);
    this.frame = null;
    if (typeof document !== "undefined" && document.fonts) document.fonts.removeEventListener("loadingdone", this.onFontsLoaded);
  }

  private finish(stats: FrameStats, t0: number): FrameStats {
    stats.ms = performance.now() - t0;
    this.onFrame?.(stats);
    return stats;
  }

  /** Splits visible cards by on-screen size; each level is then drawn as its own batch. */
  private partitionByLod(visible: Uint32Array): LodBuckets {
    const z = this.cam.zoom, W = this.scene.w, H = this.scene.h, t = this.lodThresholds;
    const tinyCss = SPLAT_MAX_PX / this.dpr;
    const out = this.lodBufs;
    let nf = 0, nn = 0, nb = 0, nt = 0;
    for (let k = 0; k < visible.length; k++) {
      const i = visible[k] as number;
      const sw = (W[i] as number) * z, sh = (H[i] as number) * z;
      const lod = selectLod(sw, sh, t);
      if (lod === "full") out.full[nf++] = i;
      else if (lod === "name") out.name[nn++] = i;
      else if (sw < tinyCss && sh < tinyCss) out.tiny[nt++] = i;
      else out.block[nb++] = i;
    }
    return { full: out.full.subarray(0, nf), name: out.name.subarray(0, nn), block: out.block.subarray(0, nb), tiny: out.tiny.subarray(0, nt) };
  }

  /** Dims the dragged card in place and draws a ghost of it under the pointer, plus any refusal reason. */
  private drawDrag(env: DrawEnv): void {
    const { ctx, theme, cam } = this;
    const drag = this.hl.drag;
    if (drag) {
      const i = this.lookup.get(drag.id);
      if (i !== undefined) {
        const x = this.scene.x[i] as number, y = this.scene.y[i] as number, w = this.scene.w[i] as number, h = this.scene.h[i] as number;
        ctx.globalAlpha = 0.6;
        ctx.fillStyle = theme.background;
        ctx.fillRect(x, y, w, h);
        ctx.globalAlpha = 0.85;
        ctx.save();
        ctx.translate(drag.dx, drag.dy);
        const one = Uint32Array.of(i);
        const lod = selectLod(w * cam.zoom, h * cam.zoom, this.lodThresholds);
        if (lod === "block") drawBlocks(env, one);
        else {
          drawCardBodies(env, one);
          drawCardDecor(env, one, lod === "full");
          if (lod === "full") drawFullText(env, one);
          else drawNameText(env, one);
        }
        ctx.restore();
        ctx.globalAlpha = 1;
      }
    }
    const dt = this.hl.dropTarget;
    const tip = dt ? (dt.ok ? dt.hint : dt.reason) : undefined;
    if (dt && tip) {
      const r = this.cardScreenRect(dt.id);
      if (r) {
        ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
        drawRefusalTooltip(ctx, this.text, theme, tip, r, this.vp);
      }
    }
  }
}

export function defaultMeasure(): MeasureFn {
  const c = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1).getContext("2d") : document.createElement("canvas").getContext("2d");
  if (!c) throw new Error("Canvas 2D is not available for text measurement");
  return canvasMeasure(c);
}
