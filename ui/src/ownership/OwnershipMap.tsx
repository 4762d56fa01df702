// React shell of the ownership map canvas: the chart's camera and pointer controller around OwnershipRenderer.
import { useEffect, useRef } from "react";
import { centerOn, clampCamera, fitBounds, zoomLimitsFor, type Camera } from "../canvas/camera";
import { recallCamera, rememberCamera, scopedCameraKey } from "../app/viewCameras";
import { attachInteraction, InteractionController, type DropVerdict } from "../canvas/interaction";
import { e2eOwnership } from "../app/e2e";
import type { MapLayout } from "./mapLayout";
import { OwnershipRenderer } from "./ownershipRenderer";
import type { OwnershipScene } from "./sceneTypes";
import type { OwnershipMarks } from "../scenarios/ownershipMarks";

/** Zoom a focused area is brought to at least, so its row and its compare label are readable. */
const FOCUS_ZOOM = 0.8;

export interface OwnershipMapProps {
  scene: OwnershipScene;
  layout: MapLayout;
  onlyUnowned: boolean;
  selected: ReadonlySet<number>;
  onSelect(id: number | null): void;
  canDrop(area: number, team: number, contributor: boolean): DropVerdict;
  /** contributor: Alt/Option (or Shift) was held at the drop. */
  onDrop(area: number, team: number, contributor: boolean): void;
  /** Compare mode's marks for the scenario on screen, or null. */
  compare?: OwnershipMarks | null;
  /** An area (or removed area's ghost) to bring to the middle of the view once; null for none. */
  focus?: number | null;
  /** The map moved to `focus` (it may only do so once it has a layout). */
  onFocused?(area: number): void;
}

export function OwnershipMap(props: OwnershipMapProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<OwnershipRenderer | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const placed = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current, host = hostRef.current;
    if (!canvas || !host) return;
    const renderer = new OwnershipRenderer(canvas);
    rendererRef.current = renderer;
    const limits = () => zoomLimitsFor(renderer.bounds ?? { x: 0, y: 0, w: 0, h: 0 }, renderer.viewport);
    const applyCamera = (cam: Camera) => {
      const bounds = renderer.bounds;
      renderer.setCamera(bounds ? clampCamera(cam, bounds, renderer.viewport, 64, limits()) : cam);
    };
    // The chart's controller hears Shift; Alt/Option (the usual "add instead of move" modifier) is tracked here.
    // These listeners are added before the controller's, so the drop sees the modifier of its own release.
    let alt = false;
    const contributor = (shift: boolean) => alt || shift;
    const trackAlt = (e: PointerEvent | KeyboardEvent) => {
      if (e.altKey === alt) return;
      alt = e.altKey;
      renderer.setHighlights({ contributorDrop: contributor(false) });
    };
    canvas.addEventListener("pointermove", trackAlt);
    canvas.addEventListener("pointerup", trackAlt);
    window.addEventListener("keydown", trackAlt);
    window.addEventListener("keyup", trackAlt);
    const controller = new InteractionController(
      {
        getCamera: () => renderer.camera,
        setCamera: applyCamera,
        hitTest: (x, y, skip) => renderer.hitTest(x, y, skip),
        viewportHeight: () => renderer.viewport.height,
      },
      {
        onSelect: (id) => propsRef.current.onSelect(id),
        canDrop: (d, t) => {
          if (!renderer.isArea(d)) return { ok: false, reason: "Drag a product area onto a team" };
          if (renderer.isArea(t)) return { ok: false, reason: "Drop the area on a team" };
          return propsRef.current.canDrop(d, t, contributor(false));
        },
        onDrop: (d, t, m) => propsRef.current.onDrop(d, t, contributor(m.shift)),
        onDragChange: (f) =>
          renderer.setHighlights({ drag: f?.drag ?? null, dropTarget: f?.dropTarget ?? null, contributorDrop: f ? contributor(f.shift) : false }),
        onCursor: (c) => { canvas.style.cursor = c; },
      },
    );
    const detach = attachInteraction(canvas, controller);
    const resize = () => {
      const r = host.getBoundingClientRect();
      renderer.setViewportSize(r.width, r.height, window.devicePixelRatio || 1);
      controller.setZoomLimits(limits());
    };
    const ro = new ResizeObserver(resize);
    ro.observe(host);
    resize();
    const detachE2e = e2eOwnership?.attachMap(renderer, canvas);
    return () => {
      detach();
      detachE2e?.();
      canvas.removeEventListener("pointermove", trackAlt);
      canvas.removeEventListener("pointerup", trackAlt);
      window.removeEventListener("keydown", trackAlt);
      window.removeEventListener("keyup", trackAlt);
      ro.disconnect();
      // Another tab takes the screen: the map is shown as it was left when it comes back.
      if (placed.current) rememberCamera(scopedCameraKey("ownership"), renderer.camera);
      renderer.dispose();
      rendererRef.current = null;
      placed.current = false;
    };
  }, []);

  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    r.setLayout(props.scene, props.layout);
    // The first layout is fitted to the window (at a readable zoom at most); later ones keep the user's view.
    if (!placed.current && props.layout.ids.length > 0 && r.viewport.width > 0) {
      placed.current = true;
      const fit = fitBounds(props.layout.bounds, r.viewport, 24, { min: 0.002, max: 1 });
      const b = props.layout.bounds;
      r.setCamera(recallCamera(scopedCameraKey("ownership")) ?? (fit.zoom >= 0.6 ? fit : { x: b.x - 24 / 0.8, y: b.y - 24 / 0.8, zoom: 0.8 }));
    }
  }, [props.scene, props.layout]);

  useEffect(() => {
    rendererRef.current?.setHighlights({ selected: props.selected, onlyUnowned: props.onlyUnowned });
  }, [props.selected, props.onlyUnowned]);

  useEffect(() => rendererRef.current?.setCompare(props.compare ?? null), [props.compare, props.scene, props.layout]);

  useEffect(() => {
    const r = rendererRef.current, id = props.focus;
    if (!r || id === null || id === undefined) return;
    const rect = r.worldRect(id), bounds = r.bounds;
    if (!rect || !bounds || r.viewport.width === 0) return;
    const cam = centerOn({ x: 0, y: 0, zoom: Math.max(r.camera.zoom, FOCUS_ZOOM) }, rect.x + rect.w / 2, rect.y + rect.h / 2, r.viewport);
    r.setCamera(clampCamera(cam, bounds, r.viewport, 64, zoomLimitsFor(bounds, r.viewport)));
    propsRef.current.onFocused?.(id);
  }, [props.focus, props.scene, props.layout, props.compare]);

  return (
    <div ref={hostRef} className="chart-host ownership-map">
      <canvas ref={canvasRef} className="chart-canvas" tabIndex={0} aria-label="Ownership map: product areas and the teams that own them" />
    </div>
  );
}
