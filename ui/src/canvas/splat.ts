// Zoomed-out fast path: cards smaller than a few pixels are written straight into pixel memory, not drawn as paths.
import type { Camera } from "./camera";
import type { ChartScene, Connector } from "./scene";
import type { StyleTable } from "./styleTable";

/**
 * Block-level cards under this many device px both ways are splatted. Measured in headless Chromium (software):
 * 92k path rects ~150 ms, the same as pixels < 5 ms. Up to this size the missing antialiasing is not visible.
 */
export const SPLAT_MAX_PX = 16;

/** A CSS colour as the canvas normalises it (#rrggbb or rgba(r, g, b, a)) -> little-endian ABGR for a Uint32Array view of ImageData. */
export function packColour(normalised: string): number {
  let r = 0, g = 0, b = 0, a = 255;
  if (normalised.startsWith("#") && normalised.length === 7) {
    r = parseInt(normalised.slice(1, 3), 16);
    g = parseInt(normalised.slice(3, 5), 16);
    b = parseInt(normalised.slice(5, 7), 16);
  } else {
    const m = normalised.match(/rgba?\(([^)]+)\)/);
    const parts = m?.[1]?.split(",").map((s) => Number(s.trim())) ?? [];
    r = parts[0] ?? 0; g = parts[1] ?? 0; b = parts[2] ?? 0;
    a = Math.round((parts[3] ?? 1) * 255);
  }
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/**
 * Writes each card into `pixels` (width x height, device px) as the device-pixel box it covers (at least one
 * pixel). No antialiasing: at this size it would only blur dots.
 */
export function splatBlocks(
  pixels: Uint32Array, width: number, height: number,
  scene: ChartScene, items: Uint32Array, styles: StyleTable, colours: Uint32Array, cam: Camera, dpr: number,
): void {
  const s = cam.zoom * dpr, ox = cam.x, oy = cam.y;
  for (let k = 0; k < items.length; k++) {
    const i = items[k] as number;
    const x0 = Math.max(0, Math.floor(((scene.x[i] as number) - ox) * s));
    const y0 = Math.max(0, Math.floor(((scene.y[i] as number) - oy) * s));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil(((scene.x[i] as number) + (scene.w[i] as number) - ox) * s)));
    const y1 = Math.min(height, Math.max(y0 + 1, Math.ceil(((scene.y[i] as number) + (scene.h[i] as number) - oy) * s)));
    const c = colours[styles.colour[i] as number] as number;
    for (let y = y0; y < y1; y++) {
      const row = y * width;
      for (let x = x0; x < x1; x++) pixels[row + x] = c;
    }
  }
}

/**
 * Connectors as 1-device-pixel lines (DDA; org-chart elbows are axis-aligned, so mostly plain runs), dotted ones
 * 4 px on / 4 px off. Drawn before the cards so cards cover line ends, as in the vector path.
 */
export function splatConnectors(
  pixels: Uint32Array, width: number, height: number,
  connectors: readonly Connector[], items: Uint32Array, colour: number, dottedColour: number, cam: Camera, dpr: number,
): void {
  const s = cam.zoom * dpr, dash = Math.max(1, Math.round(4 * dpr));
  for (let k = 0; k < items.length; k++) {
    const c = connectors[items[k] as number] as Connector;
    const p = c.points, col = c.dotted ? dottedColour : colour;
    for (let j = 0; j + 3 < p.length; j += 2) {
      const x0 = ((p[j] as number) - cam.x) * s, y0 = ((p[j + 1] as number) - cam.y) * s;
      const x1 = ((p[j + 2] as number) - cam.x) * s, y1 = ((p[j + 3] as number) - cam.y) * s;
      // Skip segments wholly off screen before stepping along them.
      if ((x0 < 0 && x1 < 0) || (y0 < 0 && y1 < 0) || (x0 >= width && x1 >= width) || (y0 >= height && y1 >= height)) continue;
      const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
      const sx = steps ? (x1 - x0) / steps : 0, sy = steps ? (y1 - y0) / steps : 0;
      // Start at the first on-screen step, so a bus line across a huge chart costs one screen width, not its length.
      let t0 = 0, t1 = steps;
      if (sx > 0) { t0 = Math.max(t0, Math.ceil(-x0 / sx)); t1 = Math.min(t1, Math.floor((width - 1 - x0) / sx)); }
      else if (sx < 0) { t0 = Math.max(t0, Math.ceil((width - 1 - x0) / sx)); t1 = Math.min(t1, Math.floor(-x0 / sx)); }
      if (sy > 0) { t0 = Math.max(t0, Math.ceil(-y0 / sy)); t1 = Math.min(t1, Math.floor((height - 1 - y0) / sy)); }
      else if (sy < 0) { t0 = Math.max(t0, Math.ceil((height - 1 - y0) / sy)); t1 = Math.min(t1, Math.floor(-y0 / sy)); }
      for (let t = t0; t <= t1; t++) {
        if (c.dotted && Math.floor(t / dash) % 2 === 1) continue;
        const x = Math.round(x0 + sx * t), y = Math.round(y0 + sy * t);
        if (x >= 0 && y >= 0 && x < width && y < height) pixels[y * width + x] = col;
      }
    }
  }
}

/** Owns the ImageData buffer and the palette in packed form, both rebuilt only when size or palette change. */
export class Splatter {
  private img: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private colours = new Uint32Array(0);
  private palette: string[] | null = null;
  private bg = 0;
  private line = 0;
  private dotted = 0;

  draw(
    ctx: CanvasRenderingContext2D, scene: ChartScene, items: Uint32Array, styles: StyleTable,
    connectors: Uint32Array, theme: { background: string; connector: string; dottedConnector: string }, cam: Camera, dpr: number,
  ): void {
    const w = ctx.canvas.width, h = ctx.canvas.height;
    if (!this.img || this.img.width !== w || this.img.height !== h) {
      this.img = ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.img.data.buffer);
    }
    if (this.palette !== styles.palette) {
      this.palette = styles.palette;
      // Let the canvas parse the colours, so any CSS colour string works, named ones included.
      const parse = (c: string) => { ctx.fillStyle = c; return packColour(String(ctx.fillStyle)); };
      this.colours = Uint32Array.from(styles.palette, parse);
      this.bg = parse(theme.background);
      this.line = parse(theme.connector);
      this.dotted = parse(theme.dottedConnector);
    }
    this.pixels.fill(this.bg);
    splatConnectors(this.pixels, w, h, scene.connectors, connectors, this.line, this.dotted, cam, dpr);
    splatBlocks(this.pixels, w, h, scene, items, styles, this.colours, cam, dpr);
    ctx.putImageData(this.img, 0, 0);
  }
}
