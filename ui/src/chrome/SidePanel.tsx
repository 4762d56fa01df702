// A side panel's column with a resize handle on its left edge: dragged with the pointer or moved with the arrow keys
// (Home/End for widest/narrowest), clamped so the diagram keeps most of the window, remembered per panel.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { clampPanelWidth, keyedWidth, readStored, writeStored, type PanelLimits } from "./panelWidth";
import "./chrome.css";

/** Open panels' widths, so each leaves the chart its share beside the others. */
const openWidths = new Map<string, number>();

function othersThan(id: string): number {
  let n = 0;
  for (const [k, w] of openWidths) if (k !== id) n += w;
  return n;
}

export function SidePanel({ id, label, limits, defaultWidth, children }: { id: string; label: string; limits: PanelLimits; defaultWidth: number; children: ReactNode }) {
  const key = `topograph.panel.${id}.width`;
  const [want, setWant] = useState(() => Number(readStored(key) ?? defaultWidth) || defaultWidth);
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  const width = clampPanelWidth(want, limits, windowWidth, othersThan(id));
  useEffect(() => {
    openWidths.set(id, width);
    return () => { openWidths.delete(id); };
  }, [id, width]);

  const set = (w: number) => {
    const c = clampPanelWidth(w, limits, window.innerWidth, othersThan(id));
    setWant(c);
    writeStored(key, String(c));
  };

  return (
    <div className={`side-panel side-panel-${id}`} style={{ width }}>
      <div
        className="panel-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize the ${label}`}
        aria-valuemin={limits.min}
        aria-valuemax={limits.max}
        aria-valuenow={width}
        tabIndex={0}
        title={`Drag to resize the ${label} (or focus and use the arrow keys)`}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, width };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setWant(clampPanelWidth(d.width + (d.x - e.clientX), limits, window.innerWidth, othersThan(id)));
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d) set(d.width + (d.x - e.clientX));
        }}
        onPointerCancel={() => { drag.current = null; }}
        onKeyDown={(e) => {
          const w = keyedWidth(e.key, e.shiftKey, width, limits);
          if (w === null) return;
          e.preventDefault();
          e.stopPropagation();
          set(w);
        }}
      />
      {children}
    </div>
  );
}
