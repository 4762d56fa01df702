// Drawing the team map in world coordinates: unit shapes per kind (Team Shape Templates), group boundaries,
// person chips, interactions per mode. Called by the renderer with the culled, level-of-detail-sorted indices.
import { drawBadge } from "../canvas/badges";
import type { TextCache } from "../canvas/lod";
import type { Rect } from "../canvas/scene";
import { FAMILY, type Theme } from "../canvas/theme";
import { visibleRuns, type LineRun } from "./lineRuns";
import type { TeamMapScene } from "./sceneTypes";
import { CHIP_STYLE, KIND_STYLES, MODE_STYLES } from "./style";

export interface MapDrawEnv {
  ctx: CanvasRenderingContext2D;
  scene: TeamMapScene;
  theme: Theme;
  text: TextCache;
  zoom: number;
  /** The world the frame shows: lines are stroked only where they come near it. */
  view: Rect;
  /**
   * Fitted chip names by chip index, filled on first draw: chips have a fixed width in world units, so the fit
   * never changes with zoom, and a pan then costs no string building or cache lookups per chip.
   */
  chipLabels: (string | undefined)[];
}

export const UNIT_FONT = `600 14px ${FAMILY}`;
export const GROUP_FONT = `600 16px ${FAMILY}`;
export const META_FONT = `11px ${FAMILY}`;
export const CHIP_FONT = `12px ${FAMILY}`;
export const BADGE_FONT = `600 10px ${FAMILY}`;

/** Text smaller than this on screen is not drawn: unreadable, and as costly as readable text. */
const MIN_TEXT_PX = 7;

/** The outline of a unit's shape; octagon corners and radii scale with the box but never past a third of it. */
export function unitPath(ctx: CanvasRenderingContext2D, kind: keyof typeof KIND_STYLES, x: number, y: number, w: number, h: number): void {
  ctx.beginPath();
  addUnitShape(ctx, kind, x, y, w, h);
}

/** Adds a unit's outline to the current path (several units batch into one fill). */
export function addUnitShape(ctx: CanvasRenderingContext2D, kind: keyof typeof KIND_STYLES, x: number, y: number, w: number, h: number): void {
  const shape = KIND_STYLES[kind].shape;
  if (shape === "wide-rect") {
    ctx.rect(x, y, w, h);
  } else if (shape === "octagon") {
    const c = Math.min(16, w / 3, h / 3);
    ctx.moveTo(x + c, y);
    ctx.lineTo(x + w - c, y); ctx.lineTo(x + w, y + c); ctx.lineTo(x + w, y + h - c);
    ctx.lineTo(x + w - c, y + h); ctx.lineTo(x + c, y + h); ctx.lineTo(x, y + h - c); ctx.lineTo(x, y + c);
    ctx.closePath();
  } else {
    const r = Math.min(shape === "tall-rounded" ? 18 : shape === "boundary" ? 10 : 14, w / 3, h / 3);
    ctx.roundRect(x, y, w, h, r);
  }
}

/** Units far too small to show their shape: one rectangle each, batched by fill. */
export function drawUnitBlocks(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s } = env;
  for (const kind of ["stream-aligned", "platform", "enabling", "complicated-subsystem"] as const) {
    ctx.fillStyle = KIND_STYLES[kind].stroke;
    ctx.beginPath();
    for (const i of visible) if (s.unit_content[i]?.kind === kind) ctx.rect(s.x[i] as number, s.y[i] as number, s.w[i] as number, s.h[i] as number);
    ctx.fill();
  }
}

/**
 * Units with their shapes; groups as dashed labelled boundaries. Groups first (outermost first, their translucent
 * fills deepen with nesting), then teams, batched into one path per fill and outline: teams never overlap each
 * other, so batching keeps the picture and saves a fill and a stroke per team.
 */
