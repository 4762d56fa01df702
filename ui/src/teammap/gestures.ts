// The team map's pointer gestures as a DOM-free state machine (testable; canvas/interaction's DOM binding drives
// it): drag a chip onto a team (Alt adds), drag a team into a group or onto the open canvas, drag from a team's
// edge handle to another team, rubber-band select on empty space, middle button or Space+drag to pan, wheel as
// on the org chart.
import { panBy, screenToWorld, type Camera } from "../canvas/camera";
import { DEFAULT_INTERACTION_OPTIONS, wheelCamera, type DropVerdict, type InteractionOptions, type PointerInput, type WheelInput } from "../canvas/interaction";
import type { Rect } from "../canvas/scene";
import { zoomAt } from "../canvas/camera";
import { rectFromCorners, type Pick, type TeamMapIndex } from "./mapIndex";
import type { MapHighlights } from "./renderer";
import type { InteractionMode } from "../bindings";

/**
 * Height of a unit's label band (world units, inside the 30-unit header): pressing there moves the unit, pressing
 * its open interior draws a rubber band, so people inside a team can be lassoed.
 */
export const UNIT_GRIP = 24;

export interface GestureHost {
  camera(): Camera;
  setCamera(cam: Camera): void;
  index(): TeamMapIndex | null;
  viewportHeight(): number;
}

export interface GestureCallbacks {
  feedback(h: Partial<MapHighlights>): void;
  click(pick: Pick, mods: { shift: boolean }): void;
  chipVerdict(k: number, unit: number, add: boolean): DropVerdict;
  chipDrop(k: number, unit: number, add: boolean): void;
  /** `group` -1 = the open canvas. */
  unitVerdict(i: number, group: number): DropVerdict;
  unitDrop(i: number, group: number, at: { x: number; y: number }): void;
  lasso(rect: Rect, additive: boolean): void;
  link(from: number, to: number, at: { x: number; y: number }): void;
  cursor?(c: string): void;
}

type State =
  | { kind: "idle" }
  | { kind: "press"; pointerId: number; pick: Pick; sx: number; sy: number; shift: boolean; alt: boolean }
  | { kind: "pan"; pointerId: number; lastX: number; lastY: number }
  | { kind: "chip"; pointerId: number; k: number; gx: number; gy: number; x: number; y: number; add: boolean; target: number; verdict: DropVerdict | null }
  | { kind: "unit"; pointerId: number; i: number; gx: number; gy: number; x: number; y: number; target: number; verdict: DropVerdict }
  | { kind: "lasso"; pointerId: number; wx: number; wy: number; x: number; y: number; shift: boolean }
  | { kind: "link"; pointerId: number; from: number; x: number; y: number; target: number }
  | { kind: "cancelled"; pointerId: number };

export class TeamMapGestures {
  private s: State = { kind: "idle" };
  private space = false;
  private readonly opts: InteractionOptions;
  /** The mode a new interaction is drawn in until the user picks one. */
  linkMode: InteractionMode = "collaboration";

  constructor(private readonly host: GestureHost, private readonly cb: GestureCallbacks, opts: Partial<InteractionOptions> = {}) {
    this.opts = { ...DEFAULT_INTERACTION_OPTIONS, ...opts };
  }

  get state(): State["kind"] {
    return this.s.kind;
  }

  private world(sx: number, sy: number) {
    return screenToWorld(this.host.camera(), sx, sy);
  }

  private pickAt(sx: number, sy: number): Pick {
    const idx = this.host.index();
    if (!idx) return { kind: "none" };
    const w = this.world(sx, sy);
    const p = idx.pick(w.x, w.y, this.host.camera().zoom);
    // A unit is grabbed by its label band; its open interior is empty space for a rubber band.
    if (p.kind === "unit" && w.y - (idx.scene.y[p.i] as number) > UNIT_GRIP) return { kind: "none", inside: p.i };
    return p;
  }

