import { describe, expect, it } from "vitest";
import { foldedGroups, shortName } from "./toolbarFit";

const groups = [
  { id: "history", width: 120, priority: 2 },
  { id: "person", width: 220, priority: 1 },
  { id: "folding", width: 260, priority: 3 },
  { id: "zoom", width: 180, priority: 4 },
];
const room = (available: number) => ({ available, fixed: 500, gap: 12, more: 70 });

describe("foldedGroups", () => {
  it("folds nothing when every group fits", () => {
    expect(foldedGroups(groups, room(500 + 4 * 12 + 780))).toEqual([]);
  });

  it("folds the least needed groups first, counting the More button it then needs", () => {
    // Everything needs 1328; one px less folds the person group (220), which with More (82) leaves 1178.
    expect(foldedGroups(groups, room(1327))).toEqual(["person"]);
    expect(foldedGroups(groups, room(1178))).toEqual(["person"]);
    expect(foldedGroups(groups, room(1177))).toEqual(["history", "person"]);
  });

  it("lists folded groups in toolbar order, and folds all of them in a window too narrow for any", () => {
    expect(foldedGroups(groups, room(300))).toEqual(["history", "person", "folding", "zoom"]);
  });

  it("gives a narrower group its place back when a wider, more needed one had to fold after it", () => {
    const two = [{ id: "history", width: 100, priority: 1 }, { id: "zoom", width: 300, priority: 2 }];
    // Both need 400 + More; folding history leaves 300 + 50, too wide; folding zoom too leaves room for history.
    expect(foldedGroups(two, { available: 200, fixed: 0, gap: 0, more: 50 })).toEqual(["zoom"]);
  });

  it("folds equal priorities from the end of the toolbar", () => {
    const same = [{ id: "a", width: 100, priority: 1 }, { id: "b", width: 100, priority: 1 }];
    expect(foldedGroups(same, { available: 199, fixed: 0, gap: 0, more: 50 })).toEqual(["b"]);
  });
});

describe("shortName", () => {
  it("keeps a short document name and cuts a long one with an ellipsis", () => {
    expect(shortName("Sample")).toBe("Sample");
    expect(shortName("Reorganisation proposal for the platform group 2027", 20)).toBe("Reorganisation prop\u2026");
    expect(Array.from(shortName("😀".repeat(40), 10))).toHaveLength(10);
  });
});
