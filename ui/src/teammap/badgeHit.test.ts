import { describe, expect, it } from "vitest";
import { badgeAt } from "./badgeHit";
import { TeamMapIndex } from "./mapIndex";
import { nested } from "./testing/nestedScene";

describe("the badge under the pointer on the team map", () => {
  const idx = new TeamMapIndex(nested());
  const units = new Map([[5, 2]]);
  const persons = new Map([[11, 1]]);

  it("finds a team's badge on its top-right corner", () => {
    // Team 5 "Alone": (500,0) 100x100; at zoom 1 its badge sits near (597, 3).
    expect(badgeAt(idx, 1, 597, 3, units, persons)).toEqual({ kind: "unit", id: 5 });
    expect(badgeAt(idx, 1, 540, 60, units, persons)).toBeNull();
  });

  it("finds a person's badge on the top-right of their chip", () => {
    // Person 11's chip: (30,125) 150 wide.
    expect(badgeAt(idx, 1, 180, 125, units, persons)).toEqual({ kind: "person", id: 11 });
  });

  it("finds nothing where no finding is", () => {
    expect(badgeAt(idx, 1, 180, 90, units, persons)).toBeNull(); // person 10's chip: no badge
  });
});
