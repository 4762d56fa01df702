// React shell around the framework-free canvas modules: owns the canvas element and forwards props; all logic lives in ../canvas.
import { useEffect, useRef, useState, type FocusEvent, type MouseEvent, type MutableRefObject } from "react";
import { focusVisible } from "../a11y/focusVisible";
import { centerOn, clampCamera, zoomLimitsFor, type Camera, type Viewport, type ZoomLimits } from "../canvas/camera";
import type { DropMods, DropVerdict } from "../canvas/interaction";
import { recallCamera, rememberCamera } from "../app/viewCameras";
import { attachInteraction, InteractionController } from "../canvas/interaction";
import { leftTooltip, onBadge } from "../canvas/badges";
import type { CompareOverlay } from "../canvas/highlights";
import { ChartRenderer } from "../canvas/renderer";
import { appearance } from "../appearance/window";
import type { CardContentProvider, ChartScene, Rect } from "../canvas/scene";
import { MinimapView } from "./MinimapView";
import { testHooks } from "../app/testHooks";
import { composeFirstView, type FirstView, type ManagerOf } from "../canvas/firstView";
import { minimapReserve, minimapSize } from "../canvas/minimap";

export interface ChartViewProps {
  scene: ChartScene;
  content: CardContentProvider;
  selected?: ReadonlySet<number>;
  searchHits?: ReadonlySet<number>;
  searchChain?: ReadonlySet<number>;
  /** Health findings per person, shown as count badges on the cards. */
  badges?: ReadonlyMap<number, number>;
  /** What a card's badge says on hover (its findings by name). */
  badgeTip?: (id: number) => string;
  /** Compare mode: cards outlined per kind of change, and a "−N left" badge on the old manager of people who left. */
  marks?: CompareOverlay;
  onSelect?: (id: number | null, mods: { shift: boolean }) => void;
  /** shift = add a dotted line rather than move the reporting line; only = move the person without their team. */
  onDrop?: (draggedId: number, targetId: number, mods: DropMods) => void;
  /** Double click: the card under the pointer, or null for empty canvas. */
  onDoubleClick?: (id: number | null) => void;
  /**
   * The camera is remembered under this key while the chart is unmounted (another tab on screen) and given back
   * when it is mounted again; without a key, or after forgetCamera, the chart starts at its first view.
   */
  cameraKey?: string;
  canDrop?: (draggedId: number, targetId: number) => DropVerdict;
  onCameraChange?: (cam: Camera) => void;
  showMinimap?: boolean;
  /** Who each card reports to, so the first view can count levels from the top of the org. */
  managerOf?: ManagerOf;
  /** Right click: the card under the pointer (null for empty canvas) and where to open a menu, in client px. */
  onContextMenu?: (id: number | null, at: { x: number; y: number }) => void;
  /** The chart area changed size (a side panel opened, the window was resized), after the camera kept its centre. */
  onViewportChange?: () => void;
  /** Filled with a handle for keyboard and search camera moves while the chart is mounted. */
  handleRef?: MutableRefObject<ChartHandle | null>;
  /** What the canvas is called for assistive technology (what it shows and how its keys work). */
  label?: string;
  /** The canvas took the keyboard focus (Tab reached it): the app says what is focused in its live region. */
  onFocus?: () => void;
}

/** What the app may do to the chart from outside (keys, search): read the view and move the camera. */
export interface ChartHandle {
  camera(): Camera;
  viewport(): Viewport;
  /** The scene the chart is drawing (may lag the props by one effect). */
  scene(): ChartScene;
  zoomLimits(): ZoomLimits;
  /** Clamped, drawn and reported like a pointer move. */
  setCamera(cam: Camera): void;
  /** World rectangle of a person's card, null when the person has no card. */
  cardRect(id: number): Rect | null;
  /** The composed first view of the chart as it is now (Fit, Reset view): see canvas/firstView. */
  firstView(): FirstView;
  /** Abandons a drag in progress (Escape); false when there was none. */
  cancelGesture(): boolean;
  focus(): void;
}

const EMPTY = new Set<number>();
const sameCamera = (a: Camera, b: Camera) => Math.abs(a.zoom - b.zoom) < 1e-9 && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;

