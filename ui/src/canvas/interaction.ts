// Pointer/wheel/keyboard controller for the chart: a DOM-free state machine (testable) plus a thin DOM binding.
import { panBy, screenToWorld, zoomAt, DEFAULT_ZOOM_LIMITS, type Camera, type ZoomLimits } from "./camera";
import type { DragGhost, DropTargetState } from "./highlights";
import { currentPlatform, type Platform } from "../keyboard/shortcuts";

/** Canvas-local CSS pixel coordinates. */
export interface PointerInput {
  x: number;
  y: number;
  pointerId: number;
  /** 0 primary, 1 middle (always pans), 2 secondary (ignored: context menus). */
  button: number;
  shiftKey: boolean;
  /** Alt/Option (the team map's "add instead of move"). */
  altKey?: boolean;
  /** Ctrl (Cmd on macOS): the org chart's "move only this person, not their team". */
  modKey?: boolean;
}

export interface WheelInput {
  x: number;
  y: number;
  deltaX: number;
  deltaY: number;
  /** WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages. */
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** What an accepted drop would do, for the hint beside the target: moving the team, only the person, or a dotted line. */
export interface DropHints {
  move: string;
  only: string;
  dotted: string;
}

export type DropVerdict = { ok: true; hints?: DropHints } | { ok: false; reason: string };

/** How a drop was made: Shift adds a dotted line; Ctrl/Cmd moves only the person; `at` is the pointer (canvas CSS px). */
export interface DropMods {
  shift: boolean;
  only: boolean;
  at: { x: number; y: number };
}

/** What the chart should show while a card is dragged; null when the drag ends or is cancelled. */
export interface DragFeedback {
  drag: DragGhost;
  dropTarget: DropTargetState | null;
  /** Shift held: dropping adds a dotted line instead of moving the reporting line. */
  shift: boolean;
  /** Ctrl/Cmd held: dropping moves only the person; their reports stay with the old manager. */
  only: boolean;
}

export interface InteractionHost {
  getCamera(): Camera;
  setCamera(cam: Camera): void;
  hitTest(sx: number, sy: number, skipId?: number): number | null;
  viewportHeight(): number;
}

export interface InteractionCallbacks {
  onSelect?(id: number | null, mods: { shift: boolean }): void;
  onDrop?(draggedId: number, targetId: number, mods: DropMods): void;
  /** Called once per target the pointer enters, not per move: it may walk the org to refuse cycles. */
  canDrop?(draggedId: number, targetId: number): DropVerdict;
  onDragChange?(feedback: DragFeedback | null): void;
  onCursor?(cursor: string): void;
}

export interface InteractionOptions {
  /** Movement before a press becomes a drag/pan; smaller and every slightly shaky click would move a person. */
  dragThresholdPx: number;
  zoomLimits: ZoomLimits;
  /** Zoom per wheel pixel for mouse wheels (Ctrl/Cmd+wheel). */
  wheelZoomSensitivity: number;
  /** Zoom per wheel pixel for trackpad pinches, which browsers send as small ctrlKey wheel deltas. */
  pinchZoomSensitivity: number;
}

export const DEFAULT_INTERACTION_OPTIONS: InteractionOptions = {
  dragThresholdPx: 4,
  zoomLimits: DEFAULT_ZOOM_LIMITS,
  wheelZoomSensitivity: 0.002,
  pinchZoomSensitivity: 0.01,
};

export type InteractionState =
  | { kind: "idle" }
  | { kind: "pressBackground"; pointerId: number; startX: number; startY: number; lastX: number; lastY: number; panning: boolean; primary: boolean }
  | { kind: "pressCard"; pointerId: number; id: number; startX: number; startY: number }
  | {
      kind: "dragging";
      pointerId: number;
      id: number;
      /** World point grabbed, so the ghost stays under the pointer even if the camera moves mid-drag. */
      grabX: number;
      grabY: number;
      x: number;
      y: number;
      shift: boolean;
      only: boolean;
      target: number | null;
      verdict: DropVerdict | null;
    }
  /** Escape pressed mid-drag: swallow the rest of this press so its release neither drops nor selects. */
  | { kind: "cancelled"; pointerId: number };

export class InteractionController {
  private s: InteractionState = { kind: "idle" };
  private opts: InteractionOptions;
  private lastCursor = "";
  private gestureScale = 1;

