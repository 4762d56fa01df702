import { beforeEach, describe, expect, it, vi } from "vitest";
import { screenToWorld, type Camera } from "./camera";
import { InteractionController, type DragFeedback, type DropVerdict, type InteractionCallbacks, type PointerInput } from "./interaction";

/** Cards 1..3 at fixed screen rects (camera at origin, zoom 1, so screen = world). */
const CARDS: Record<number, [number, number, number, number]> = { 1: [0, 0, 100, 50], 2: [200, 0, 100, 50], 3: [400, 0, 100, 50] };

function setup(canDrop?: (d: number, t: number) => DropVerdict) {
  let cam: Camera = { x: 0, y: 0, zoom: 1 };
  const hitTest = (sx: number, sy: number, skip?: number) => {
    const w = screenToWorld(cam, sx, sy);
    for (const [id, [x, y, ww, hh]] of Object.entries(CARDS)) {
      if (Number(id) !== skip && w.x >= x && w.x <= x + ww && w.y >= y && w.y <= y + hh) return Number(id);
    }
    return null;
  };
  const feedback: (DragFeedback | null)[] = [];
  const cb = {
    onSelect: vi.fn(),
    onDrop: vi.fn(),
    canDrop: vi.fn(canDrop ?? (() => ({ ok: true as const }))),
    onDragChange: vi.fn((f: DragFeedback | null) => { feedback.push(f); }),
    onCursor: vi.fn(),
  } satisfies InteractionCallbacks;
  const c = new InteractionController(
    { getCamera: () => cam, setCamera: (v) => { cam = v; }, hitTest, viewportHeight: () => 600 },
    cb,
    { dragThresholdPx: 4 },
  );
  return { c, cb, feedback, cam: () => cam };
}

const p = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({ x, y, pointerId: 1, button: 0, shiftKey: false, ...extra });

