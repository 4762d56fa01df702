import { describe, expect, it } from "vitest";
import { areaSpeech } from "./areaSpeech";
import { AREA, smallProduct } from "./testing/fixture";

describe("what the screen reader hears about the focused area", () => {
  const scene = smallProduct();

  it("names a leaf area with its parent, owner and contributors", () => {
    expect(areaSpeech(scene, AREA.cards)).toBe("Cards, in Payments, owned by Payments team");
    expect(areaSpeech(scene, AREA.wallets)).toBe("Wallets, in Payments, no owner, 1 contributing team");
  });

  it("counts the sub-areas of a parent area", () => {
    expect(areaSpeech(scene, AREA.checkout)).toBe("Checkout, 2 sub-areas, not owned");
  });

  it("says nothing of an area the scene does not have", () => {
    expect(areaSpeech(scene, 999)).toBe("");
  });
});