  constructor(private readonly host: InteractionHost, private readonly cb: InteractionCallbacks, opts: Partial<InteractionOptions> = {}) {
    this.opts = { ...DEFAULT_INTERACTION_OPTIONS, ...opts };
  }

  /** Per-chart zoom range (see camera.zoomLimitsFor); changes with the scene and the viewport size. */
  setZoomLimits(limits: ZoomLimits): void {
    this.opts = { ...this.opts, zoomLimits: limits };
  }

  get state(): InteractionState {
    return this.s;
  }

  pointerDown(p: PointerInput): void {
    if (this.s.kind !== "idle" || p.button === 2) return;
    const id = p.button === 0 ? this.host.hitTest(p.x, p.y) : null;
    this.s = id === null
      ? { kind: "pressBackground", pointerId: p.pointerId, startX: p.x, startY: p.y, lastX: p.x, lastY: p.y, panning: false, primary: p.button === 0 }
      : { kind: "pressCard", pointerId: p.pointerId, id, startX: p.x, startY: p.y };
  }

  pointerMove(p: PointerInput): void {
    const s = this.s;
    if (s.kind === "idle") {
      this.setCursor(this.host.hitTest(p.x, p.y) === null ? "default" : "pointer");
      return;
    }
    if (s.pointerId !== p.pointerId) return;
    if (s.kind === "pressBackground") {
      if (!s.panning && !this.beyondThreshold(s.startX, s.startY, p)) return;
      s.panning = true;
      this.host.setCamera(panBy(this.host.getCamera(), p.x - s.lastX, p.y - s.lastY));
      s.lastX = p.x;
      s.lastY = p.y;
      this.setCursor("grabbing");
    } else if (s.kind === "pressCard") {
      if (!this.beyondThreshold(s.startX, s.startY, p)) return;
      const grab = screenToWorld(this.host.getCamera(), s.startX, s.startY);
      this.s = { kind: "dragging", pointerId: s.pointerId, id: s.id, grabX: grab.x, grabY: grab.y, x: p.x, y: p.y, shift: p.shiftKey, only: !!p.modKey, target: null, verdict: null };
      this.updateDrag(p.x, p.y);
    } else if (s.kind === "dragging") {
      s.shift = p.shiftKey;
      s.only = !!p.modKey;
      this.updateDrag(p.x, p.y);
    }
  }

  pointerUp(p: PointerInput): void {
    const s = this.s;
    if (s.kind === "idle" || s.pointerId !== p.pointerId) return;
    this.s = { kind: "idle" };
    if (s.kind === "pressBackground" && !s.panning && s.primary) this.cb.onSelect?.(null, { shift: p.shiftKey });
    else if (s.kind === "pressCard") this.cb.onSelect?.(s.id, { shift: p.shiftKey });
    else if (s.kind === "dragging") {
      this.cb.onDragChange?.(null);
      // Empty canvas or a refused target: the drop does nothing; the card snaps back.
      if (s.target !== null && s.verdict?.ok) {
        this.cb.onDrop?.(s.id, s.target, { shift: p.shiftKey || s.shift, only: !!p.modKey || s.only, at: { x: p.x, y: p.y } });
      }
    }
    this.setCursor(this.host.hitTest(p.x, p.y) === null ? "default" : "pointer");
  }

  /** Pointer capture lost or the OS took the pointer: abandon whatever was in progress. */
  pointerCancel(pointerId: number): void {
    const s = this.s;
    if (s.kind === "idle" || s.pointerId !== pointerId) return;
    if (s.kind === "dragging") this.cb.onDragChange?.(null);
    this.s = { kind: "idle" };
    this.setCursor("default");
  }

  /**
   * Returns true when the key was consumed (the caller should preventDefault). `modKey` is whether Ctrl (Cmd on
   * macOS) is held after this press, so pressing or releasing it mid-drag changes the hint at once.
   */
  keyDown(key: string, shiftKey = key === "Shift", modKey?: boolean): boolean {
    const s = this.s;
    if (key === "Escape" && (s.kind === "dragging" || s.kind === "pressCard")) {
      if (s.kind === "dragging") this.cb.onDragChange?.(null);
      this.s = { kind: "cancelled", pointerId: s.pointerId };
      this.setCursor("default");
      return true;
    }
    if (key === "Shift" && s.kind === "dragging" && s.shift !== shiftKey) {
      s.shift = shiftKey;
      this.emitDrag();
    }
    if ((key === "Control" || key === "Meta") && modKey !== undefined && s.kind === "dragging" && s.only !== modKey) {
      s.only = modKey;
      this.emitDrag();
    }
    return false;
  }

