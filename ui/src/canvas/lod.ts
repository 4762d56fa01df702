// Level of detail by on-screen card size, and cached text measurement/truncation (text is the expensive part of a frame).

export type Lod = "full" | "name" | "block";

/** Minimum on-screen card size (CSS px) for each level; below `name` cards are plain blocks with no text. */
export interface LodThresholds {
  fullMinHeight: number;
  fullMinWidth: number;
  nameMinHeight: number;
  nameMinWidth: number;
}

/**
 * Picked so text stays >= ~8 CSS px for the default card style (84 world units tall, 13-unit name font):
 * smaller text is unreadable and costs as much to draw as readable text.
 */
export const DEFAULT_LOD_THRESHOLDS: LodThresholds = {
  fullMinHeight: 50,
  fullMinWidth: 110,
  nameMinHeight: 26,
  nameMinWidth: 60,
};

export function selectLod(screenW: number, screenH: number, t: LodThresholds = DEFAULT_LOD_THRESHOLDS): Lod {
  if (screenH >= t.fullMinHeight && screenW >= t.fullMinWidth) return "full";
  if (screenH >= t.nameMinHeight && screenW >= t.nameMinWidth) return "name";
  return "block";
}

/** Width of `text` in `font`, in the font's units. Injected so the cache is testable without a canvas. */
export type MeasureFn = (text: string, font: string) => number;

export const ELLIPSIS = "\u2026";

/**
 * Memoises widths and truncated labels. Text is drawn in world units with fixed fonts, so entries stay valid
 * across zoom levels and a steady pan does no measureText at all. Bounded: cleared wholesale when full, which
 * is cheaper than LRU bookkeeping on the hot path and only costs one re-measure of visible labels.
 */
export class TextCache {
  private widths = new Map<string, number>();
  private fits = new Map<string, string>();
  misses = 0;

  constructor(private readonly measure: MeasureFn, private readonly maxEntries = 50_000) {}

  width(text: string, font: string): number {
    const key = font + "\u0000" + text;
    let w = this.widths.get(key);
    if (w === undefined) {
      if (this.widths.size >= this.maxEntries) this.widths.clear();
      w = this.measure(text, font);
      this.misses++;
      this.widths.set(key, w);
    }
    return w;
  }

  /** `text` cut to fit `maxWidth`, ending in an ellipsis when cut; "" when not even the ellipsis fits. */
  fit(text: string, font: string, maxWidth: number): string {
    const key = font + "\u0000" + maxWidth + "\u0000" + text;
    let s = this.fits.get(key);
    if (s === undefined) {
      if (this.fits.size >= this.maxEntries) this.fits.clear();
      s = truncate(text, font, maxWidth, (t, f) => this.width(t, f));
      this.fits.set(key, s);
    }
    return s;
  }

  /** Call when fonts finish loading: widths measured with a fallback font are wrong afterwards. */
  clear(): void {
    this.widths.clear();
    this.fits.clear();
  }

  get size(): number {
    return this.widths.size + this.fits.size;
  }
}

/** Longest prefix (by code point, so surrogate pairs stay whole) + ellipsis that fits; binary search keeps it O(log n) measurements. */
export function truncate(text: string, font: string, maxWidth: number, measure: MeasureFn): string {
  if (measure(text, font) <= maxWidth) return text;
  if (measure(ELLIPSIS, font) > maxWidth) return "";
  const chars = Array.from(text);
  let lo = 0, hi = chars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(chars.slice(0, mid).join("").trimEnd() + ELLIPSIS, font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("").trimEnd() + ELLIPSIS;
}

/** MeasureFn over a 2D context; sets `font` only on change because assigning it re-parses the font string. */
export function canvasMeasure(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D): MeasureFn {
  let current = "";
  return (text, font) => {
    if (font !== current) { ctx.font = font; current = font; }
    return ctx.measureText(text).width;
  };
}
