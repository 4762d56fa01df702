import { describe, expect, it } from "vitest";
import { textUndoCommand } from "./textUndo";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
});

describe("undo in a text field", () => {
  it("reads Ctrl+Z as the field's undo and Ctrl+Shift+Z as its redo (Cmd on a Mac)", () => {
    expect(textUndoCommand(key("z", { ctrlKey: true }), "other")).toBe("undo");
    expect(textUndoCommand(key("Z", { ctrlKey: true, shiftKey: true }), "other")).toBe("redo");
    expect(textUndoCommand(key("z", { metaKey: true }), "mac")).toBe("undo");
  });

  it("leaves every other key to the field", () => {
    expect(textUndoCommand(key("z"), "other")).toBeNull();
    expect(textUndoCommand(key("z", { metaKey: true }), "other")).toBeNull();
    expect(textUndoCommand(key("z", { ctrlKey: true, altKey: true }), "other")).toBeNull();
    expect(textUndoCommand(key("y", { ctrlKey: true }), "other")).toBeNull();
  });
});
