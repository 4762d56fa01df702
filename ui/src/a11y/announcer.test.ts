import { describe, expect, it } from "vitest";
import type { DocChanged } from "../bindings";
import { announcer, editAnnouncement } from "./announcer";

const applied = (label: string, undo: string | null, redo: string | null): DocChanged => ({
  kind: "applied", label, history: { undo, redo }, revision: 1,
  changes: { created: [], updated: [], deleted: [], scenario: null },
});

describe("what the live region says about an edit", () => {
  it("says an edit was done", () => {
    expect(editAnnouncement({ undo: null, redo: null }, applied("Move Dana Lee", "Move Dana Lee", null))).toBe("Done: Move Dana Lee");
  });

  it("tells an undo from the history moving the label to the redo side", () => {
    expect(editAnnouncement({ undo: "Move Dana Lee", redo: null }, applied("Move Dana Lee", "Rename Ada", "Move Dana Lee"))).toBe("Undone: Move Dana Lee");
  });

  it("tells a redo from the label coming back to the undo side", () => {
    expect(editAnnouncement({ undo: "Rename Ada", redo: "Move Dana Lee" }, applied("Move Dana Lee", "Move Dana Lee", null))).toBe("Redone: Move Dana Lee");
  });

  it("says nothing for a reload", () => {
    expect(editAnnouncement(null, { kind: "switched", scenario: 1, revision: 2 })).toBeNull();
  });

  it("numbers every message so the same words said twice are read twice", () => {
    const seen: number[] = [];
    const off = announcer.subscribe(() => seen.push(announcer.get().seq));
    announcer.announce("Dana Lee");
    announcer.announce("Dana Lee");
    announcer.announce("   ");
    off();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe((seen[0] as number) + 1);
    expect(announcer.get().text).toBe("Dana Lee");
  });
});