  keyUp(key: string, modKey?: boolean): void {
    if (key === "Shift") this.keyDown("Shift", false);
    if (key === "Control" || key === "Meta") this.keyDown(key, false, modKey ?? false);
  }

  wheel(w: WheelInput): void {
    this.host.setCamera(wheelCamera(this.host.getCamera(), w, this.opts, this.host.viewportHeight()));
    this.afterCameraChange();
  }

  /** Safari/WKWebView pinch (GestureEvent.scale is cumulative from gesturestart). */
  gestureStart(): void {
    this.gestureScale = 1;
  }

  gestureChange(scale: number, x: number, y: number): void {
    if (!(scale > 0)) return;
    const factor = scale / this.gestureScale;
    this.gestureScale = scale;
    this.host.setCamera(zoomAt(this.host.getCamera(), x, y, factor, this.opts.zoomLimits));
    this.afterCameraChange();
  }

  private afterCameraChange(): void {
    const s = this.s;
    if (s.kind === "dragging") this.updateDrag(s.x, s.y);
  }

  private beyondThreshold(x0: number, y0: number, p: PointerInput): boolean {
    const dx = p.x - x0, dy = p.y - y0;
    return dx * dx + dy * dy > this.opts.dragThresholdPx * this.opts.dragThresholdPx;
  }

  private updateDrag(x: number, y: number): void {
    const s = this.s;
    if (s.kind !== "dragging") return;
    s.x = x;
    s.y = y;
    let target = this.host.hitTest(x, y, s.id);
    if (target === s.id) target = null;
    if (target !== s.target) {
      s.target = target;
      s.verdict = target === null ? null : (this.cb.canDrop?.(s.id, target) ?? { ok: true });
    }
    this.emitDrag();
  }

  private emitDrag(): void {
    const s = this.s;
    if (s.kind !== "dragging") return;
    const w = screenToWorld(this.host.getCamera(), s.x, s.y);
    const v = s.verdict;
    const hint = v?.ok && v.hints ? (s.shift ? v.hints.dotted : s.only ? v.hints.only : v.hints.move) : undefined;
    const dropTarget: DropTargetState | null = s.target === null || !v
      ? null
      : v.ok ? { id: s.target, ok: true, ...(hint ? { hint } : {}) } : { id: s.target, ok: false, reason: v.reason };
    this.cb.onDragChange?.({ drag: { id: s.id, dx: w.x - s.grabX, dy: w.y - s.grabY }, dropTarget, shift: s.shift, only: s.only });
    this.setCursor(v && !v.ok ? "no-drop" : "grabbing");
  }

