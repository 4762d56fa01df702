// React shell around the team map's canvas modules: owns the canvas, the renderer and the gesture machine, and
// forwards what the gestures mean to the view. All logic is in the plain modules beside it.
import { useEffect, useRef, useState, type MutableRefObject } from "react";
import { focusVisible } from "../a11y/focusVisible";
import { focusRect as mapFocusRect, type MapFocus } from "./mapNav";
import { appearance } from "../appearance/window";
import { focusOn, panIntoView } from "../actions/cameraMoves";
import { keptUnlessHidden, recallCamera, rememberCamera, scopedCameraKey } from "../app/viewCameras";
import { centerOn, clampCamera, fitBounds, screenToWorld, zoomLimitsFor, type Camera } from "../canvas/camera";
import { attachInteraction, type DropVerdict } from "../canvas/interaction";
import type { Rect } from "../canvas/scene";
import { testHooks } from "../app/testHooks";
import { useBadges } from "../insights/InsightsPanel";
import { useBadgeTips } from "../insights/badgeTips";
import { badgeAt } from "./badgeHit";
import { TeamMapGestures } from "./gestures";
import type { Pick, TeamMapIndex } from "./mapIndex";
import { TeamMapRenderer, type MapHighlights } from "./renderer";
import type { TeamMapScene } from "./sceneTypes";

export interface TeamMapCanvasProps {
  scene: TeamMapScene;
  selectedPersons: ReadonlySet<number>;
  selectedUnits: ReadonlySet<number>;
  selectedInteraction: number | null;
  onClick(pick: Pick, mods: { shift: boolean }, idx: TeamMapIndex): void;
  chipVerdict(k: number, unit: number, add: boolean, idx: TeamMapIndex): DropVerdict;
  onChipDrop(k: number, unit: number, add: boolean, idx: TeamMapIndex): void;
  unitVerdict(i: number, group: number, idx: TeamMapIndex): DropVerdict;
  onUnitDrop(i: number, group: number, at: { x: number; y: number }, idx: TeamMapIndex): void;
  onLasso(rect: Rect, additive: boolean, idx: TeamMapIndex): void;
  /** `at`: where the pointer was released, in client px (for the mode chooser). */
  onLink(from: number, to: number, at: { x: number; y: number }, idx: TeamMapIndex): void;
  handleRef?: MutableRefObject<TeamMapHandle | null>;
  /** The unit or chip the arrow keys are on (./mapNav), ringed while the canvas has the keyboard focus. */
  focus?: MapFocus | null;
  /** What the canvas is called for assistive technology. */
  label?: string;
  /** The canvas took the focus, or gave it up. */
  onFocusChange?(focused: boolean): void;
  /** Colour by: each coloured person's colour (none: the chips' own). */
  personColours?: ReadonlyMap<number, string>;
  /** The people the sheet's filter matches, marked on their chips. */
  hits?: ReadonlySet<number>;
}

export interface TeamMapHandle {
  fit(): void;
  zoomBy(factor: number): void;
  cancelGesture(): boolean;
  focus(): void;
  /** The scene's index as drawn now (null before the first scene). */
  index(): TeamMapIndex | null;
  /** The world point under a client (window) point, or null when it is off the canvas. */
  worldAt(clientX: number, clientY: number): { x: number; y: number } | null;
  /** Shows where something dragged from outside the canvas would land (the Unassigned tray); null clears it. */
  showDrop(drop: MapHighlights["drop"]): void;
  /** Centres a world rectangle at reading zoom (a finding's subject). */
  reveal(rect: Rect): void;
  /** The world point in the middle of the view (where the keyboard puts a new team). */
  centre(): { x: number; y: number } | null;
  /** The least pan that shows a world rectangle whole (the keyboard's focus moving off screen). */
  show(rect: Rect): void;
  /** The canvas has the keyboard focus. */
  focused(): boolean;
}

