import { describe, expect, it } from "vitest";
import { createHistoryRegistry, type HistoryActionContext } from "./historyActions";

const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; typing?: boolean } = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
});

function setup(over: Partial<HistoryActionContext> = {}) {
  const calls: string[] = [];
  const ctx: HistoryActionContext = {
    hasDocument: true, canUndo: true, canRedo: true,
    undo: () => calls.push("undo"), redo: () => calls.push("redo"), toggleHistory: () => calls.push("history"),
    ...over,
  };
  return { registry: createHistoryRegistry(), ctx, calls };
}

describe("undo follows the focus", () => {
  it("undoes and redoes the document with Ctrl+Z and Ctrl+Shift+Z when no text field has the focus", () => {
    const { registry, ctx, calls } = setup();
    expect(registry.handleKey(key("z", { ctrlKey: true }), ctx, "other")).toBe(true);
    expect(registry.handleKey(key("Z", { ctrlKey: true, shiftKey: true }), ctx, "other")).toBe(true);
    expect(registry.handleKey(key("z", { metaKey: true }), ctx, "mac")).toBe(true);
    expect(calls).toEqual(["undo", "redo", "undo"]);
  });

  it("leaves Ctrl+Z to a text field being typed in, so it undoes the typing and not the document", () => {
    const { registry, ctx, calls } = setup();
    expect(registry.handleKey(key("z", { ctrlKey: true, typing: true }), ctx, "other")).toBe(false);
    expect(registry.handleKey(key("Z", { ctrlKey: true, shiftKey: true, typing: true }), ctx, "other")).toBe(false);
    expect(calls).toEqual([]);
  });

  it("does nothing when there is nothing to undo", () => {
    const { registry, ctx, calls } = setup({ canUndo: false });
    expect(registry.handleKey(key("z", { ctrlKey: true }), ctx, "other")).toBe(false);
    expect(calls).toEqual([]);
  });

  it("opens the history with its shortcut, also from a text field", () => {
    const { registry, ctx, calls } = setup();
    expect(registry.handleKey(key("H", { ctrlKey: true, shiftKey: true, typing: true }), ctx, "other")).toBe(true);
    expect(calls).toEqual(["history"]);
  });
});
