import { describe, expect, it } from "vitest";
import { openView, saveOp } from "./SavedViews";

describe("saved sheet views", () => {
  it("saves the sheet's rows, sort and filters under a trimmed name and opens them again", () => {
    const current = { mode: "people" as const, sort: [{ key: "level", desc: true }], filters: [{ key: "location", op: "is" as const, value: "Berlin" }] };
    const op = saveOp("  Berlin seniors ", current);
    expect(op).toEqual({ op: "save-sheet-view", view: { name: "Berlin seniors", ...current } });
    if (op.op !== "save-sheet-view") throw new Error("a save");
    expect(openView(op.view)).toEqual(current);
  });

  it("opens a view of an unknown mode as the people", () => {
    expect(openView({ name: "x", mode: "teams", sort: [], filters: [] }).mode).toBe("people");
  });
});
