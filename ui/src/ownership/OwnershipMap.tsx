// React shell of the ownership map canvas: the chart's camera and pointer controller around OwnershipRenderer.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { focusVisible } from "../a11y/focusVisible";
import { appearance } from "../appearance/window";
import { centerOn, clampCamera, fitBounds, zoomLimitsFor, type Camera } from "../canvas/camera";
import { recallCamera, rememberCamera, scopedCameraKey } from "../app/viewCameras";
import { attachInteraction, InteractionController, type DropVerdict } from "../canvas/interaction";
import { testHooks } from "../app/testHooks";
import type { MapLayout } from "./mapLayout";
import { OwnershipRenderer } from "./ownershipRenderer";
import type { OwnershipScene } from "./sceneTypes";
import type { OwnershipMarks } from "../scenarios/ownershipMarks";
import { zoneAt, type DropZone } from "./areaEdit";

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
  /** A row dragged onto another row (into it) or between two rows (before or after the one under the pointer). */
  canMoveArea?(area: number, target: number, zone: DropZone): DropVerdict;
  onMoveArea?(area: number, target: number, zone: DropZone): void;
  /** A double click on an area row. */
  onOpenArea?(area: number): void;
  /** An area to scroll into view (once per new request); null for none. */
  reveal?: { area: number; seq: number } | null;
  /** Chrome laid over the row of `anchor` (rename field, "+" button), following the camera. */
  overlay?: ReactNode;
  anchor?: number | null;
  /** The canvas took the keyboard focus (the view says what is focused in the live region). */
  onFocus?(): void;
}

const ZONES: readonly DropZone[] = ["before", "into", "after"];

/**
 * While a row is dragged over the tree, the drop target is the row and the zone under the pointer, packed into one
 * negative number (ids are positive) so the chart's controller, which knows only ids, asks again when the zone changes.
 */
const treeToken = (area: number, zone: DropZone) => -(area * 3 + ZONES.indexOf(zone) + 1);
function fromToken(t: number): { area: number; zone: DropZone } {
  const k = -t - 1;
  return { area: Math.floor(k / 3), zone: ZONES[k % 3] as DropZone };
}

/** Puts a row (or a removed area's ghost) in the middle of the view, at a readable zoom; false when it has none. */
function centreRow(r: OwnershipRenderer, id: number): boolean {
  const rect = r.worldRect(id), bounds = r.bounds;
  if (!rect || !bounds || r.viewport.width === 0) return false;
  const cam = centerOn({ x: 0, y: 0, zoom: Math.max(r.camera.zoom, FOCUS_ZOOM) }, rect.x + rect.w / 2, rect.y + rect.h / 2, r.viewport);
  r.setCamera(clampCamera(cam, bounds, r.viewport, 64, zoomLimitsFor(bounds, r.viewport)));
  return true;
}

