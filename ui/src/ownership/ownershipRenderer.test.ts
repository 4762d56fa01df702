import { describe, expect, test } from "vitest";
import { fakeCanvas } from "../canvas/testing/fakeCanvas";
import { AREA, PAYMENTS_TEAM, smallProduct } from "./fixture";
import { mapLayout } from "./mapLayout";
import { loadLabel, OWNERSHIP_COLOURS, OwnershipRenderer } from "./ownershipRenderer";
import { bigOwnership } from "./syntheticOwnership";

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

  test("says the load against the budget as people read it", () => {
    expect(loadLabel(1 / 3 + 0.6, 1)).toBe("load 0.93 / 1");
  });
});
