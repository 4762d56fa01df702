import { describe, expect, test } from "vitest";
import { AREA, smallProduct } from "./testing/fixture";
import { claimedTargets, effortBar, effortFigure, effortScale, effortTitle, niceScale, STANCE_COLOURS } from "./effortBars";
import { syntheticOwnership } from "./testing/syntheticOwnership";

/** Checkout 60% (Cart 20%, Payments 40% with a 30% target on Cards and 15% on Wallets), Search 10% at a 25% target. */
function directed() {
  return syntheticOwnership(
    [
      { id: AREA.checkout, name: "Checkout", stance: "invest", share: 60, fte: 6 },
      { id: AREA.cart, name: "Cart", parent: AREA.checkout, share: 20, fte: 2 },
      { id: AREA.payments, name: "Payments", parent: AREA.checkout, share: 40, fte: 4 },
      { id: AREA.cards, name: "Cards", parent: AREA.payments, target: 30, share: 25, fte: 2.5 },
      { id: AREA.wallets, name: "Wallets", parent: AREA.payments, target: 15, share: 15, fte: 1.5 },
      { id: AREA.search, name: "Search", stance: "sunset", target: 25, share: 10, fte: 1 },
    ],
    [],
  );
}

describe("effort bars beside the area rows", () => {
  test("one scale for every row: the largest share or target rounded up to a readable figure", () => {
    expect(niceScale(0)).toBe(5);
    expect(niceScale(12)).toBe(20);
    expect(niceScale(60)).toBe(100);
    expect(effortScale(directed())).toBe(100);
    expect(effortScale(smallProduct())).toBe(5);
  });

  test("a parent without a target claims what the outermost targets below it add up to", () => {
    const scene = directed();
    const claimed = claimedTargets(scene);
    const at = (id: number) => claimed[scene.areas.indexOf(id)];
    expect(at(AREA.cards)).toBe(30);
    expect(at(AREA.payments)).toBe(45);
    expect(at(AREA.checkout)).toBe(45);
    expect(at(AREA.cart)).toBeNull();
    expect(at(AREA.search)).toBe(25);
  });

  test("the bar is the actual share on the scale, the mark the target, the colour the stance", () => {
    const scene = directed();
    const claimed = claimedTargets(scene);
    const row = scene.areas.indexOf(AREA.search);
    const bar = effortBar(scene.area_content[row]!, claimed[row]!, 50, 100);
    expect(bar).toEqual({ fill: 20, tick: 50, tickFromBelow: false, colour: STANCE_COLOURS.sunset });
    const parent = scene.areas.indexOf(AREA.checkout);
    const rolled = effortBar(scene.area_content[parent]!, claimed[parent]!, 100, 92);
    expect(rolled.fill).toBeCloseTo(55.2);
    expect(rolled.tickFromBelow).toBe(true);
    expect(rolled.colour).toBe(STANCE_COLOURS.invest);
  });

  test("a share beyond the scale fills the track and never overflows it", () => {
    const scene = directed();
    const bar = effortBar(scene.area_content[0]!, null, 20, 80);
    expect(bar.fill).toBe(80);
    expect(bar.tick).toBeNull();
  });

  test("the figure reads actual then target, and the title says where a rolled-up target comes from", () => {
    const scene = directed();
    const claimed = claimedTargets(scene);
    const row = (id: number) => scene.areas.indexOf(id);
    expect(effortFigure(scene.area_content[row(AREA.search)]!, 25)).toBe("10% → 25%");
    expect(effortFigure(scene.area_content[row(AREA.cart)]!, null)).toBe("20%");
    expect(effortTitle(scene.area_content[row(AREA.checkout)]!, claimed[row(AREA.checkout)]!))
      .toBe("Checkout: 60% of the effort (6 FTE) · sub-area targets 45% · Invest");
  });
});
