// Draw-when-dirty on the next animation frame, shared by the diagram renderers: however many changes arrive
// before a frame, it draws once.
import type { FrameScheduler } from "./renderer";

export const ANIMATION_FRAMES: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export class FrameLoop {
  private dirty = true;
  private frame: number | null = null;
  private disposed = false;

  constructor(private readonly draw: () => void, private readonly scheduler: FrameScheduler = ANIMATION_FRAMES) {}

  invalidate(): void {
    this.dirty = true;
    if (this.frame !== null || this.disposed) return;
    this.frame = this.scheduler.request(() => {
      this.frame = null;
      if (this.dirty) this.drawNow();
    });
  }

  drawNow(): void {
    this.dirty = false;
    this.draw();
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== null) this.scheduler.cancel(this.frame);
    this.frame = null;
  }
}

/** Sizes the backing store in device pixels (sharp text on HiDPI); says whether it changed (which clears it). */
export function sizeBackingStore(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): boolean {
  const pw = Math.max(1, Math.round(width * dpr)), ph = Math.max(1, Math.round(height * dpr));
  if (canvas.width === pw && canvas.height === ph) return false;
  canvas.width = pw;
  canvas.height = ph;
  return true;
}