export function drawUnits(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s, zoom } = env;
  ctx.lineWidth = 1.5 / zoom;
  ctx.setLineDash([6 / zoom, 4 / zoom]);
  ctx.strokeStyle = KIND_STYLES.group.stroke;
  ctx.fillStyle = "rgba(138,143,152,0.05)";
  for (const i of visible) {
    if (s.unit_content[i]?.kind !== "group") continue;
    unitPath(ctx, "group", s.x[i] as number, s.y[i] as number, s.w[i] as number, s.h[i] as number);
    ctx.fill();
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const batches = new Map<string, number[]>();
  for (const i of visible) {
    const c = s.unit_content[i];
    if (!c || c.kind === "group") continue;
    const style = KIND_STYLES[c.kind];
    const stroke = c.colour && c.colour !== style.fill ? c.colour : style.stroke;
    const key = c.kind + "|" + stroke;
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push(i);
  }
  for (const [key, list] of batches) {
    const [kind, stroke] = key.split("|") as [keyof typeof KIND_STYLES, string];
    ctx.beginPath();
    for (const i of list) addUnitShape(ctx, kind, s.x[i] as number, s.y[i] as number, s.w[i] as number, s.h[i] as number);
    ctx.fillStyle = KIND_STYLES[kind].fill ?? "#ffffff";
    ctx.fill();
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
}

/** Unit names and counts where they are readable; each font set once per pass (setting one costs a parse). */
export function drawUnitLabels(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s, zoom, text, theme } = env;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  // A collapsed box has room below its name for its counts; an open one shows them at the right of its name.
  const metas: { i: number; meta: string; w: number; below: boolean }[] = [];
  for (const group of [true, false]) {
    const font = group ? GROUP_FONT : UNIT_FONT;
    if ((group ? 16 : 14) * zoom < MIN_TEXT_PX) {
      if (!group) drawFarTeamNames(env, visible);
      continue;
    }
    ctx.font = font;
    ctx.fillStyle = group ? theme.titleColour : theme.nameColour;
    for (const i of visible) {
      const c = s.unit_content[i];
      if (!c || (c.kind === "group") !== group) continue;
      const meta = 11 * zoom >= MIN_TEXT_PX ? unitMeta(c) : "";
      const metaW = meta ? text.width(meta, META_FONT) + 12 : 0;
      if (metaW > 0) metas.push({ i, meta, w: metaW, below: c.collapsed });
      const x = s.x[i] as number, y = s.y[i] as number, w = s.w[i] as number;
      ctx.fillText(text.fit(c.name, font, Math.max(0, w - 24 - (c.collapsed ? 0 : metaW))), x + 12, y + 15);
    }
  }
  ctx.font = META_FONT;
  ctx.fillStyle = theme.mutedColour;
  for (const m of metas) {
    const x = s.x[m.i] as number, y = s.y[m.i] as number, w = s.w[m.i] as number;
    if (m.below) ctx.fillText(text.fit(m.meta, META_FONT, Math.max(0, w - 24)), x + 12, y + 35);
    else ctx.fillText(m.meta, x + w - m.w, y + 15);
  }
  ctx.textBaseline = "alphabetic";
}

/** Team names at a far zoom (Fit on a big map) keep this screen size where the box has room for a few letters. */
const FAR_NAME_PX = 11;
const FAR_MIN_BOX = { w: 48, h: 20 };
let farFont = { zoom: NaN, font: "" };

function farNameFont(zoom: number): string {
  if (farFont.zoom !== zoom) farFont = { zoom, font: `600 ${FAR_NAME_PX / zoom}px ${FAMILY}` };
  return farFont.font;
}

/**
 * Each team's name at a readable screen size along its box's top edge, cut to the box (chips are blocks here); so
 * is each collapsed group's, with its people, once group names are too small to draw (a big map opens on them).
 */
function drawFarTeamNames(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s, zoom, text, theme } = env;
  const font = farNameFont(zoom);
  const collapsedGroups = 16 * zoom < MIN_TEXT_PX;
  ctx.font = font;
  ctx.fillStyle = theme.nameColour;
  for (const i of visible) {
    const c = s.unit_content[i];
    const w = s.w[i] as number, h = s.h[i] as number;
    if (!c || w * zoom < FAR_MIN_BOX.w || h * zoom < FAR_MIN_BOX.h) continue;
    if (c.kind === "group" && !(collapsedGroups && c.collapsed)) continue;
    const name = c.collapsed ? `${c.name} · ${c.headcount.toLocaleString("en")} people` : c.name;
    const label = text.fit(name, font, w - 12 / zoom);
    if (label) ctx.fillText(label, (s.x[i] as number) + 6 / zoom, (s.y[i] as number) + 9 / zoom);
  }
}