/**
 * The first view: the top of the org with as many levels as can be read, the root and their direct reports on
 * screen, clear of the minimap's corner (canvas/firstView).
 */
export function initialView(scene: ChartScene, vp: Viewport, opts: { managerOf?: ManagerOf; minimap?: boolean } = {}): FirstView {
  const reserve = opts.minimap === false ? null : minimapReserve(minimapSize(vp));
  return composeFirstView(scene, vp, { managerOf: opts.managerOf, reserve });
}

export function ChartView(props: ChartViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<ChartRenderer | null>(null);
  const controllerRef = useRef<InteractionController | null>(null);
  const applyCameraRef = useRef<(cam: Camera) => void>(() => {});
  // Callbacks are read through a ref so new closures from the parent never re-attach listeners mid-drag.
  const propsRef = useRef(props);
  propsRef.current = props;
  const cameraListeners = useRef(new Set<() => void>());
  const hadScene = useRef(false);
  /** The first view as composed for the chart (not one recalled or moved since): a resize composes it again. */
  const autoCamera = useRef<Camera | null>(null);
  /** Measures the canvas's box now (the mount effect's `resize`), for a first view composed before the observer fires. */
  const measure = useRef<(() => void) | null>(null);
  const [minimapBox, setMinimapBox] = useState<Viewport | null>(null);

  useEffect(() => {
    const ref = props.handleRef;
    if (!ref) return;
    const handle: ChartHandle = {
      camera: () => rendererRef.current?.camera ?? { x: 0, y: 0, zoom: 1 },
      viewport: () => rendererRef.current?.viewport ?? { width: 0, height: 0 },
      scene: () => rendererRef.current?.currentScene ?? propsRef.current.scene,
      zoomLimits: () => {
        const r = rendererRef.current;
        return r ? zoomLimitsFor(r.currentScene.bounds, r.viewport) : { min: 0.002, max: 4 };
      },
      setCamera: (cam) => applyCameraRef.current(cam),
      cardRect: (id) => rendererRef.current?.cardWorldRect(id) ?? null,
      firstView: () => {
        const r = rendererRef.current, p = propsRef.current;
        return initialView(r?.currentScene ?? p.scene, r?.viewport ?? { width: 0, height: 0 }, { managerOf: p.managerOf, minimap: p.showMinimap !== false });
      },
      cancelGesture: () => controllerRef.current?.keyDown("Escape") ?? false,
      focus: () => canvasRef.current?.focus({ preventScroll: true }),
    };
    ref.current = handle;
    return () => {
      if (ref.current === handle) ref.current = null;
    };
  }, [props.handleRef]);

  useEffect(() => {
    const canvas = canvasRef.current, host = hostRef.current;
    if (!canvas || !host) return;
    const renderer = new ChartRenderer(canvas, {
      onFrame: (stats) => {
        cameraListeners.current.forEach((f) => f());
        testHooks.chart?.frame(stats); // set only in a build made for tests (app/testHooks.ts)
      },
    });
    const detachE2e = testHooks.chart?.attach(renderer, canvas);
    const offAppearance = appearance.subscribe(() => renderer.setTheme(appearance.theme()));
    rendererRef.current = renderer;
    // Every camera change (pointer, wheel, minimap) goes through here: clamped, drawn, reported.
    const applyCamera = (cam: Camera) => {
      const bounds = renderer.currentScene.bounds;
      const next = clampCamera(cam, bounds, renderer.viewport, 64, zoomLimitsFor(bounds, renderer.viewport));
      renderer.setCamera(next);
      const key = propsRef.current.cameraKey;
      if (key) rememberCamera(key, next);
      propsRef.current.onCameraChange?.(next);
    };
    applyCameraRef.current = applyCamera;
    const controller = new InteractionController(
      {
        getCamera: () => renderer.camera,
        setCamera: applyCamera,
        hitTest: (x, y, skip) => renderer.hitTest(x, y, skip),
        viewportHeight: () => renderer.viewport.height,
      },
      {
        onSelect: (id, m) => propsRef.current.onSelect?.(id, m),
        onDrop: (d, t, m) => propsRef.current.onDrop?.(d, t, m),
        canDrop: (d, t) => propsRef.current.canDrop?.(d, t) ?? { ok: true },
        onDragChange: (f) => renderer.setHighlights({ drag: f?.drag ?? null, dropTarget: f?.dropTarget ?? null }),
        onCursor: (c) => { canvas.style.cursor = c; },
      },
    );
    controllerRef.current = controller;
    const detach = attachInteraction(canvas, controller);
    // Compare mode names who left a manager's line while the pointer rests on that card: the canvas's one tooltip.
    const onHover = (e: PointerEvent) => {
      // The card under the pointer shows its distant dotted lines whole (canvas/dottedStubs.ts).
      if (renderer.currentScene.stubs?.length) {
        const r = canvas.getBoundingClientRect();
        const over = renderer.hitTest(e.clientX - r.left, e.clientY - r.top);
        if ((renderer.highlights.hovered ?? null) !== over) renderer.setHighlights({ hovered: over });
      }
      const left = renderer.highlights.leftBadges;
      let tip = "";
      if (left?.size) {
        const r = canvas.getBoundingClientRect();
        const id = renderer.hitTest(e.clientX - r.left, e.clientY - r.top);
        const names = id === null ? undefined : left.get(id);
        if (names) tip = leftTooltip(names);
      }
      const badgeTip = propsRef.current.badgeTip;
      if (!tip && badgeTip && propsRef.current.badges?.size) {
        const r = canvas.getBoundingClientRect(), x = e.clientX - r.left, y = e.clientY - r.top;
        const id = renderer.hitTest(x, y);
        const card = id === null || !propsRef.current.badges.has(id) ? null : renderer.cardScreenRect(id);
        if (id !== null && card && onBadge(card, x, y)) tip = badgeTip(id);
      }
      if (canvas.title !== tip) canvas.title = tip;
    };
    canvas.addEventListener("pointermove", onHover);

    const resize = () => {
      const r = host.getBoundingClientRect();
      const before = renderer.viewport, cam = renderer.camera;
      renderer.setViewportSize(r.width, r.height, window.devicePixelRatio || 1);
      const box = minimapSize({ width: r.width, height: r.height });
      setMinimapBox((old) => (old?.width === box?.width && old?.height === box?.height ? old : box));
      controller.setZoomLimits(zoomLimitsFor(renderer.currentScene.bounds, renderer.viewport));
      if (hadScene.current && before.width > 0 && before.height > 0 && (before.width !== r.width || before.height !== r.height)) {
        const auto = autoCamera.current;
        if (auto && sameCamera(auto, cam)) {
          // Nobody has moved the first view yet: compose it again for the new size, so a panel that opens (or a
          // window resized) after the first frame never leaves the root or a direct report off screen. A chart
          // hidden behind another view (no size) keeps its camera for when it comes back.
          const p = propsRef.current;
          if (r.width <= 0 || r.height <= 0) return;
          const next = initialView(renderer.currentScene, renderer.viewport, { managerOf: p.managerOf, minimap: p.showMinimap !== false }).camera;
          applyCamera(next);
          autoCamera.current = { ...renderer.camera };
        } else {
          // A side panel opening (or the window resizing) keeps what was in the middle of the view in the middle.
          applyCamera(centerOn(cam, cam.x + before.width / 2 / cam.zoom, cam.y + before.height / 2 / cam.zoom, renderer.viewport));
        }
        propsRef.current.onViewportChange?.();
      }
    };
    measure.current = resize;
    const ro = new ResizeObserver(resize);
    ro.observe(host);
    // Moving the window to a screen with another pixel ratio does not always resize it.
    let mq: MediaQueryList | null = null;
    const watchDpr = () => {
      mq?.removeEventListener("change", onDpr);
      mq = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      mq.addEventListener("change", onDpr);
    };
    const onDpr = () => { resize(); watchDpr(); };
    watchDpr();
    resize();
    return () => {
      detach();
      detachE2e?.();
      offAppearance();
      canvas.removeEventListener("pointermove", onHover);
      ro.disconnect();
      mq?.removeEventListener("change", onDpr);
      renderer.dispose();
      rendererRef.current = null;
      // A remount (StrictMode, HMR) gets a fresh renderer, which needs its first camera again.
      hadScene.current = false;
      measure.current = null;
      autoCamera.current = null;
    };
  }, []);

  const lastScene = useRef<ChartScene | null>(null);
  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    // Content-only changes (rename, colours) skip rebuilding the spatial indices.
    if (lastScene.current === props.scene && r.currentScene === props.scene) {
      r.setContent(props.content);
      return;
    }
    lastScene.current = props.scene;
    r.setScene(props.scene, props.content);
    controllerRef.current?.setZoomLimits(zoomLimitsFor(props.scene.bounds, r.viewport));
    // Keep the user's view across relayouts (a drop); only the first scene picks a camera.
    if (!hadScene.current && props.scene.ids.length > 0) {
      // The panels beside the chart can arrive in the same render as its first scene (the insights panel does):
      // compose for the box the canvas has now, not the one the resize observer has yet to report.
      measure.current?.();
      hadScene.current = true;
      const kept = props.cameraKey ? recallCamera(props.cameraKey) : undefined;
      const composed = kept ? undefined : initialView(props.scene, r.viewport, { managerOf: props.managerOf, minimap: props.showMinimap !== false }).camera;
      r.setCamera(kept ?? composed!);
      autoCamera.current = composed ? { ...r.camera } : null;
      if (props.cameraKey && !kept) rememberCamera(props.cameraKey, r.camera);
    }
  }, [props.scene, props.content]);

  useEffect(() => {
    rendererRef.current?.setHighlights({
      selected: props.selected ?? EMPTY,
      searchHits: props.searchHits ?? EMPTY,
      searchChain: props.searchChain ?? EMPTY,
    });
  }, [props.selected, props.searchHits, props.searchChain]);

  useEffect(() => rendererRef.current?.setHighlights({ badges: props.badges }), [props.badges]);
  useEffect(() => rendererRef.current?.setHighlights({ marks: props.marks?.sets, leftBadges: props.marks?.left }), [props.marks]);

  // The focus ring shows which card the keys are on, while the focus came from (or is used by) the keyboard.
  const [keyFocus, setKeyFocus] = useState(false);
  useEffect(() => {
    const r = rendererRef.current, id = keyFocus ? props.selected?.values().next().value : undefined;
    r?.setHighlights({ focusRing: id === undefined ? null : r.cardWorldRect(id) });
  }, [keyFocus, props.selected, props.scene]);
  const focusEvents = {
    onFocus: (e: FocusEvent<HTMLCanvasElement>) => {
      setKeyFocus(focusVisible(e.currentTarget));
      propsRef.current.onFocus?.();
    },
    onBlur: () => setKeyFocus(false),
    onKeyDown: () => setKeyFocus(true),
    onPointerDown: () => setKeyFocus(false),
  };

  const onContextMenu = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = rendererRef.current, f = propsRef.current.onContextMenu;
    if (!r || !f) return;
    e.preventDefault();
    const rect = e.currentTarget.getBoundingClientRect();
    f(r.hitTest(e.clientX - rect.left, e.clientY - rect.top), { x: e.clientX, y: e.clientY });
  };

  const onDoubleClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = rendererRef.current, f = propsRef.current.onDoubleClick;
    if (!r || !f) return;
    const rect = e.currentTarget.getBoundingClientRect();
    f(r.hitTest(e.clientX - rect.left, e.clientY - rect.top));
  };

  return (
    <div ref={hostRef} className="chart-host">
      <canvas ref={canvasRef} className="chart-canvas" tabIndex={0} role="application" aria-label={props.label ?? "Org chart"} onContextMenu={onContextMenu} onDoubleClick={onDoubleClick} {...focusEvents} />
      {props.showMinimap !== false && minimapBox && (
        <MinimapView key={`${minimapBox.width}x${minimapBox.height}`} size={minimapBox} rendererRef={rendererRef} listeners={cameraListeners} applyCamera={applyCameraRef} />
      )}
    </div>
  );
}