  private setCursor(c: string): void {
    if (c === this.lastCursor) return;
    this.lastCursor = c;
    this.cb.onCursor?.(c);
  }
}

/** The camera after a wheel event: Ctrl/Cmd+wheel and pinches zoom around the pointer, plain wheels pan. */
export function wheelCamera(cam: Camera, w: WheelInput, opts: InteractionOptions, viewportHeight: number): Camera {
  const unit = w.deltaMode === 1 ? 16 : w.deltaMode === 2 ? viewportHeight : 1;
  const dx = w.deltaX * unit, dy = w.deltaY * unit;
  if (w.ctrlKey || w.metaKey) {
    const pinch = w.ctrlKey && w.deltaMode === 0 && Math.abs(dy) < 50;
    const k = pinch ? opts.pinchZoomSensitivity : opts.wheelZoomSensitivity;
    return zoomAt(cam, w.x, w.y, Math.exp(-dy * k), opts.zoomLimits);
  }
  // Mice without a horizontal wheel: Shift+wheel pans sideways, as in browsers.
  if (w.shiftKey && dx === 0) return panBy(cam, -dy, 0);
  return panBy(cam, -dx, -dy);
}

/** Safari's non-standard pinch event. */
interface GestureLikeEvent extends UIEvent {
  scale: number;
  clientX: number;
  clientY: number;
}

/** What the DOM binding drives: the chart's controller, or another diagram's gesture machine. */
export type GestureTarget = Pick<
  InteractionController,
  "pointerDown" | "pointerMove" | "pointerUp" | "pointerCancel" | "keyDown" | "keyUp" | "wheel" | "gestureStart" | "gestureChange"
>;

/** Wires DOM events on `el` (normally the canvas) to the controller. Returns a function that removes them all. */
export function attachInteraction(el: HTMLElement, c: GestureTarget, platform: Platform = currentPlatform()): () => void {
  let rect = el.getBoundingClientRect();
  const mod = (e: { ctrlKey: boolean; metaKey: boolean }) => (platform === "mac" ? e.metaKey : e.ctrlKey);
  const local = (e: PointerEvent): PointerInput => ({
    x: e.clientX - rect.left, y: e.clientY - rect.top, pointerId: e.pointerId, button: e.button, shiftKey: e.shiftKey, altKey: e.altKey, modKey: mod(e),
  });
  // Browser panning/zooming of the page would steal touch and pen drags from the canvas.
  el.style.touchAction = "none";

  // WebKitGTK can lose a right click's release when a menu opens under the pointer: it then takes the right button
  // as still down and turns every later press into a chorded move, with no pointerdown or pointerup, only mousedown
  // and mouseup. A press or release that arrives only as a mouse event is handled as the pointer event it should be.
  let sawDown = false, sawUp = false;
  const asPointer = (e: MouseEvent): PointerEvent => ({
    clientX: e.clientX, clientY: e.clientY, button: e.button, shiftKey: e.shiftKey, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, pointerId: 1,
  }) as unknown as PointerEvent;
  const down = (e: PointerEvent) => {
    sawDown = true;
    rect = el.getBoundingClientRect();
    if (e.button !== 2) {
      try { el.setPointerCapture(e.pointerId); } catch { /* a press seen only as a mouse event has no pointer to capture */ }
    }
    el.focus({ preventScroll: true });
    c.pointerDown(local(e));
  };
  const move = (e: PointerEvent) => c.pointerMove(local(e));
  const up = (e: PointerEvent) => {
    sawUp = true;
    c.pointerUp(local(e));
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
  };
  // Mouse events follow their pointer events; one without its pointer event before it stands in for it.
  const mousedown = (e: MouseEvent) => { if (!sawDown) down(asPointer(e)); sawDown = false; };
  const mouseup = (e: MouseEvent) => { if (!sawUp) up(asPointer(e)); sawUp = false; };
  const cancel = (e: PointerEvent) => c.pointerCancel(e.pointerId);
  const wheel = (e: WheelEvent) => {
    // Without preventDefault, Ctrl+wheel and pinch would zoom the whole webview instead of the chart.
    e.preventDefault();
    rect = el.getBoundingClientRect();
    c.wheel({ x: e.clientX - rect.left, y: e.clientY - rect.top, deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey });
  };
  const keydown = (e: KeyboardEvent) => { if (c.keyDown(e.key, e.shiftKey, mod(e))) e.preventDefault(); };
  const keyup = (e: KeyboardEvent) => c.keyUp(e.key, mod(e));
  const gstart = (e: Event) => { e.preventDefault(); c.gestureStart(); };
  const gchange = (e: Event) => {
    e.preventDefault();
    const g = e as GestureLikeEvent;
    rect = el.getBoundingClientRect();
    c.gestureChange(g.scale, g.clientX - rect.left, g.clientY - rect.top);
  };

  el.addEventListener("pointerdown", down);
  el.addEventListener("pointermove", move);
  el.addEventListener("pointerup", up);
  el.addEventListener("mousedown", mousedown);
  el.addEventListener("mouseup", mouseup);
  el.addEventListener("pointercancel", cancel);
  el.addEventListener("lostpointercapture", cancel);
  el.addEventListener("wheel", wheel, { passive: false });
  el.addEventListener("gesturestart", gstart);
  el.addEventListener("gesturechange", gchange);
  // Escape must cancel a drag even when focus is elsewhere (a panel), so keys are heard on the window.
  window.addEventListener("keydown", keydown);
  window.addEventListener("keyup", keyup);
  return () => {
    el.removeEventListener("pointerdown", down);
    el.removeEventListener("pointermove", move);
    el.removeEventListener("pointerup", up);
    el.removeEventListener("mousedown", mousedown);
    el.removeEventListener("mouseup", mouseup);
    el.removeEventListener("pointercancel", cancel);
    el.removeEventListener("lostpointercapture", cancel);
    el.removeEventListener("wheel", wheel);
    el.removeEventListener("gesturestart", gstart);
    el.removeEventListener("gesturechange", gchange);
    window.removeEventListener("keydown", keydown);
    window.removeEventListener("keyup", keyup);
  };
}