/** "6/8 · 5.5 FTE · 2 open" for a team; the counts of a collapsed group; nothing for an open group. */
function unitMeta(c: TeamMapScene["unit_content"][number]): string {
  if (c.collapsed) return `${c.hiddenUnits.toLocaleString("en")} units · ${c.headcount.toLocaleString("en")} people`;
  if (c.kind === "group") return "";
  return `${c.headcount}${c.targetSize !== null ? `/${c.targetSize}` : ""} · ${fmtFte(c.fte)} FTE${c.openPositions > 0 ? ` · ${c.openPositions} open` : ""}`;
}

const fmtFte = (n: number) => (Math.round(n * 10) / 10).toString();

/** Chips too small to read: plain blocks in two batched fills (people, open positions), coloured ones in their colour. */
export function drawChipBlocks(env: MapDrawEnv, visible: Uint32Array, colours?: ReadonlyMap<number, string>): void {
  const { ctx, scene: s } = env;
  for (const open of [false, true]) {
    ctx.fillStyle = open ? "#d5d9df" : "#ffffff";
    ctx.beginPath();
    for (const k of visible) {
      if ((s.chip_content[k]?.isOpenPosition ?? false) !== open) continue;
      ctx.rect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, s.chip_h[k] as number);
    }
    ctx.fill();
  }
  for (const [colour, chips] of chipsByColour(s, visible, colours)) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const k of chips) ctx.rect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, s.chip_h[k] as number);
    ctx.fill();
  }
}

/** The visible chips of coloured people, one list per colour, so each colour is one batched path. */
export function chipsByColour(s: TeamMapScene, visible: Uint32Array, colours?: ReadonlyMap<number, string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!colours || colours.size === 0) return out;
  for (const k of visible) {
    const c = colours.get(s.chip_person[k] as number);
    if (c === undefined) continue;
    const list = out.get(c);
    if (list) list.push(k); else out.set(c, [k]);
  }
  return out;
}

/**
 * Readable chips: bodies in two batched paths (people solid, open positions dashed), then every name with one
 * font, then the allocation badges of people on several teams with another (setting a font costs a parse).
 */