describe("InteractionController", () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => { t = setup(); });

  it("a click on a card selects it", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerUp(p(11, 11));
    expect(t.cb.onSelect).toHaveBeenCalledWith(1, { shift: false });
    expect(t.cb.onDrop).not.toHaveBeenCalled();
  });

  it("a click on the background clears the selection", () => {
    t.c.pointerDown(p(150, 300));
    t.c.pointerUp(p(150, 300));
    expect(t.cb.onSelect).toHaveBeenCalledWith(null, { shift: false });
  });

  it("movement within the threshold stays a click, not a drag", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(13, 12)); // 3.6 px
    expect(t.c.state.kind).toBe("pressCard");
    t.c.pointerUp(p(13, 12));
    expect(t.cb.onSelect).toHaveBeenCalledWith(1, { shift: false });
    expect(t.cb.onDragChange).not.toHaveBeenCalled();
  });

  it("movement past the threshold starts a drag with a ghost that follows the pointer", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(16, 10));
    expect(t.c.state.kind).toBe("dragging");
    t.c.pointerMove(p(110, 80));
    const last = t.feedback.at(-1);
    expect(last?.drag).toEqual({ id: 1, dx: 100, dy: 70 });
    expect(last?.dropTarget).toBeNull();
  });

  it("dropping on another card emits onDrop(dragged, target) and does not select", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(120, 20));
    t.c.pointerMove(p(250, 20));
    expect(t.feedback.at(-1)?.dropTarget).toEqual({ id: 2, ok: true });
    t.c.pointerUp(p(250, 20));
    expect(t.cb.onDrop).toHaveBeenCalledWith(1, 2, expect.objectContaining({ shift: false, only: false }));
    expect(t.cb.onSelect).not.toHaveBeenCalled();
    expect(t.feedback.at(-1)).toBeNull();
    expect(t.c.state.kind).toBe("idle");
  });

  it("shift at release (or held during the drag) asks for a dotted line", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(250, 20));
    t.c.pointerUp(p(250, 20, { shiftKey: true }));
    expect(t.cb.onDrop).toHaveBeenCalledWith(1, 2, expect.objectContaining({ shift: true, only: false }));

    const u = setup();
    u.c.pointerDown(p(10, 10));
    u.c.pointerMove(p(250, 20));
    u.c.keyDown("Shift", true);
    expect(u.feedback.at(-1)?.shift).toBe(true);
    u.c.pointerUp(p(250, 20));
    expect(u.cb.onDrop).toHaveBeenCalledWith(1, 2, expect.objectContaining({ shift: true, only: false }));
  });

  it("releasing shift before the drop moves the line instead", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(250, 20, { shiftKey: true }));
    t.c.keyUp("Shift");
    expect(t.feedback.at(-1)?.shift).toBe(false);
    t.c.pointerUp(p(250, 20));
    expect(t.cb.onDrop).toHaveBeenCalledWith(1, 2, expect.objectContaining({ shift: false, only: false }));
  });

  it("a refused target is highlighted with its reason and the drop does nothing", () => {
    const u = setup((_d, target) => (target === 3 ? { ok: false, reason: "would make a loop" } : { ok: true }));
    u.c.pointerDown(p(10, 10));
    u.c.pointerMove(p(450, 20));
    expect(u.feedback.at(-1)?.dropTarget).toEqual({ id: 3, ok: false, reason: "would make a loop" });
    expect(u.cb.onCursor).toHaveBeenLastCalledWith("no-drop");
    u.c.pointerUp(p(450, 20));
    expect(u.cb.onDrop).not.toHaveBeenCalled();
  });

  it("asks canDrop once per target entered, not on every move", () => {
    t.c.pointerDown(p(10, 10));
    for (let x = 210; x < 290; x += 5) t.c.pointerMove(p(x, 20));
    t.c.pointerMove(p(350, 20));
    t.c.pointerMove(p(250, 20));
    expect(t.cb.canDrop.mock.calls).toEqual([[1, 2], [1, 2]]);
  });

  it("dropping on empty canvas does nothing", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(150, 300));
    t.c.pointerUp(p(150, 300));
    expect(t.cb.onDrop).not.toHaveBeenCalled();
    expect(t.cb.onSelect).not.toHaveBeenCalled();
    expect(t.feedback.at(-1)).toBeNull();
  });

  it("dropping back onto the dragged card itself is not a target", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(40, 30));
    expect(t.feedback.at(-1)?.dropTarget).toBeNull();
    t.c.pointerUp(p(40, 30));
    expect(t.cb.onDrop).not.toHaveBeenCalled();
  });

  it("Escape cancels the drag; the release then neither drops nor selects", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(250, 20));
    expect(t.c.keyDown("Escape")).toBe(true);
    expect(t.feedback.at(-1)).toBeNull();
    expect(t.c.state.kind).toBe("cancelled");
    t.c.pointerMove(p(260, 20));
    t.c.pointerUp(p(260, 20));
    expect(t.cb.onDrop).not.toHaveBeenCalled();
    expect(t.cb.onSelect).not.toHaveBeenCalled();
    expect(t.c.state.kind).toBe("idle");
    expect(t.c.keyDown("Escape")).toBe(false);
  });

  it("dragging the background pans after the threshold, without losing the first pixels", () => {
    t.c.pointerDown(p(150, 300));
    t.c.pointerMove(p(152, 300));
    expect(t.cam()).toEqual({ x: 0, y: 0, zoom: 1 });
    t.c.pointerMove(p(170, 310));
    expect(t.cam()).toEqual({ x: -20, y: -10, zoom: 1 });
    t.c.pointerUp(p(170, 310));
    expect(t.cb.onSelect).not.toHaveBeenCalled();
  });

  it("the middle button pans even over a card and never selects", () => {
    t.c.pointerDown(p(10, 10, { button: 1 }));
    t.c.pointerMove(p(30, 10, { button: 1 }));
    expect(t.cam().x).toBe(-20);
    t.c.pointerUp(p(30, 10, { button: 1 }));
    t.c.pointerDown(p(150, 300, { button: 1 }));
    t.c.pointerUp(p(150, 300, { button: 1 }));
    expect(t.cb.onSelect).not.toHaveBeenCalled();
  });

  it("ignores other pointers during a gesture and a lost pointer cancels", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(250, 20));
    t.c.pointerUp(p(250, 20, { pointerId: 2 }));
    expect(t.c.state.kind).toBe("dragging");
    t.c.pointerCancel(1);
    expect(t.c.state.kind).toBe("idle");
    expect(t.feedback.at(-1)).toBeNull();
    expect(t.cb.onDrop).not.toHaveBeenCalled();
  });

  const wheel = (over: Partial<Parameters<InteractionController["wheel"]>[0]>) =>
    ({ x: 100, y: 100, deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false, ...over });

  it("plain wheel pans; shift+wheel pans sideways; line mode is scaled", () => {
    t.c.wheel(wheel({ deltaX: 10, deltaY: 30 }));
    expect(t.cam()).toEqual({ x: 10, y: 30, zoom: 1 });
    t.c.wheel(wheel({ deltaY: 5, shiftKey: true }));
    expect(t.cam()).toEqual({ x: 15, y: 30, zoom: 1 });
    t.c.wheel(wheel({ deltaY: 1, deltaMode: 1 }));
    expect(t.cam().y).toBe(46);
  });

  it("Ctrl/Cmd+wheel and pinch zoom about the pointer", () => {
    const before = screenToWorld(t.cam(), 100, 100);
    t.c.wheel(wheel({ deltaY: -100, ctrlKey: true }));
    const z1 = t.cam().zoom;
    expect(z1).toBeGreaterThan(1);
    const after = screenToWorld(t.cam(), 100, 100);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    t.c.wheel(wheel({ deltaY: 100, metaKey: true }));
    expect(t.cam().zoom).toBeCloseTo(1, 9);
    // Trackpad pinch: small ctrlKey deltas get a higher sensitivity so a pinch feels direct.
    t.c.wheel(wheel({ deltaY: -5, ctrlKey: true }));
    expect(t.cam().zoom).toBeCloseTo(Math.exp(0.05), 9);
  });

  it("panning with the wheel mid-drag keeps the ghost under the pointer and retargets", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(150, 20));
    expect(t.feedback.at(-1)?.dropTarget).toBeNull();
    t.c.wheel(wheel({ deltaX: 100 })); // the view moves right by 100: card 2 is now under the pointer
    const last = t.feedback.at(-1);
    expect(last?.dropTarget).toEqual({ id: 2, ok: true });
    expect(last?.drag.dx).toBe(240);
  });

  it("Safari gesture events zoom by the change in scale", () => {
    t.c.gestureStart();
    t.c.gestureChange(2, 0, 0);
    t.c.gestureChange(3, 0, 0);
    expect(t.cam().zoom).toBeCloseTo(3, 9);
  });

  it("honours per-chart zoom limits", () => {
    t.c.setZoomLimits({ min: 0.5, max: 1.5 });
    for (let k = 0; k < 20; k++) t.c.wheel(wheel({ deltaY: 200, ctrlKey: true }));
    expect(t.cam().zoom).toBe(0.5);
    for (let k = 0; k < 20; k++) t.c.wheel(wheel({ deltaY: -200, ctrlKey: true }));
    expect(t.cam().zoom).toBe(1.5);
  });

  it("Ctrl (Cmd on macOS) held at the drop moves only the person, and the hint follows the key as it is pressed", () => {
    const hints = { move: "with team", only: "alone", dotted: "dotted" };
    const u = setup(() => ({ ok: true, hints }));
    u.c.pointerDown(p(10, 10));
    u.c.pointerMove(p(250, 20));
    expect(u.feedback.at(-1)?.dropTarget).toEqual({ id: 2, ok: true, hint: "with team" });
    u.c.keyDown("Control", false, true);
    expect(u.feedback.at(-1)?.only).toBe(true);
    expect(u.feedback.at(-1)?.dropTarget?.hint).toBe("alone");
    u.c.keyDown("Shift", true);
    expect(u.feedback.at(-1)?.dropTarget?.hint).toBe("dotted");
    u.c.keyUp("Shift");
    u.c.pointerUp(p(252, 22, { modKey: true }));
    expect(u.cb.onDrop).toHaveBeenCalledWith(1, 2, { shift: false, only: true, at: { x: 252, y: 22 } });
  });

  it("releasing Ctrl before the drop moves the person with their team", () => {
    t.c.pointerDown(p(10, 10));
    t.c.pointerMove(p(250, 20, { modKey: true }));
    expect(t.feedback.at(-1)?.only).toBe(true);
    t.c.keyUp("Control", false);
    expect(t.feedback.at(-1)?.only).toBe(false);
    t.c.pointerUp(p(250, 20));
    expect(t.cb.onDrop).toHaveBeenCalledWith(1, 2, { shift: false, only: false, at: { x: 250, y: 20 } });
  });
});
