// The ownership tab's "Where the people go" mode: actual effort by product area against the targets, drawn on a
// canvas from the core's scene (command `effort_scene`), scrolled natively; a click selects the row's area.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { commands, type EffortScene } from "../bindings";
import { sceneFeed, type AppController } from "../app/controller";
import { canvasMeasure, TextCache } from "../canvas/lod";
import { drawEffort, effortHeight, effortZoom, rowAt } from "./effortRenderer";
import { EFFORT_RULE } from "./direction";
import { testHooks } from "../app/testHooks";

export function effortFeed(ctl: AppController) {
  return sceneFeed<EffortScene>(ctl, "effort", () => commands.effortScene());
}

export function EffortView({ ctl, selected, onSelect }: { ctl: AppController; selected: number | null; onSelect(area: number | null): void }) {
  const feed = useMemo(() => effortFeed(ctl), [ctl]);
  const scene = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0, top: 0 });
  const text = useRef<TextCache | null>(null);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const measure = () => setSize({ w: host.clientWidth, h: host.clientHeight, top: host.scrollTop });
    const ro = new ResizeObserver(measure);
    ro.observe(host);
    measure();
    return () => ro.disconnect();
  }, []);

  const zoom = scene ? effortZoom(scene, size.w) : 1;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !scene || size.w === 0 || size.h === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.w * dpr);
    canvas.height = Math.round(size.h * dpr);
    const ctx = canvas.getContext("2d", { alpha: false });
    if (!ctx) return;
    text.current ??= new TextCache(canvasMeasure(ctx));
    drawEffort(ctx, text.current, scene, { zoom, scrollTop: size.top, width: size.w, height: size.h, dpr }, selected);
    testHooks.effort?.drawn(scene, canvas);
  }, [scene, size, zoom, selected]);

  // The host is there from the start, so its size is known when the first scene arrives.
  return (
    <div ref={hostRef} className="effort-view" role="region" aria-label="Where the people go" title={EFFORT_RULE}
      onScroll={(e) => { const top = e.currentTarget.scrollTop; setSize((s) => ({ ...s, top })); }}>
      {!scene ? <p className="placeholder">Working out where the people go…</p> : (
        <div style={{ height: Math.max(effortHeight(scene, zoom), size.h), position: "relative" }}>
          <canvas ref={canvasRef} className="effort-canvas" style={{ width: size.w, height: size.h }}
            role="img" aria-label={`Where the people go: ${scene.summary}`}
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              onSelect(rowAt(scene, { zoom, scrollTop: size.top }, e.clientX - r.left, e.clientY - r.top));
            }} />
        </div>
      )}
    </div>
  );
}
