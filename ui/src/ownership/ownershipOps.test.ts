import { describe, expect, test } from "vitest";
import { AREA, PAYMENTS_TEAM, rowOf, SEARCH_TEAM, smallProduct } from "./testing/fixture";
import { cellState, cycleCellOp, planAreaDrop } from "./ownershipOps";

const scene = smallProduct();

describe("dropping an area on a team", () => {
  test("a leaf dropped on a team becomes owned by it", () => {
    expect(planAreaDrop(scene, rowOf(scene, AREA.search), PAYMENTS_TEAM, false)).toEqual({
      ok: true, op: { op: "set-owner", area: AREA.search, unit: PAYMENTS_TEAM },
    });
  });

  test("with Alt the team is added as a contributor instead", () => {
    expect(planAreaDrop(scene, rowOf(scene, AREA.search), PAYMENTS_TEAM, true)).toEqual({
      ok: true, op: { op: "add-contributor", area: AREA.search, unit: PAYMENTS_TEAM },
    });
  });

  test("a parent dropped on a team assigns every leaf below it in one batch, skipping the ones it owns", () => {
    const plan = planAreaDrop(scene, rowOf(scene, AREA.checkout), PAYMENTS_TEAM, false);
    expect(plan.ok && plan.op).toEqual({
      op: "batch",
      label: 'Payments team owns the areas under "Checkout"',
      ops: [
        { op: "set-owner", area: AREA.cart, unit: PAYMENTS_TEAM },
        { op: "set-owner", area: AREA.wallets, unit: PAYMENTS_TEAM },
      ],
    });
  });

  test("with the filter on, a parent assigns only the unowned leaves below it", () => {
    const plan = planAreaDrop(scene, rowOf(scene, AREA.checkout), PAYMENTS_TEAM, false, true);
    expect(plan.ok && plan.op).toEqual({ op: "set-owner", area: AREA.wallets, unit: PAYMENTS_TEAM });
  });

  test("a contributor drop skips the leaves the team owns or already works on", () => {
    const plan = planAreaDrop(scene, rowOf(scene, AREA.payments), SEARCH_TEAM, true);
    expect(plan.ok && plan.op).toEqual({ op: "add-contributor", area: AREA.cards, unit: SEARCH_TEAM });
  });

  test("a drop that would change nothing is refused with the reason", () => {
    const plan = planAreaDrop(scene, rowOf(scene, AREA.cards), PAYMENTS_TEAM, false);
    expect(plan).toEqual({ ok: false, reason: 'Payments team already owns "Cards"' });
  });
});

describe("cycling a matrix cell", () => {
  test("reads owner, contributor and none from the scene", () => {
    expect(cellState(scene, rowOf(scene, AREA.cards), PAYMENTS_TEAM)).toBe("owner");
    expect(cellState(scene, rowOf(scene, AREA.wallets), SEARCH_TEAM)).toBe("contributor");
    expect(cellState(scene, rowOf(scene, AREA.wallets), PAYMENTS_TEAM)).toBe("none");
  });

  test("an empty cell makes the team the owner", () => {
    expect(cycleCellOp(scene, rowOf(scene, AREA.wallets), PAYMENTS_TEAM)).toEqual({ op: "set-owner", area: AREA.wallets, unit: PAYMENTS_TEAM });
  });

  test("an owner cell turns the owner into a contributor as one undo step", () => {
    expect(cycleCellOp(scene, rowOf(scene, AREA.cards), PAYMENTS_TEAM)).toEqual({
      op: "batch",
      label: "Make the owner of Cards a contributor",
      ops: [
        { op: "clear-owner", area: AREA.cards },
        { op: "add-contributor", area: AREA.cards, unit: PAYMENTS_TEAM },
      ],
    });
  });

  test("a contributor cell removes the contribution", () => {
    expect(cycleCellOp(scene, rowOf(scene, AREA.wallets), SEARCH_TEAM)).toEqual({ op: "remove-contributor", area: AREA.wallets, unit: SEARCH_TEAM });
  });
});