export function TeamMapCanvas(props: TeamMapCanvasProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<TeamMapRenderer | null>(null);
  const gesturesRef = useRef<TeamMapGestures | null>(null);
  const applyRef = useRef<(cam: Camera) => void>(() => {});
  const propsRef = useRef(props);
  propsRef.current = props;
  const fitted = useRef(false);

  useEffect(() => {
    const canvas = canvasRef.current, host = hostRef.current;
    if (!canvas || !host) return;
    const renderer = new TeamMapRenderer(canvas, { onFrame: (s) => testHooks.teamMap?.frame(s) });
    rendererRef.current = renderer;
    const offAppearance = appearance.subscribe(() => renderer.setTheme(appearance.theme()));
    const bounds = () => renderer.index?.scene.bounds ?? { x: 0, y: 0, w: 0, h: 0 };
    const apply = (cam: Camera) => renderer.setCamera(clampCamera(cam, bounds(), renderer.viewport, 64, zoomLimitsFor(bounds(), renderer.viewport)));
    applyRef.current = apply;
    const withIdx = <T,>(f: (idx: TeamMapIndex) => T, otherwise: T): T => (renderer.index ? f(renderer.index) : otherwise);
    const gestures = new TeamMapGestures(
      { camera: () => renderer.camera, setCamera: apply, index: () => renderer.index, viewportHeight: () => renderer.viewport.height },
      {
        feedback: (h: Partial<MapHighlights>) => renderer.setHighlights(h),
        click: (pick, mods) => withIdx((idx) => propsRef.current.onClick(pick, mods, idx), undefined),
        chipVerdict: (k, u, add) => withIdx((idx) => propsRef.current.chipVerdict(k, u, add, idx), { ok: false, reason: "" }),
        chipDrop: (k, u, add) => withIdx((idx) => propsRef.current.onChipDrop(k, u, add, idx), undefined),
        unitVerdict: (i, g) => withIdx((idx) => propsRef.current.unitVerdict(i, g, idx), { ok: false, reason: "" }),
        unitDrop: (i, g, at) => withIdx((idx) => propsRef.current.onUnitDrop(i, g, at, idx), undefined),
        lasso: (r, add) => withIdx((idx) => propsRef.current.onLasso(r, add, idx), undefined),
        link: (from, to, at) => {
          const box = canvas.getBoundingClientRect();
          withIdx((idx) => propsRef.current.onLink(from, to, { x: box.left + at.x, y: box.top + at.y }, idx), undefined);
        },
        cursor: (c) => { canvas.style.cursor = c; },
      },
    );
    gesturesRef.current = gestures;
    const detach = attachInteraction(canvas, gestures);
    const detachE2e = testHooks.teamMap?.attach(renderer, canvas);
    const resize = () => {
      const r = host.getBoundingClientRect();
      renderer.setViewportSize(r.width, r.height, window.devicePixelRatio || 1);
    };
    const ro = new ResizeObserver(resize);
    ro.observe(host);
    resize();
    return () => {
      // Another tab takes the screen: the map is shown as it was left when it comes back.
      if (fitted.current) rememberCamera(scopedCameraKey("team-map"), renderer.camera);
      detach();
      detachE2e?.();
      offAppearance();
      ro.disconnect();
      renderer.dispose();
      rendererRef.current = null;
      gesturesRef.current = null;
    };
  }, []);

  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    r.setScene(props.scene);
    // tests/e2e/perf.test.js: the scene's React render and index are done; the first frame comes next.
    performance.mark("team-map:indexed");
    // The first scene is shown whole; later ones (after an edit) keep the camera where the user left it.
    // An empty map (a new document) has nothing to frame: the first team made is framed when it comes.
    if (!fitted.current && r.viewport.width > 0) {
      fitted.current = props.scene.units.length > 0;
      const focus = focusRect(props.scene, props.selectedPersons, props.selectedUnits);
      r.setCamera(keptUnlessHidden(recallCamera(scopedCameraKey("team-map")), r.viewport, focus, () => startCamera(props.scene, r.viewport, focus)));
    }
  }, [props.scene]);

  useEffect(() => {
    rendererRef.current?.setHighlights({
      persons: props.selectedPersons,
      units: props.selectedUnits,
      interaction: props.selectedInteraction,
    });
  }, [props.selectedPersons, props.selectedUnits, props.selectedInteraction]);
  useEffect(() => rendererRef.current?.setHighlights({ personColours: props.personColours }), [props.personColours]);
  useEffect(() => rendererRef.current?.setHighlights({ hits: props.hits }), [props.hits]);

  // Health findings of the open scenario as count badges on units and person chips, updated with each operation.
  const unitBadges = useBadges("unit");
  const personBadges = useBadges("person");
  useEffect(() => rendererRef.current?.setHighlights({ unitBadges, personBadges }), [unitBadges, personBadges]);
  // A badge explains itself on hover: the canvas's tooltip names the findings under the pointer.
  const unitTip = useBadgeTips("unit");
  const personTip = useBadgeTips("person");
  const tipRef = useRef({ unitBadges, personBadges, unitTip, personTip });
  tipRef.current = { unitBadges, personBadges, unitTip, personTip };
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const hover = (e: PointerEvent) => {
      const r = rendererRef.current, t = tipRef.current;
      if (!r?.index || (t.unitBadges.size === 0 && t.personBadges.size === 0)) return;
      const b = canvas.getBoundingClientRect();
      const w = screenToWorld(r.camera, e.clientX - b.left, e.clientY - b.top);
      const hit = badgeAt(r.index, r.camera.zoom, w.x, w.y, t.unitBadges, t.personBadges);
      const tip = hit === null ? "" : hit.kind === "unit" ? t.unitTip(hit.id) : t.personTip(hit.id);
      if (canvas.title !== tip) canvas.title = tip;
    };
    canvas.addEventListener("pointermove", hover);
    return () => canvas.removeEventListener("pointermove", hover);
  }, []);

  useEffect(() => {
    const ref = props.handleRef;
    if (!ref) return;
    const handle: TeamMapHandle = {
      fit: () => {
        const r = rendererRef.current;
        if (r?.index) r.setCamera(fitBounds(r.index.scene.bounds, r.viewport, 24, zoomLimitsFor(r.index.scene.bounds, r.viewport)));
      },
      zoomBy: (f) => {
        const r = rendererRef.current;
        if (!r) return;
        const c = r.camera, vp = r.viewport;
        const zoom = c.zoom * f;
        applyRef.current({ x: c.x + vp.width / 2 / c.zoom - vp.width / 2 / zoom, y: c.y + vp.height / 2 / c.zoom - vp.height / 2 / zoom, zoom });
      },
      cancelGesture: () => gesturesRef.current?.cancel() ?? false,
      focus: () => canvasRef.current?.focus({ preventScroll: true }),
      index: () => rendererRef.current?.index ?? null,
      worldAt: (cx, cy) => {
        const r = rendererRef.current, c = canvasRef.current;
        if (!r || !c) return null;
        const b = c.getBoundingClientRect();
        if (cx < b.left || cy < b.top || cx > b.right || cy > b.bottom) return null;
        return screenToWorld(r.camera, cx - b.left, cy - b.top);
      },
      showDrop: (drop) => rendererRef.current?.setHighlights({ drop }),
      centre: () => {
        const r = rendererRef.current;
        return r ? screenToWorld(r.camera, r.viewport.width / 2, r.viewport.height / 2) : null;
      },
      reveal: (rect) => {
        const r = rendererRef.current;
        if (r) applyRef.current(focusOn(r.camera, rect, r.viewport, 0.8));
      },
      show: (rect) => {
        const r = rendererRef.current;
        if (r) applyRef.current(panIntoView(r.camera, rect, r.viewport));
      },
      focused: () => !!canvasRef.current && document.activeElement === canvasRef.current,
    };
    ref.current = handle;
    return () => {
      if (ref.current === handle) ref.current = null;
    };
  }, [props.handleRef]);

  // The focus ring shows where the arrow keys are, while the focus came from (or is used by) the keyboard.
  const [keyFocus, setKeyFocus] = useState(false);
  useEffect(() => {
    const r = rendererRef.current, idx = r?.index, f = props.focus;
    const ok = f && idx && (f.kind === "unit" ? f.i < idx.scene.units.length : f.k < idx.scene.chip_person.length);
    r?.setHighlights({ focusRing: keyFocus && ok && idx && f ? mapFocusRect(idx, f) : null });
  }, [keyFocus, props.focus, props.scene]);

  return (
    <div ref={hostRef} className="teammap-canvas">
      <canvas ref={canvasRef} tabIndex={0} role="application" aria-label={props.label ?? "Team map"} data-testid="team-map-canvas"
        onFocus={(e) => { setKeyFocus(focusVisible(e.currentTarget)); propsRef.current.onFocusChange?.(true); }}
        onBlur={() => { setKeyFocus(false); propsRef.current.onFocusChange?.(false); }}
        onKeyDown={() => setKeyFocus(true)}
        onPointerDown={() => setKeyFocus(false)} />
    </div>
  );
}

