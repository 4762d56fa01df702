import { describe, expect, it } from "vitest";
import { repairOfferFor } from "./repairOffer";

describe("repairOfferFor", () => {
  it("offers the refused file when the error is about it", () => {
    expect(repairOfferFor("/d/org.topo", "/d/org.topo: the document is damaged: reporting loop: A → B → A")).toBe("/d/org.topo");
  });

  it("offers nothing when no file was refused or the error is about something else", () => {
    expect(repairOfferFor(null, "/d/org.topo: the document is damaged")).toBeNull();
    expect(repairOfferFor("/d/org.topo", "an entry of the undo history would break the org")).toBeNull();
    expect(repairOfferFor("/d/org.topo", "/d/org.topo.bak: the document is damaged")).toBeNull();
  });
});