export function OwnershipMap(props: OwnershipMapProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<OwnershipRenderer | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const placed = useRef(false);
  const overlayRef = useRef<HTMLDivElement>(null);
  const revealed = useRef(0);
  /** The row the view was last centred on for a request, until the user moves the camera: a resize (an inspector
   * opening beside the map) centres it again. */
  const centred = useRef<number | null>(null);

  /** Puts the overlay on its row as drawn now (called after every frame, so it follows pans and zooms). */
  const placeOverlay = () => {
    const el = overlayRef.current, r = rendererRef.current, id = propsRef.current.anchor;
    if (!el) return;
    const rect = r && id !== null && id !== undefined ? r.boxScreenRect(id) : null;
    if (!rect) {
      el.style.display = "none";
      return;
    }
    el.style.display = "";
    el.style.left = `${rect.x}px`;
    el.style.top = `${rect.y}px`;
    el.style.width = `${rect.w}px`;
    el.style.height = `${rect.h}px`;
  };

  useEffect(() => {
    const canvas = canvasRef.current, host = hostRef.current;
    if (!canvas || !host) return;
    const renderer = new OwnershipRenderer(canvas);
    rendererRef.current = renderer;
    const offAppearance = appearance.subscribe(() => renderer.setTheme(appearance.theme()));
    const limits = () => zoomLimitsFor(renderer.bounds ?? { x: 0, y: 0, w: 0, h: 0 }, renderer.viewport);
    const applyCamera = (cam: Camera) => {
      centred.current = null;
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
    const hitTest = (x: number, y: number, skip?: number): number | null => {
      const hit = renderer.hitTest(x, y, skip);
      const s = controller.state;
      // An area dragged over another area's row: which part of the row says sibling (its edges) or child.
      if (hit === null || s.kind !== "dragging" || !renderer.isArea(s.id) || !renderer.isArea(hit)) return hit;
      const r = renderer.boxScreenRect(hit);
      return r ? treeToken(hit, zoneAt(r.y, r.h, y)) : hit;
    };
    const controller: InteractionController = new InteractionController(
      {
        getCamera: () => renderer.camera,
        setCamera: applyCamera,
        hitTest,
        viewportHeight: () => renderer.viewport.height,
      },
      {
        onSelect: (id) => propsRef.current.onSelect(id),
        canDrop: (d, t) => {
          if (!renderer.isArea(d)) return { ok: false, reason: "Drag a product area onto a team" };
          if (t < 0) {
            const { area, zone } = fromToken(t);
            return propsRef.current.canMoveArea?.(d, area, zone) ?? { ok: false, reason: "Drop the area on a team" };
          }
          if (renderer.isArea(t)) return { ok: false, reason: "Drop the area on a team" };
          return propsRef.current.canDrop(d, t, contributor(false));
        },
        onDrop: (d, t, m) => {
          if (t >= 0) return propsRef.current.onDrop(d, t, contributor(m.shift));
          const { area, zone } = fromToken(t);
          propsRef.current.onMoveArea?.(d, area, zone);
        },
        onDragChange: (f) => {
          const dt = f?.dropTarget ?? null;
          const tree = dt && dt.id < 0 ? { ...fromToken(dt.id), ok: dt.ok, reason: dt.reason } : null;
          renderer.setHighlights({
            drag: f?.drag ?? null,
            dropTarget: tree ? null : dt,
            treeDrop: tree,
            contributorDrop: f && !tree ? contributor(f.shift) : false,
          });
        },
        onCursor: (c) => { canvas.style.cursor = c; },
      },
    );
    const dblclick = (e: MouseEvent) => {
      const r = canvas.getBoundingClientRect();
      const id = renderer.hitTest(e.clientX - r.left, e.clientY - r.top);
      if (id !== null && renderer.isArea(id)) propsRef.current.onOpenArea?.(id);
    };
    canvas.addEventListener("dblclick", dblclick);
    renderer.onDrawn = () => placeOverlay();
    const detach = attachInteraction(canvas, controller);
    const resize = () => {
      const r = host.getBoundingClientRect();
      renderer.setViewportSize(r.width, r.height, window.devicePixelRatio || 1);
      if (centred.current !== null) centreRow(renderer, centred.current);
      controller.setZoomLimits(limits());
    };
    const ro = new ResizeObserver(resize);
    ro.observe(host);
    resize();
    const detachE2e = testHooks.ownership?.attachMap(renderer, canvas);
    return () => {
      detach();
      detachE2e?.();
      canvas.removeEventListener("dblclick", dblclick);
      canvas.removeEventListener("pointermove", trackAlt);
      canvas.removeEventListener("pointerup", trackAlt);
      window.removeEventListener("keydown", trackAlt);
      window.removeEventListener("keyup", trackAlt);
      ro.disconnect();
      // Another tab takes the screen: the map is shown as it was left when it comes back.
      if (placed.current) rememberCamera(scopedCameraKey("ownership"), renderer.camera);
      offAppearance();
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
    if (!centreRow(r, id)) return;
    centred.current = id;
    propsRef.current.onFocused?.(id);
  }, [props.focus, props.scene, props.layout, props.compare]);

  useLayoutEffect(placeOverlay, [props.anchor, props.overlay, props.scene, props.layout]);

  // Bring a requested row into view (keyboard steps, a new area, an insights finding) unless it already is.
  useEffect(() => {
    const r = rendererRef.current, req = props.reveal;
    if (!r || !req || req.seq <= revealed.current) return;
    const rect = r.worldRect(req.area), bounds = r.bounds, s = r.boxScreenRect(req.area);
    if (!rect || !bounds || !s || r.viewport.width === 0) return;
    revealed.current = req.seq;
    const inside = s.x >= 0 && s.y >= 0 && s.x + s.w <= r.viewport.width && s.y + s.h <= r.viewport.height;
    if (inside && r.camera.zoom >= 0.5) return;
    if (centreRow(r, req.area)) centred.current = req.area;
  }, [props.reveal, props.scene, props.layout]);

  // The focus ring shows which row the arrow keys are on, while the focus came from (or is used by) the keyboard.
  const [keyFocus, setKeyFocus] = useState(false);
  useEffect(() => {
    // The anchor is the selected (or renamed) area: the one the arrow keys step from.
    const r = rendererRef.current, id = keyFocus ? props.anchor : null;
    r?.setHighlights({ focusRing: id === null || id === undefined ? null : r.worldRect(id) });
  }, [keyFocus, props.anchor, props.scene, props.layout]);

  return (
    <div ref={hostRef} className="chart-host ownership-map">
      <canvas ref={canvasRef} className="chart-canvas" tabIndex={0} role="application"
        aria-label={`Ownership map: ${props.scene.areas.length.toLocaleString("en")} product areas and the teams that own them. Up and Down move between areas, Enter renames, Alt+arrows move an area.`}
        onFocus={(e) => { setKeyFocus(focusVisible(e.currentTarget)); propsRef.current.onFocus?.(); }}
        onBlur={() => setKeyFocus(false)}
        onKeyDown={() => setKeyFocus(true)}
        onPointerDown={() => setKeyFocus(false)} />
      <div ref={overlayRef} className="area-row-overlay" style={{ display: "none" }}>{props.overlay}</div>
    </div>
  );
}
