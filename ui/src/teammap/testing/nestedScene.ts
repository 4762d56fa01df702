// A small hand-made team map for tests: nested groups, teams, chips and one interaction.
import type { TeamMapScene, UnitContent } from "../sceneTypes";

const content = (name: string, kind: UnitContent["kind"], parent: number | null, depth: number): UnitContent => ({
  name, kind, parent, depth, colour: "#ffffff", fte: 0, headcount: 0, openPositions: 0, targetSize: null, placed: false, collapsed: false, hiddenUnits: 0,
});

// Department 1 (0,0 400x300) ⊃ Tribe 2 (10,30 250x200) ⊃ Team 3 (20,60 200x100); Team 4 (300,30 80x80) beside
// the tribe; Team 5 alone at (500,0).
export function nested(): TeamMapScene {
  return {
    units: [1, 2, 3, 4, 5],
    x: [0, 10, 20, 300, 500], y: [0, 30, 60, 30, 0], w: [400, 250, 200, 80, 100], h: [300, 200, 100, 80, 100],
    unit_content: [
      content("Department", "group", null, 0), content("Tribe", "group", 1, 1), content("Checkout", "stream-aligned", 2, 2),
      content("Payments", "platform", 1, 1), content("Alone", "enabling", null, 0),
    ],
    chip_person: [10, 11, 12, 10], chip_unit: [3, 3, 4, 5],
    chip_x: [30, 30, 305, 505], chip_y: [90, 125, 60, 30], chip_w: [150, 150, 70, 90], chip_h: [28, 28, 28, 28],
    chip_content: [],
    interactions: [{ id: 9, from: 3, to: 4, mode: "collaboration", points: [220, 110, 300, 70] }],
    bounds: { x: 0, y: 0, w: 600, h: 300 },
  };
}