export function drawChips(env: MapDrawEnv, visible: Uint32Array, colours?: ReadonlyMap<number, string>): void {
  const { ctx, scene: s, zoom, text } = env;
  ctx.lineWidth = 1 / zoom;
  ctx.fillStyle = CHIP_STYLE.fill;
  for (const open of [false, true]) {
    ctx.beginPath();
    for (const k of visible) {
      if ((s.chip_content[k]?.isOpenPosition ?? false) !== open) continue;
      const h = s.chip_h[k] as number;
      ctx.roundRect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, h, Math.min(6, h / 2));
    }
    ctx.fill();
    if (open) ctx.setLineDash([4 / zoom, 3 / zoom]);
    ctx.strokeStyle = open ? CHIP_STYLE.openStroke : CHIP_STYLE.stroke;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  // Colour by: a tint of the colour under the name and an outline in it, as the org chart marks its cards.
  for (const [colour, chips] of chipsByColour(s, visible, colours)) {
    ctx.beginPath();
    for (const k of chips) {
      const h = s.chip_h[k] as number;
      ctx.roundRect(s.chip_x[k] as number, s.chip_y[k] as number, s.chip_w[k] as number, h, Math.min(6, h / 2));
    }
    ctx.fillStyle = `${colour}40`;
    ctx.fill();
    ctx.lineWidth = 2 / zoom;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  ctx.lineWidth = 1 / zoom;
  if (12 * zoom < MIN_TEXT_PX) return;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  const badges: number[] = [];
  ctx.font = CHIP_FONT;
  for (const k of visible) {
    const c = s.chip_content[k];
    if (!c) continue;
    const w = s.chip_w[k] as number;
    if (c.teamCount > 1) badges.push(k);
    let label = env.chipLabels[k];
    if (label === undefined) {
      const badgeW = c.teamCount > 1 ? badgeWidth(text, c.allocation) : 0;
      label = env.chipLabels[k] = text.fit(c.name, CHIP_FONT, Math.max(0, w - 16 - badgeW));
    }
    ctx.fillStyle = c.isOpenPosition ? CHIP_STYLE.muted : CHIP_STYLE.text;
    ctx.fillText(label, (s.chip_x[k] as number) + 8, (s.chip_y[k] as number) + (s.chip_h[k] as number) / 2);
  }
  if (badges.length > 0) {
    ctx.font = BADGE_FONT;
    for (const k of badges) {
      const c = s.chip_content[k];
      if (!c) continue;
      const x = s.chip_x[k] as number, y = s.chip_y[k] as number, w = s.chip_w[k] as number, h = s.chip_h[k] as number;
      const bw = badgeWidth(text, c.allocation);
      ctx.fillStyle = "#eef1f5";
      ctx.fillRect(x + w - bw - 4, y + 5, bw, h - 10);
      ctx.fillStyle = CHIP_STYLE.muted;
      ctx.fillText(`${c.allocation}%`, x + w - bw + 1, y + h / 2);
    }
  }
  ctx.textBaseline = "alphabetic";
}

/** Health badges keep one size on screen; a unit or chip narrower than this would be hidden by its badge. */
export const HEALTH_BADGE_PX = { unit: 9, chip: 7, minUnit: 48, minChip: 40 };
let healthFont = { zoom: NaN, font: "" };

/** The badge font for a zoom, rebuilt only when the zoom changes (a steady pan builds no strings). */
function healthBadgeFont(zoom: number): string {
  if (healthFont.zoom !== zoom) healthFont = { zoom, font: `600 ${11 / zoom}px ${FAMILY}` };
  return healthFont.font;
}

/**
 * Count badges of health findings at the top-right corner of the visible units that have some (ids in
 * `badges`); one map lookup per visible unit, nothing allocated. The insights panel lists what is too small.
 */
export function drawUnitBadges(env: MapDrawEnv, visible: Uint32Array, badges: ReadonlyMap<number, number>): void {
  if (badges.size === 0) return;
  const { ctx, scene: s, zoom } = env;
  const r = HEALTH_BADGE_PX.unit / zoom;
  let fontSet = false;
  for (const i of visible) {
    const n = badges.get(s.units[i] as number);
    if (n === undefined || n <= 0 || (s.w[i] as number) * zoom < HEALTH_BADGE_PX.minUnit) continue;
    if (!fontSet) fontSet = startBadges(ctx, zoom);
    // On the corner itself, clear of the name and counts drawn along the top edge.
    drawBadge(ctx, (s.x[i] as number) + (s.w[i] as number) - r * 0.3, (s.y[i] as number) + r * 0.3, r, n);
  }
  if (fontSet) endBadges(ctx);
}

/** Badges of a person's findings on each of their visible, readable chips (a person on two teams shows two). */
export function drawChipBadges(env: MapDrawEnv, visible: Uint32Array, badges: ReadonlyMap<number, number>): void {
  if (badges.size === 0) return;
  const { ctx, scene: s, zoom } = env;
  const r = HEALTH_BADGE_PX.chip / zoom;
  let fontSet = false;
  for (const k of visible) {
    const n = badges.get(s.chip_person[k] as number);
    if (n === undefined || n <= 0 || (s.chip_w[k] as number) * zoom < HEALTH_BADGE_PX.minChip) continue;
    if (!fontSet) fontSet = startBadges(ctx, zoom);
    drawBadge(ctx, (s.chip_x[k] as number) + (s.chip_w[k] as number), s.chip_y[k] as number, r, n);
  }
  if (fontSet) endBadges(ctx);
}

function startBadges(ctx: CanvasRenderingContext2D, zoom: number): true {
  ctx.font = healthBadgeFont(zoom);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  return true;
}

function endBadges(ctx: CanvasRenderingContext2D): void {
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
}

const badgeWidth = (text: TextCache, allocation: number) => text.width(`${allocation}%`, BADGE_FONT) + 10;

/** Interactions in their Team Topologies style. */
export function drawInteractions(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s, zoom } = env;
  if (zoom < SIMPLE_LINKS_BELOW) return drawPlainInteractions(env, visible);
  for (const i of visible) {
    const it = s.interactions[i];
    if (it) drawInteractionLine(ctx, it.mode, it.points, zoom, env.view);
  }
}

/** Zoomed out this far, bands, dashes and arrowheads are a few pixels wide: plain lines per mode colour say as much. */
const SIMPLE_LINKS_BELOW = 0.3;