  pointerDown(p: PointerInput): void {
    if (this.s.kind !== "idle" || p.button === 2) return;
    if (p.button === 1 || this.space) {
      this.s = { kind: "pan", pointerId: p.pointerId, lastX: p.x, lastY: p.y };
      this.cb.cursor?.("grabbing");
      return;
    }
    this.s = { kind: "press", pointerId: p.pointerId, pick: this.pickAt(p.x, p.y), sx: p.x, sy: p.y, shift: p.shiftKey, alt: !!p.altKey };
  }

  pointerMove(p: PointerInput): void {
    const s = this.s;
    if (s.kind === "idle") {
      const pick = this.pickAt(p.x, p.y);
      this.cb.cursor?.(pick.kind === "handle" ? "crosshair" : pick.kind === "unit" ? "grab" : pick.kind === "none" ? "default" : "pointer");
      const idx = this.host.index();
      const hoverTeam = pick.kind === "unit" || pick.kind === "handle" ? pick.i
        : pick.kind === "none" ? (pick.inside ?? -1)
        : pick.kind === "chip" && idx ? (idx.unitAt.get(idx.scene.chip_unit[pick.i] as number) ?? -1) : -1;
      this.cb.feedback({ handle: hoverTeam >= 0 && idx && !idx.isGroup(hoverTeam) ? hoverTeam : -1 });
      return;
    }
    if (s.pointerId !== p.pointerId) return;
    if (s.kind === "pan") {
      this.host.setCamera(panBy(this.host.camera(), p.x - s.lastX, p.y - s.lastY));
      s.lastX = p.x;
      s.lastY = p.y;
    } else if (s.kind === "press") {
      const dx = p.x - s.sx, dy = p.y - s.sy, t = this.opts.dragThresholdPx;
      if (dx * dx + dy * dy <= t * t) return;
      const g = this.world(s.sx, s.sy);
      const pick = s.pick;
      if (pick.kind === "chip") {
        this.s = { kind: "chip", pointerId: s.pointerId, k: pick.i, gx: g.x, gy: g.y, x: p.x, y: p.y, add: s.alt || !!p.altKey, target: -2, verdict: null };
      } else if (pick.kind === "unit") {
        this.s = { kind: "unit", pointerId: s.pointerId, i: pick.i, gx: g.x, gy: g.y, x: p.x, y: p.y, target: -2, verdict: { ok: true } };
      } else if (pick.kind === "handle") {
        this.s = { kind: "link", pointerId: s.pointerId, from: pick.i, x: p.x, y: p.y, target: -1 };
      } else {
        this.s = { kind: "lasso", pointerId: s.pointerId, wx: g.x, wy: g.y, x: p.x, y: p.y, shift: s.shift };
      }
      this.update(p.x, p.y);
    } else if (s.kind !== "cancelled") {
      if (s.kind === "chip" && p.altKey !== undefined) s.add = p.altKey;
      this.update(p.x, p.y);
    }
  }

  pointerUp(p: PointerInput): void {
    const s = this.s;
    if (s.kind === "idle" || s.pointerId !== p.pointerId) return;
    this.s = { kind: "idle" };
    const idx = this.host.index();
    this.clearFeedback();
    if (s.kind === "press") this.cb.click(s.pick, { shift: s.shift });
    else if (s.kind === "chip") {
      if (s.target >= 0 && s.verdict?.ok) this.cb.chipDrop(s.k, s.target, s.add);
    } else if (s.kind === "unit" && idx) {
      if (s.verdict.ok) {
        const w = this.world(s.x, s.y);
        this.cb.unitDrop(s.i, s.target, { x: (idx.scene.x[s.i] as number) + w.x - s.gx, y: (idx.scene.y[s.i] as number) + w.y - s.gy });
      }
    } else if (s.kind === "lasso") {
      const w = this.world(s.x, s.y);
      this.cb.lasso(rectFromCorners(s.wx, s.wy, w.x, w.y), s.shift);
    } else if (s.kind === "link") {
      if (s.target >= 0 && s.target !== s.from) this.cb.link(s.from, s.target, { x: p.x, y: p.y });
    }
    this.cb.cursor?.("default");
  }

