// Minimap overlay: redraws after each main-chart frame and moves the camera on click/drag.
import { useEffect, useRef, type MutableRefObject, type PointerEvent } from "react";
import { centerOn, type Camera, type Viewport } from "../canvas/camera";
import { Minimap } from "../canvas/minimap";
import type { ChartRenderer } from "../canvas/renderer";

interface Props {
  /** CSS px (canvas/minimap minimapSize); a new size remounts the minimap. */
  size: Viewport;
  rendererRef: MutableRefObject<ChartRenderer | null>;
  listeners: MutableRefObject<Set<() => void>>;
  /** The chart's own camera setter, so minimap moves are clamped and reported like any other. */
  applyCamera: MutableRefObject<(cam: Camera) => void>;
}

export function MinimapView({ size, rendererRef, listeners, applyCamera }: Props) {
  const { width: W, height: H } = size;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const miniRef = useRef<Minimap | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const mini = new Minimap(canvas);
    mini.setSize(W, H, window.devicePixelRatio || 1);
    miniRef.current = mini;
    const redraw = () => {
      const r = rendererRef.current;
      if (!r) return;
      // Picked up lazily: the renderer gets its scene in the parent's effect, which runs after this child's.
      if (mini.scene !== r.currentScene) mini.setScene(r.currentScene, r.cardIndex);
      mini.draw(r.camera, r.viewport);
    };
    listeners.current.add(redraw);
    const set = listeners.current;
    // A resized minimap (the chart area changed size) draws at once, not at the next camera move.
    redraw();
    return () => { set.delete(redraw); miniRef.current = null; };
  }, [rendererRef, listeners, W, H]);

  const navigate = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = rendererRef.current, mini = miniRef.current;
    if (!r || !mini || (e.buttons & 1) === 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const w = mini.toWorld(e.clientX - rect.left, e.clientY - rect.top);
    applyCamera.current(centerOn(r.camera, w.x, w.y, r.viewport));
  };

  return (
    <canvas
      ref={canvasRef}
      className="chart-minimap"
      aria-label="Minimap: click or drag to move the view"
      style={{ width: W, height: H }}
      onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); navigate(e); }}
      onPointerMove={navigate}
    />
  );
}