function drawPlainInteractions(env: MapDrawEnv, visible: Uint32Array): void {
  const { ctx, scene: s, zoom } = env;
  ctx.lineWidth = 2 / zoom;
  for (const mode of ["collaboration", "x-as-a-service", "facilitating"] as const) {
    ctx.beginPath();
    for (const i of visible) {
      const it = s.interactions[i];
      if (!it || it.mode !== mode || it.points.length < 4) continue;
      ctx.moveTo(it.points[0] as number, it.points[1] as number);
      for (let j = 2; j + 1 < it.points.length; j += 2) ctx.lineTo(it.points[j] as number, it.points[j + 1] as number);
    }
    ctx.strokeStyle = MODE_STYLES[mode].colour;
    ctx.stroke();
  }
}

/** `view`: the world on screen; only the runs of the line near it are stroked (the ends' marks always are). */
export function drawInteractionLine(ctx: CanvasRenderingContext2D, mode: keyof typeof MODE_STYLES, p: readonly number[], zoom: number, view: Rect | null = null): void {
  if (p.length < 4) return;
  const style = MODE_STYLES[mode];
  // Past the widest stroke (the collaboration band), so a line just off screen still draws its edge.
  const runs = visibleRuns(p, view, Math.max(10, 3 / zoom) + 12 / zoom);
  const trace = (r: LineRun) => {
    ctx.beginPath();
    ctx.moveTo(p[2 * r.from] as number, p[2 * r.from + 1] as number);
    for (let k = r.from + 1; k <= r.to; k++) ctx.lineTo(p[2 * k] as number, p[2 * k + 1] as number);
  };
  const strokeRuns = (dashed: boolean) => {
    for (const r of runs) {
      if (dashed) ctx.lineDashOffset = r.offset;
      trace(r);
      ctx.stroke();
    }
    ctx.lineDashOffset = 0;
  };
  ctx.strokeStyle = style.colour;
  if (style.draw === "hatched-band") {
    // A wide translucent band with a dashed core reads as the hatched overlap of two collaborating teams.
    ctx.globalAlpha = 0.25;
    ctx.lineWidth = Math.max(10, 3 / zoom);
    strokeRuns(false);
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2 / zoom;
    ctx.setLineDash([3 / zoom, 3 / zoom]);
    strokeRuns(true);
    ctx.setLineDash([]);
  } else if (style.draw === "bracket-arrow") {
    ctx.lineWidth = 2 / zoom;
    strokeRuns(false);
    const n = p.length;
    const ex = p[n - 2] as number, ey = p[n - 1] as number, fx = p[n - 4] as number, fy = p[n - 3] as number;
    const a = Math.atan2(ey - fy, ex - fx), L = 10 / zoom;
    ctx.beginPath();
    ctx.moveTo(ex - L * Math.cos(a - 0.5), ey - L * Math.sin(a - 0.5));
    ctx.lineTo(ex, ey);
    ctx.lineTo(ex - L * Math.cos(a + 0.5), ey - L * Math.sin(a + 0.5));
    ctx.stroke();
    // The bracket at the provider's end.
    const sx = p[0] as number, sy = p[1] as number, B = 8 / zoom, px = -Math.sin(a), py = Math.cos(a);
    ctx.beginPath();
    ctx.moveTo(sx + px * B + Math.cos(a) * 4 / zoom, sy + py * B + Math.sin(a) * 4 / zoom);
    ctx.lineTo(sx + px * B, sy + py * B);
    ctx.lineTo(sx - px * B, sy - py * B);
    ctx.lineTo(sx - px * B + Math.cos(a) * 4 / zoom, sy - py * B + Math.sin(a) * 4 / zoom);
    ctx.stroke();
  } else {
    ctx.lineWidth = 2 / zoom;
    ctx.setLineDash([1 / zoom, 5 / zoom]);
    ctx.lineCap = "round";
    strokeRuns(true);
    ctx.setLineDash([]);
    ctx.lineCap = "butt";
    ctx.fillStyle = style.colour;
    for (const j of [0, p.length - 2]) {
      ctx.beginPath();
      ctx.arc(p[j] as number, p[j + 1] as number, 4 / zoom, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}