/**
 * What the map opens on: the selection made in another view (the first chip of a selected person, or a selected
 * unit), centred at reading zoom; else the whole map when its names stay readable, else its top-left corner.
 */
export function startCamera(scene: TeamMapScene, vp: { width: number; height: number }, focus: Rect | null = null): Camera {
  if (focus) return focusOn({ x: 0, y: 0, zoom: 0.8 }, focus, vp, 0.8);
  const fit = fitBounds(scene.bounds, vp);
  // A map of one or two teams is shown at its natural size, not blown up, leaving room to add more beside them.
  if (fit.zoom > 1) return centerOn({ ...fit, zoom: 1 }, scene.bounds.x + scene.bounds.w / 2, scene.bounds.y + scene.bounds.h / 2, vp);
  // A map opened on its collapsed groups (teamMapFeed.ts) is an overview, folded to fit: shown whole.
  if (fit.zoom >= 0.6 || scene.units.length === 0 || scene.unit_content.some((c) => c.collapsed)) return fit;
  return { x: scene.bounds.x - 16, y: scene.bounds.y - 16, zoom: 0.8 };
}

function focusRect(scene: TeamMapScene, persons: ReadonlySet<number>, units: ReadonlySet<number>): Rect | null {
  const k = persons.size > 0 ? scene.chip_person.findIndex((p) => persons.has(p)) : -1;
  if (k >= 0) return { x: scene.chip_x[k] as number, y: scene.chip_y[k] as number, w: scene.chip_w[k] as number, h: scene.chip_h[k] as number };
  const i = units.size > 0 ? scene.units.findIndex((u) => units.has(u)) : -1;
  if (i >= 0) return { x: scene.x[i] as number, y: scene.y[i] as number, w: Math.min(scene.w[i] as number, 600), h: Math.min(scene.h[i] as number, 400) };
  return null;
}
