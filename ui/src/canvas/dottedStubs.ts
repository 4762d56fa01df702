// Distant dotted lines (the scene's rule, crates/scene/src/stubs.rs): drawn as a short labelled stub at each end
// ("dotted to <name>"), with the whole route only while either card is selected or hovered.
import type { TextCache } from "./lod";
import type { Theme } from "./theme";

/** One end of a distant dotted line, as the scene sends it (`DottedStub`). */
export interface Stub {
  /** The dotted line's connector index (u32::MAX for a line to another page, which has no route here). */
  line: number;
  at: number;
  other: number;
  to: boolean;
  points: number[];
  label: string;
  /** Where the label is set, clear of cards and lines (the scene's `place_labels`): it starts at `labelX` on the
   * baseline `labelY`, or ends there when `labelLeftward`. */
  labelX: number;
  labelY: number;
  labelLeftward: boolean;
}

/** Labels under this many CSS px tall are not drawn: the stub alone still marks the line. */
const MIN_LABEL_PX = 7;
const LABEL_ROOM = 200;

/** Connectors drawn as stubs unless their route is shown: every line with a stub. */
export function stubbedLines(stubs: readonly Stub[]): Set<number> {
  const out = new Set<number>();
  for (const s of stubs) out.add(s.line);
  return out;
}

/** Lines whose whole route is drawn: those with an end on a selected or hovered card. */
export function shownRoutes(stubs: readonly Stub[], selected: ReadonlySet<number>, hovered: number | null | undefined): Set<number> {
  const out = new Set<number>();
  for (const s of stubs) if (selected.has(s.at) || s.at === hovered) out.add(s.line);
  return out;
}

/** Connectors to leave out of the normal connector pass: stubbed lines whose route is not shown. */
export function hiddenRoutes(stubs: readonly Stub[], shown: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const s of stubs) if (!shown.has(s.line)) out.add(s.line);
  return out;
}

/** Stubs of the lines not shown whole, dashed like dotted lines, labelled when the label is big enough to read. */
export function drawStubs(
  ctx: CanvasRenderingContext2D, stubs: readonly Stub[], shown: ReadonlySet<number>, theme: Theme, text: TextCache, zoom: number,
): void {
  const drawn = stubs.filter((s) => !shown.has(s.line) && s.points.length >= 4);
  if (drawn.length === 0) return;
  ctx.beginPath();
  for (const s of drawn) {
    const p = s.points;
    ctx.moveTo(p[0] as number, p[1] as number);
    for (let k = 2; k + 1 < p.length; k += 2) ctx.lineTo(p[k] as number, p[k + 1] as number);
  }
  ctx.lineWidth = 1.25 / zoom;
  ctx.strokeStyle = theme.dottedConnector;
  ctx.setLineDash([4 / zoom, 4 / zoom]);
  ctx.stroke();
  ctx.setLineDash([]);
  if (11 * zoom < MIN_LABEL_PX) return;
  ctx.font = theme.badgeFont;
  ctx.fillStyle = theme.dottedConnector;
  ctx.textBaseline = "alphabetic";
  for (const s of drawn) {
    const label = text.fit(s.label, theme.badgeFont, LABEL_ROOM);
    if (!label) continue;
    ctx.fillText(label, s.labelLeftward ? s.labelX - text.width(label, theme.badgeFont) : s.labelX, s.labelY);
  }
}
