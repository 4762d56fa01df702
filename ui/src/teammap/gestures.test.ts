import { describe, expect, it } from "vitest";
import type { Camera } from "../canvas/camera";
import type { PointerInput } from "../canvas/interaction";
import { TeamMapGestures } from "./gestures";
import { TeamMapIndex } from "./mapIndex";
import { nested } from "./testing/nestedScene";

function setup() {
  const idx = new TeamMapIndex(nested());
  let cam: Camera = { x: 0, y: 0, zoom: 1 };
  const events: string[] = [];
  const g = new TeamMapGestures(
    { camera: () => cam, setCamera: (c) => { cam = c; }, index: () => idx, viewportHeight: () => 600 },
    {
      feedback: () => {},
      click: (p) => events.push(`click:${p.kind}:${"i" in p ? p.i : p.inside !== undefined ? `in${p.inside}` : ""}`),
      chipVerdict: (_k, u) => (u === 3 ? { ok: true } : { ok: false, reason: "no" }),
      chipDrop: (k, u, add) => events.push(`chip:${k}->${u}${add ? ":add" : ""}`),
      unitVerdict: () => ({ ok: true }),
      unitDrop: (i, grp, at) => events.push(`unit:${i}->${grp}@${at.x},${at.y}`),
      lasso: (r) => events.push(`lasso:${r.x},${r.y},${r.w},${r.h}`),
      link: (a, b) => events.push(`link:${a}->${b}`),
    },
  );
  const ptr = (x: number, y: number, more: Partial<PointerInput> = {}): PointerInput => ({ x, y, pointerId: 1, button: 0, shiftKey: false, ...more });
  const drag = (from: [number, number], to: [number, number], more: Partial<PointerInput> = {}) => {
    g.pointerDown(ptr(...from, more));
    g.pointerMove(ptr((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, more));
    g.pointerMove(ptr(...to, more));
    g.pointerUp(ptr(...to, more));
  };
  return { g, events, drag, ptr, camera: () => cam };
}

describe("team map gestures", () => {
  it("drops a chip on a team, and with Alt adds instead", () => {
    const { events, drag } = setup();
    drag([50, 100], [320, 70]);
    drag([50, 100], [320, 70], { altKey: true });
    expect(events).toEqual(["chip:0->3", "chip:0->3:add"]);
  });

  it("does nothing when the target refuses or the drag is cancelled", () => {
    const { g, events, drag, ptr } = setup();
    drag([50, 100], [100, 70]); // onto Checkout: refused by the verdict
    g.pointerDown(ptr(50, 100));
    g.pointerMove(ptr(320, 70));
    expect(g.keyDown("Escape")).toBe(true);
    g.pointerUp(ptr(320, 70));
    expect(events).toEqual([]);
  });

  it("moves a team to the open canvas with its new top-left corner", () => {
    const { events, drag } = setup();
    drag([200, 70], [450, 270]); // Checkout (20,60) grabbed at (200,70), dropped 250 right and 200 down
    expect(events).toEqual(["unit:2->-1@270,260"]);
  });

  it("grabs a unit by its label band; its open interior starts a rubber band", () => {
    const { events, drag } = setup();
    drag([100, 35], [450, 250]);
    drag([390, 200], [250, 290]);
    drag([190, 150], [25, 85]); // from inside Checkout, round its two chips
    expect(events).toEqual(["unit:1->-1@360,245", "lasso:250,200,140,90", "lasso:25,85,165,65"]);
  });

  it("draws an interaction from a team's edge handle to another team", () => {
    const { events, drag } = setup();
    drag([220, 110], [340, 90]);
    drag([220, 110], [390, 200]); // released over the department, not a team: nothing
    expect(events).toEqual(["link:2->3"]);
  });

  it("clicks select; the middle button pans", () => {
    const { g, events, ptr, camera } = setup();
    g.pointerDown(ptr(50, 100));
    g.pointerUp(ptr(50, 100));
    g.pointerDown(ptr(390, 200));
    g.pointerUp(ptr(390, 200));
    g.pointerDown(ptr(10, 10, { button: 1 }));
    g.pointerMove(ptr(60, 30, { button: 1 }));
    g.pointerUp(ptr(60, 30, { button: 1 }));
    expect(events).toEqual(["click:chip:0", "click:none:in0"]);
    expect(camera()).toEqual({ x: -50, y: -20, zoom: 1 });
  });
});
