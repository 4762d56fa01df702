import { describe, expect, it } from "vitest";
import { nested } from "./testing/nestedScene";
import { rectFromCorners, TeamMapIndex } from "./mapIndex";
import { syntheticTeamMap } from "./testing/synthetic";

describe("team map hit-testing", () => {
  const idx = new TeamMapIndex(nested());

  it("finds the innermost of the nested boundaries under a point", () => {
    expect(idx.unitAtPoint(100, 80)).toBe(2); // Checkout, inside Tribe, inside Department
    expect(idx.unitAtPoint(15, 240)).toBe(0); // below the tribe: the department
    expect(idx.unitAtPoint(15, 35)).toBe(1);
    expect(idx.unitAtPoint(12, 35)).toBe(1);
    expect(idx.unitAtPoint(15, 225)).toBe(1);
    expect(idx.unitAtPoint(250, 220)).toBe(1);
    expect(idx.unitAtPoint(255, 40)).toBe(1);
    expect(idx.unitAtPoint(450, 50)).toBe(-1);
  });

  it("looks through a dragged unit and everything inside it", () => {
    expect(idx.unitAtPoint(100, 80, 0)).toBe(-1); // dragging the department: nothing of it is a target
    expect(idx.unitAtPoint(100, 80, 2)).toBe(1);
    expect(idx.groupAtPoint(100, 80)).toBe(1); // a team hit counts as its group
    expect(idx.groupAtPoint(320, 60)).toBe(0);
    expect(idx.groupAtPoint(550, 50)).toBe(-1); // a top-level team: the open canvas
  });

  it("tells chips, edge handles, interactions and boxes apart", () => {
    expect(idx.pick(50, 100, 1)).toEqual({ kind: "chip", i: 0 });
    expect(idx.pick(220, 110, 1)).toEqual({ kind: "handle", i: 2 });
    expect(idx.pick(260, 90, 1)).toEqual({ kind: "interaction", i: 0 });
    expect(idx.pick(200, 70, 1)).toEqual({ kind: "unit", i: 2 });
    expect(idx.pick(450, 200, 1)).toEqual({ kind: "none" });
    // Zoomed out, the handle reaches further in world units.
    expect(idx.pick(210, 110, 0.5)).toEqual({ kind: "handle", i: 2 });
    expect(idx.pick(210, 110, 2)).toEqual({ kind: "unit", i: 2 });
  });

  it("lassoes whole units (not what is inside them again) and loose chips", () => {
    expect(idx.enclosed(rectFromCorners(260, 0, 5, 250))).toEqual({ units: [1], chips: [] }); // the tribe, with Checkout inside it
    expect(idx.enclosed(rectFromCorners(25, 85, 190, 160))).toEqual({ units: [], chips: [0, 1] });
    expect(idx.enclosed(rectFromCorners(25, 85, 190, 120))).toEqual({ units: [], chips: [0] });
    expect(idx.enclosed({ x: -10, y: -10, w: 1000, h: 1000 })).toEqual({ units: [0, 4], chips: [] });
  });

  it("indexes a generated org of ~1,200 teams with every chip inside its team", () => {
    const scene = syntheticTeamMap({ people: 10_000 });
    const big = new TeamMapIndex(scene);
    const teams = scene.unit_content.filter((c) => c.kind !== "group").length;
    expect(teams).toBe(1250);
    for (let k = 0; k < scene.chip_person.length; k += 97) {
      const i = big.unitAt.get(scene.chip_unit[k] as number) as number;
      expect(big.unitAtPoint((scene.chip_x[k] as number) + 1, (scene.chip_y[k] as number) + 1)).toBe(i);
      expect(big.pick((scene.chip_x[k] as number) + 1, (scene.chip_y[k] as number) + 1, 1)).toEqual({ kind: "chip", i: k });
    }
  });
});
