// The hiring timeline of the Plan view, apart from React: where a hire's target start sits among the table's
// periods, which period a pointer is over, the drag of a hire's marker along the track, and the keys that move it.
// Periods are the table's labels ("2027-Q1" or "2027-03"); both are target starts the core accepts as they are.

/** Months since year 0 of the first month of "2027-Q3", "2027-07" or "2027-07-15"; null for anything else. */
export function monthOf(text: string): number | null {
  const m = /^(\d{4})-(?:Q([1-4])|(\d{2}))(?:-\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return year * 12 + (Number(m[2]) - 1) * 3;
  const month = Number(m[3]);
  return month >= 1 && month <= 12 ? year * 12 + month - 1 : null;
}

/** How many months a period label spans: 3 for a quarter, 1 for a month. */
function spanOf(period: string): number {
  return /Q/i.test(period) ? 3 : 1;
}

/**
 * Where a target start falls among `periods`: the index of the period holding its first month, -1 before the first
 * period, `periods.length` after the last; null when there is no target start (or it does not read).
 */
export function periodIndexOf(periods: readonly string[], target: string | null | undefined): number | null {
  if (!target || periods.length === 0) return null;
  const at = monthOf(target);
  if (at === null) return null;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] ?? "";
    const start = monthOf(p);
    if (start === null) continue;
    if (at < start) return i === 0 ? -1 : i - 1;
    if (at < start + spanOf(p)) return i;
  }
  return periods.length;
}

/** A track's place on screen: its left edge and width in client pixels, split evenly into `count` periods. */
export interface Track {
  left: number;
  width: number;
  count: number;
}

/** The period under client x, clamped to the track: a pointer dragged past an end stays on the end period. */
export function periodAt(track: Track, x: number): number {
  if (track.count <= 0 || track.width <= 0) return 0;
  const i = Math.floor(((x - track.left) / track.width) * track.count);
  return Math.min(track.count - 1, Math.max(0, i));
}

/** The centre of period `i` as a share of the track (0..1), where its marker is drawn; ends for out-of-range. */
export function markerShare(index: number, count: number): number {
  if (count <= 0) return 0;
  if (index < 0) return 0;
  if (index >= count) return 1;
  return (index + 0.5) / count;
}

/** A pointer drag of one hire's marker. */
export interface Drag {
  person: number;
  /** The period the hire was in when the drag began (may be -1 or count when outside the table). */
  from: number;
  /** The period under the pointer now. */
  at: number;
  startX: number;
  /** Whether the pointer went far enough to be a drag rather than a click. */
  moved: boolean;
}

/** Pixels a pointer must travel before a press on a marker becomes a drag. */
export const DRAG_THRESHOLD = 4;

export function startDrag(person: number, from: number, x: number): Drag {
  return { person, from, at: from, startX: x, moved: false };
}

export function moveDrag(drag: Drag, track: Track, x: number): Drag {
  const moved = drag.moved || Math.abs(x - drag.startX) >= DRAG_THRESHOLD;
  return moved ? { ...drag, moved, at: periodAt(track, x) } : drag;
}

/** The period the hire is dropped in, or null when the drag changes nothing (a click, or back where it was). */
export function endDrag(drag: Drag): number | null {
  return drag.moved && drag.at !== drag.from ? drag.at : null;
}

/**
 * The period a key moves a focused marker to: arrows one period, Page Up/Down a year of the table's periods,
 * Home/End the ends. null for any other key, or when the marker would not move.
 */
export function keyTarget(key: string, index: number | null, count: number, periodsPerYear: number): number | null {
  if (count <= 0) return null;
  // A hire without a date, or outside the table, enters at the end nearest the key.
  const at = index ?? -1;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  let next: number;
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      next = clamp(at < 0 ? 0 : at + 1);
      break;
    case "ArrowLeft":
    case "ArrowDown":
      next = clamp(at >= count ? count - 1 : at - 1);
      break;
    case "PageUp":
      next = clamp(at + periodsPerYear);
      break;
    case "PageDown":
      next = clamp(at - periodsPerYear);
      break;
    case "Home":
      next = 0;
      break;
    case "End":
      next = count - 1;
      break;
    default:
      return null;
  }
  return next === at ? null : next;
}
