import { describe, expect, test } from "vitest";
import { fakeCanvas } from "../canvas/testing/fakeCanvas";
import { AREA, PAYMENTS_TEAM, SEARCH_TEAM, smallProduct } from "./testing/fixture";
import { mapLayout } from "./mapLayout";
import { loadLabel, OWNERSHIP_COLOURS, OwnershipRenderer } from "./ownershipRenderer";
import { bigOwnership } from "./testing/syntheticOwnership";
import { AREA_MARK_STYLES, ownershipMarksOf } from "../scenarios/ownershipMarks";
import type { DiffChange } from "../scenarios/diffTypes";

const manual = { request: () => 1, cancel: () => {} };

function rendererFor(scene = smallProduct(), onlyUnowned = false) {
  const { canvas, calls } = fakeCanvas();
  const r = new OwnershipRenderer(canvas, { scheduler: manual });
  r.setLayout(scene, mapLayout(scene, onlyUnowned));
  r.setViewportSize(800, 600, 1);
  return { r, calls };
}

describe("the ownership map renderer", () => {
  test("finds the team or area under the pointer, and nothing in empty space", () => {
    const { r } = rendererFor();
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    expect(r.hitTest(400 + 10, 10)).toBe(PAYMENTS_TEAM);
    expect(r.hitTest(10, 5)).toBe(AREA.checkout);
    expect(r.isArea(AREA.checkout)).toBe(true);
    expect(r.isArea(PAYMENTS_TEAM)).toBe(false);
    expect(r.hitTest(350, 5)).toBeNull();
  });

  test("draws the unowned leaves with the highlight and the owned ones without", () => {
    const { r, calls } = rendererFor();
    calls.length = 0;
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    r.renderNow();
    const fills = calls.filter((c) => c.name === "set:fillStyle").map((c) => c.args[0]);
    // Wallets and Search: a tinted row each, and a red accent each.
    expect(fills.filter((f) => f === OWNERSHIP_COLOURS.unownedFill)).toHaveLength(2);
  });

  test("draws only the boxes in view of a 1,000-area, 1,200-team map", () => {
    let drawn = 0;
    const { r } = rendererFor(bigOwnership(1000, 1200));
    r.onFrame = (n) => { drawn = n; };
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    r.renderNow();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(60);
  });

  test("in compare mode tints a transferred area, names its old owner, and draws removed areas as dashed ghost rows", () => {
    const { r, calls } = rendererFor();
    const change = (kind: DiffChange["kind"], id: number, name: string, from: [number, string] | null): DiffChange => ({
      kind, entity: "area", subject: { id, name }, from: from?.[1] ?? null, to: null, from_id: from?.[0] ?? null, to_id: null,
    });
    r.setCompare(ownershipMarksOf({
      from: "Current", to: "Proposal", numbers: [], impact: [],
      changes: [change("owner-changed", AREA.cards, "Cards", [SEARCH_TEAM, "Discovery"]), change("area-removed", 77, "Loyalty", [PAYMENTS_TEAM, "Payments team"])],
    }));
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const fills = calls.filter((c) => c.name === "set:fillStyle").map((c) => c.args[0]);
    expect(fills).toContain(AREA_MARK_STYLES[0]!.fill);
    const texts = calls.filter((c) => c.name === "fillText").map((c) => String(c.args[0]));
    expect(texts.some((t) => t.includes("from Discovery"))).toBe(true);
    expect(texts).toContain("Loyalty");
    expect(texts.some((t) => t.startsWith("owner was Pay"))).toBe(true);
    expect(calls.some((c) => c.name === "setLineDash" && (c.args[0] as number[]).length > 0)).toBe(true);
    // The ghost row can be focused and reached by the camera.
    const ghost = r.worldRect(77)!;
    expect(ghost.y).toBeGreaterThan(r.currentLayout!.bounds.y + r.currentLayout!.bounds.h - 1 - ghost.h * 3);
    expect(r.bounds!.y + r.bounds!.h).toBeGreaterThanOrEqual(ghost.y + ghost.h);
    expect(r.compareSummary()).toMatchObject({ areas: [{ id: AREA.cards, kind: "transferred", from: SEARCH_TEAM, label: "from Discovery" }], removed: [{ id: 77, owner: "Payments team" }] });
    r.setCompare(null);
    expect(r.bounds).toEqual(r.currentLayout!.bounds);
    expect(r.compareSummary()).toBeNull();
  });

  test("draws only the ghost rows in view", () => {
    const { r, calls } = rendererFor();
    const removed: DiffChange[] = Array.from({ length: 500 }, (_, k) => ({
      kind: "area-removed", entity: "area", subject: { id: 1000 + k, name: `Gone ${k}` }, from: null, to: null, from_id: null, to_id: null,
    }));
    r.setCompare(ownershipMarksOf({ from: "a", to: "b", numbers: [], impact: [], changes: removed }));
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const ghosts = calls.filter((c) => c.name === "fillText" && String(c.args[0]).startsWith("Gone")).length;
    expect(ghosts).toBeGreaterThan(0);
    expect(ghosts).toBeLessThan(30);
  });

  test("says the load against the budget as people read it", () => {
    expect(loadLabel(1 / 3 + 0.6, 1)).toBe("load 0.93 / 1");
  });
});
