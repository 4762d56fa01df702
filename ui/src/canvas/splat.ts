// Zoomed-out fast path: cards smaller than a few pixels are written straight into pixel memory, not drawn as paths.
import type { Camera } from "./camera";
import type { ChartScene } from "./scene";
import type { StyleTable } from "./styleTable";

/** Cards under this many device px both ways are splatted. Measured in Chromium: 92k path rects ~150 ms, splat < 5 ms. */
export const SPLAT_MAX_PX = 3;

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
 * Fills `pixels` (width x height, device px) with `background`, then each card as the device-pixel box it covers
 * (at least one pixel). No antialiasing: at this size it would only blur dots.
 */
export function splatBlocks(
  pixels: Uint32Array, width: number, height: number, background: number,
  scene: ChartScene, items: Uint32Array, styles: StyleTable, colours: Uint32Array, cam: Camera, dpr: number,
): void {
  pixels.fill(background);
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

/** Owns the ImageData buffer and the palette in packed form, both rebuilt only when size or palette change. */
export class Splatter {
  private img: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private colours = new Uint32Array(0);
  private palette: string[] | null = null;
  private bg = 0;

  draw(ctx: CanvasRenderingContext2D, scene: ChartScene, items: Uint32Array, styles: StyleTable, background: string, cam: Camera, dpr: number): void {
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
      this.bg = parse(background);
    }
    splatBlocks(this.pixels, w, h, this.bg, scene, items, styles, this.colours, cam, dpr);
    ctx.putImageData(this.img, 0, 0);
  }
}
