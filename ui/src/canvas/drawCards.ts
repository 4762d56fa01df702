// Canvas drawing of connectors and cards per level of detail, batched so each style is one path and one fill/stroke.
import type { CardContentProvider, ChartScene, Connector, Rect } from "./scene";
import { FLAG_COLLAPSED, FLAG_OPEN, groupByColour, type StyleTable } from "./styleTable";
import type { TextCache } from "./lod";
import type { Theme } from "./theme";

type Ctx2D = CanvasRenderingContext2D;

/** Connector bounding boxes as columns (see scene.connectorBoxes). */
export interface RectColumnsLike {
  w: ArrayLike<number>;
  h: ArrayLike<number>;
}

/** Everything a draw call needs; the context's transform is already world -> device pixels. */
export interface DrawEnv {
  ctx: Ctx2D;
  scene: ChartScene;
  content: CardContentProvider;
  styles: StyleTable;
  theme: Theme;
  text: TextCache;
  /** CSS px per world unit; line widths are divided by it to stay constant on screen. */
  zoom: number;
  scratch: Scratch;
}

/** Reused buffers so a frame allocates nothing proportional to the card count. */
export class Scratch {
  grouped = new Uint32Array(0);
  starts = new Uint32Array(0);
  chips = new Map<string, number[]>();
  ensure(n: number, colours: number): void {
    if (this.grouped.length < n) this.grouped = new Uint32Array(n);
    if (this.starts.length < colours + 1) this.starts = new Uint32Array(colours + 1);
  }
}

/** Connectors whose whole extent is under this many CSS px are a dot at best; zoomed out they are most of the cost. */
const MIN_CONNECTOR_PX = 3;