  pointerCancel(pointerId: number): void {
    if (this.s.kind === "idle" || this.s.pointerId !== pointerId) return;
    this.s = { kind: "idle" };
    this.clearFeedback();
  }

  /** Escape cancels the gesture under way; Space held pans; Alt switches a chip drag between move and add. */
  keyDown(key: string): boolean {
    const s = this.s;
    if (key === " ") this.space = true;
    if (key === "Escape" && s.kind !== "idle" && s.kind !== "cancelled") {
      this.s = { kind: "cancelled", pointerId: s.pointerId };
      this.clearFeedback();
      return true;
    }
    if (key === "Alt" && s.kind === "chip") {
      s.add = true;
      s.target = -2;
      this.update(s.x, s.y);
      return true;
    }
    return false;
  }

  keyUp(key: string): void {
    const s = this.s;
    if (key === " ") this.space = false;
    if (key === "Alt" && s.kind === "chip") {
      s.add = false;
      s.target = -2;
      this.update(s.x, s.y);
    }
  }

  /** Whether a gesture is under way (Escape belongs to it, not to clearing the selection). */
  cancel(): boolean {
    return this.keyDown("Escape");
  }

  wheel(w: WheelInput): void {
    this.host.setCamera(wheelCamera(this.host.camera(), w, this.opts, this.host.viewportHeight()));
    const s = this.s;
    if (s.kind === "chip" || s.kind === "unit" || s.kind === "lasso" || s.kind === "link") this.update(s.x, s.y);
  }

  private gesture = 1;
  gestureStart(): void {
    this.gesture = 1;
  }

  gestureChange(scale: number, x: number, y: number): void {
    if (!(scale > 0)) return;
    this.host.setCamera(zoomAt(this.host.camera(), x, y, scale / this.gesture, this.opts.zoomLimits));
    this.gesture = scale;
  }

  private clearFeedback(): void {
    this.cb.feedback({ drop: null, dragChip: null, dragUnit: null, lasso: null, link: null });
  }

  private update(x: number, y: number): void {
    const s = this.s, idx = this.host.index();
    if (!idx) return;
    const w = this.world(x, y);
    if (s.kind === "chip") {
      s.x = x; s.y = y;
      const target = idx.unitAtPoint(w.x, w.y);
      if (target !== s.target) {
        s.target = target;
        s.verdict = target < 0 ? null : this.cb.chipVerdict(s.k, target, s.add);
      }
      const v = s.verdict;
      this.cb.feedback({
        dragChip: { k: s.k, dx: w.x - s.gx, dy: w.y - s.gy, add: s.add },
        drop: target < 0 || !v ? null : v.ok ? { i: target, ok: true } : { i: target, ok: false, reason: v.reason },
      });
      this.cb.cursor?.(v && !v.ok ? "no-drop" : s.add ? "copy" : "grabbing");
    } else if (s.kind === "unit") {
      s.x = x; s.y = y;
      const target = idx.groupAtPoint(w.x, w.y, s.i);
      if (target !== s.target) {
        s.target = target;
        s.verdict = this.cb.unitVerdict(s.i, target);
      }
      const v = s.verdict;
      this.cb.feedback({
        dragUnit: { i: s.i, dx: w.x - s.gx, dy: w.y - s.gy },
        drop: v.ok ? { i: target, ok: true } : { i: target, ok: false, reason: v.reason },
      });
      this.cb.cursor?.(v.ok ? "grabbing" : "no-drop");
    } else if (s.kind === "lasso") {
      s.x = x; s.y = y;
      this.cb.feedback({ lasso: rectFromCorners(s.wx, s.wy, w.x, w.y) });
    } else if (s.kind === "link") {
      s.x = x; s.y = y;
      const t = idx.unitAtPoint(w.x, w.y);
      s.target = t >= 0 && !idx.isGroup(t) && t !== s.from ? t : -1;
      this.cb.feedback({ link: { from: s.from, x: w.x, y: w.y, mode: this.linkMode }, drop: s.target >= 0 ? { i: s.target, ok: true } : null });
    }
  }
}