export function drawConnectors(
  env: DrawEnv, visible: Uint32Array, connectors: readonly Connector[], view: Rect, boxes: RectColumnsLike, skip?: ReadonlySet<number>,
): void {
  const { ctx, theme, zoom } = env;
  const minWorld = MIN_CONNECTOR_PX / zoom;
  ctx.lineWidth = 1.25 / zoom;
  // Segments are clipped to the view: a dotted line across a 100k-card chart would otherwise be dashed
  // along its whole length (thousands of dashes) every frame, though only a screenful is visible.
  const pad = 4 / zoom;
  const x0 = view.x - pad, y0 = view.y - pad, x1 = view.x + view.w + pad, y1 = view.y + view.h + pad;
  for (const dotted of [false, true]) {
    ctx.beginPath();
    let any = false;
    for (let k = 0; k < visible.length; k++) {
      const ci = visible[k] as number;
      const c = connectors[ci] as Connector;
      if (c.dotted !== dotted || skip?.has(ci)) continue;
      if ((boxes.w[ci] as number) < minWorld && (boxes.h[ci] as number) < minWorld) continue;
      const p = c.points;
      for (let j = 0; j + 3 < p.length; j += 2) {
        any = clipSegment(ctx, p[j] as number, p[j + 1] as number, p[j + 2] as number, p[j + 3] as number, x0, y0, x1, y1) || any;
      }
    }
    if (!any) continue;
    ctx.strokeStyle = dotted ? theme.dottedConnector : theme.connector;
    ctx.setLineDash(dotted ? [4 / zoom, 4 / zoom] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Liang-Barsky: adds the part of segment (ax,ay)-(bx,by) inside the rectangle to the path; false when none is. */
export function clipSegment(
  ctx: Pick<CanvasRenderingContext2D, "moveTo" | "lineTo">,
  ax: number, ay: number, bx: number, by: number,
  x0: number, y0: number, x1: number, y1: number,
): boolean {
  const dx = bx - ax, dy = by - ay;
  let t0 = 0, t1 = 1;
  // Unrolled over the four edges (left, right, top, bottom): this runs per segment per frame, so no arrays.
  for (let k = 0; k < 4; k++) {
    const pk = k === 0 ? -dx : k === 1 ? dx : k === 2 ? -dy : dy;
    const qk = k === 0 ? ax - x0 : k === 1 ? x1 - ax : k === 2 ? ay - y0 : y1 - ay;
    if (pk === 0) {
      if (qk < 0) return false;
    } else {
      const t = qk / pk;
      if (pk < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
      else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
  }
  ctx.moveTo(ax + t0 * dx, ay + t0 * dy);
  ctx.lineTo(ax + t1 * dx, ay + t1 * dy);
  return true;
}

/** Zoomed-out cards: one filled rect each, grouped by first team colour so the overview still shows teams. */
export function drawBlocks(env: DrawEnv, visible: Uint32Array): void {
  const { ctx, scene, styles, scratch } = env;
  if (visible.length === 0) return;
  scratch.ensure(visible.length, styles.palette.length);
  const starts = groupByColour(visible, styles, scratch.grouped, scratch.starts);
  // Cards under a pixel would vanish under antialiasing; a minimum size keeps dense areas visible.
  const minSize = 1 / env.zoom;
  for (let c = 0; c < styles.palette.length; c++) {
    const a = starts[c] as number, b = starts[c + 1] as number;
    if (a === b) continue;
    ctx.beginPath();
    for (let k = a; k < b; k++) {
      const i = scratch.grouped[k] as number;
      ctx.rect(scene.x[i] as number, scene.y[i] as number, Math.max(minSize, scene.w[i] as number), Math.max(minSize, scene.h[i] as number));
    }
    ctx.fillStyle = styles.palette[c] as string;
    ctx.fill();
  }
}

/** Card backgrounds and borders for cards drawn with text (full and name levels). */
export function drawCardBodies(env: DrawEnv, visible: Uint32Array): void {
  const { ctx, scene, styles, theme, zoom } = env;
  if (visible.length === 0) return;
  const X = scene.x, Y = scene.y, W = scene.w, H = scene.h, F = styles.flags;
  const stackOffset = 4;

  // Collapsed cards get an offset "stack" outline behind them: a cue for hidden reports that needs no text.
  ctx.beginPath();
  let stacked = false;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    if (!((F[i] as number) & FLAG_COLLAPSED)) continue;
    ctx.rect((X[i] as number) + stackOffset, (Y[i] as number) + stackOffset, W[i] as number, H[i] as number);
    stacked = true;
  }
  if (stacked) {
    ctx.fillStyle = theme.cardFill;
    ctx.fill();
    ctx.lineWidth = 1 / zoom;
    ctx.strokeStyle = theme.cardStroke;
    ctx.stroke();
  }

  for (const open of [false, true]) {
    ctx.beginPath();
    let any = false;
    for (let k = 0; k < visible.length; k++) {
      const i = visible[k] as number;
      if ((((F[i] as number) & FLAG_OPEN) !== 0) !== open) continue;
      ctx.rect(X[i] as number, Y[i] as number, W[i] as number, H[i] as number);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = open ? theme.openFill : theme.cardFill;
    ctx.fill();
    ctx.lineWidth = 1 / zoom;
    ctx.strokeStyle = open ? theme.openStroke : theme.cardStroke;
    ctx.setLineDash(open ? [5 / zoom, 3 / zoom] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Team accent bars and chips; drawn after highlight tints so a highlighted card keeps its team colours. */
export function drawCardDecor(env: DrawEnv, visible: Uint32Array, withChips: boolean): void {
  const { ctx, scene, styles, theme, scratch } = env;
  if (visible.length === 0) return;
  const X = scene.x, Y = scene.y, H = scene.h;
  scratch.ensure(visible.length, styles.palette.length);
  const starts = groupByColour(visible, styles, scratch.grouped, scratch.starts);
  for (let c = 1; c < styles.palette.length; c++) {
    const a = starts[c] as number, b = starts[c + 1] as number;
    if (a === b) continue;
    ctx.beginPath();
    for (let k = a; k < b; k++) {
      const i = scratch.grouped[k] as number;
      ctx.rect(X[i] as number, Y[i] as number, theme.accentWidth, H[i] as number);
    }
    ctx.fillStyle = styles.palette[c] as string;
    ctx.fill();
  }

  if (withChips) drawChips(env, visible);
}

/** One small square per team, bottom-left; grouped by colour across cards so each colour is filled once. */
function drawChips(env: DrawEnv, visible: Uint32Array): void {
  const { ctx, scene, content, theme, scratch } = env;
  const groups = scratch.chips;
  for (const arr of groups.values()) arr.length = 0;
  const step = theme.chipSize + theme.chipGap;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const c = content.get(scene.ids[i] as number);
    if (!c || c.teamColours.length === 0) continue;
    const x0 = (scene.x[i] as number) + theme.padX + theme.accentWidth;
    const y0 = (scene.y[i] as number) + (scene.h[i] as number) - theme.chipSize - 9;
    const n = Math.min(theme.maxChips, c.teamColours.length);
    for (let t = 0; t < n; t++) {
      const colour = c.teamColours[t] as string;
      let arr = groups.get(colour);
      if (!arr) { arr = []; groups.set(colour, arr); }
      arr.push(x0 + t * step, y0);
    }
  }
  for (const [colour, arr] of groups) {
    if (arr.length === 0) continue;
    ctx.beginPath();
    for (let j = 0; j < arr.length; j += 2) ctx.rect(arr[j] as number, arr[j + 1] as number, theme.chipSize, theme.chipSize);
    ctx.fillStyle = colour;
    ctx.fill();
  }
  // Team colours come from user data; without a bound, a year of edits would grow this map forever.
  if (groups.size > 512) groups.clear();
}

/** Name + title + "Open" tag + "+N" badge. All labels of one font are drawn together to avoid font switches. */
export function drawFullText(env: DrawEnv, visible: Uint32Array): void {
  const { ctx, scene, content, theme, text, styles } = env;
  if (visible.length === 0) return;
  const left = theme.padX + theme.accentWidth;
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";

  const tagW = text.width("Open", theme.badgeFont) + 10;
  ctx.font = theme.nameFont;
  ctx.fillStyle = theme.nameColour;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const c = content.get(scene.ids[i] as number);
    if (!c) continue;
    const open = ((styles.flags[i] as number) & FLAG_OPEN) !== 0;
    const max = (scene.w[i] as number) - left - theme.padX - (open ? tagW + 6 : 0);
    const s = text.fit(c.name, theme.nameFont, max);
    if (s) ctx.fillText(s, (scene.x[i] as number) + left, (scene.y[i] as number) + 27);
  }

  ctx.font = theme.titleFont;
  ctx.fillStyle = theme.titleColour;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const c = content.get(scene.ids[i] as number);
    if (!c || !c.title) continue;
    const s = text.fit(c.title, theme.titleFont, (scene.w[i] as number) - left - theme.padX);
    if (s) ctx.fillText(s, (scene.x[i] as number) + left, (scene.y[i] as number) + 46);
  }

  // The custom fields shown on cards, under the title and clear of a "+N" badge (the exporter's FIELDS_BASELINE).
  let fontSet = false;
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const c = content.get(scene.ids[i] as number);
    if (!c?.fields) continue;
    if (!fontSet) {
      ctx.font = theme.fieldsFont;
      ctx.fillStyle = theme.titleColour;
      fontSet = true;
    }
    const badge = c.collapsedCount > 0 ? text.width(`+${c.collapsedCount}`, theme.badgeFont) + 18 : 0;
    const s = text.fit(c.fields, theme.fieldsFont, (scene.w[i] as number) - left - theme.padX - badge);
    if (s) ctx.fillText(s, (scene.x[i] as number) + left, (scene.y[i] as number) + 62);
  }

  drawBadges(env, visible, tagW);
}

function drawBadges(env: DrawEnv, visible: Uint32Array, tagW: number): void {
  const { ctx, scene, content, theme, text, styles } = env;
  const tags: number[] = [];
  const counts: { x: number; y: number; label: string; w: number }[] = [];
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const f = styles.flags[i] as number;
    if (!(f & (FLAG_OPEN | FLAG_COLLAPSED))) continue;
    const x = scene.x[i] as number, y = scene.y[i] as number, w = scene.w[i] as number, h = scene.h[i] as number;
    if (f & FLAG_OPEN) tags.push(x + w - theme.padX - tagW + 4, y + 12);
    if (f & FLAG_COLLAPSED) {
      const label = "+" + (content.get(scene.ids[i] as number)?.collapsedCount ?? 0);
      const lw = text.width(label, theme.badgeFont) + 12;
      counts.push({ x: x + w - theme.padX - lw + 4, y: y + h - 24, label, w: lw });
    }
  }
  if (tags.length === 0 && counts.length === 0) return;
  ctx.beginPath();
  for (let j = 0; j < tags.length; j += 2) ctx.rect(tags[j] as number, tags[j + 1] as number, tagW, 17);
  ctx.fillStyle = theme.openStroke;
  ctx.fill();
  ctx.beginPath();
  for (const b of counts) ctx.rect(b.x, b.y, b.w, 17);
  ctx.fillStyle = theme.titleColour;
  ctx.fill();
  ctx.font = theme.badgeFont;
  ctx.fillStyle = theme.tooltipText;
  for (let j = 0; j < tags.length; j += 2) ctx.fillText("Open", (tags[j] as number) + 5, (tags[j + 1] as number) + 12.5);
  for (const b of counts) ctx.fillText(b.label, b.x + 6, b.y + 12.5);
}

/** Mid zoom: only the name, large enough to read while the card is small on screen. */
export function drawNameText(env: DrawEnv, visible: Uint32Array): void {
  const { ctx, scene, content, theme, text } = env;
  if (visible.length === 0) return;
  const left = theme.padX + theme.accentWidth;
  ctx.font = theme.bigNameFont;
  ctx.fillStyle = theme.nameColour;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k] as number;
    const c = content.get(scene.ids[i] as number);
    if (!c) continue;
    const label = !c.isOpenPosition ? c.name : plannedTitle(c.title) ? `Planned: ${c.name}` : `Open: ${c.name}`;
    const x = scene.x[i] as number, w = scene.w[i] as number, midY = (scene.y[i] as number) + (scene.h[i] as number) / 2;
    let room = w - left - theme.padX;
    if (c.collapsedCount > 0) {
      // Hidden reports stay visible at this zoom too, right-aligned, and the name gives way to them.
      const more = "+" + c.collapsedCount;
      const mw = text.width(more, theme.bigNameFont);
      ctx.fillStyle = theme.titleColour;
      ctx.fillText(more, x + w - theme.padX - mw, midY);
      ctx.fillStyle = theme.nameColour;
      room -= mw + 8;
    }
    const s = text.fit(label, theme.bigNameFont, room);
    if (s) ctx.fillText(s, x + left, midY);
  }
  ctx.textBaseline = "alphabetic";
}

/** A planned hire's card (the scene's `card_title`: "Planned hire", or "<title> · planned"), not an open position. */
function plannedTitle(title: string): boolean {
  return title === "Planned hire" || title.endsWith(" · planned");
}
