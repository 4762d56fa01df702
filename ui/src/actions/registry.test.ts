import { describe, expect, it } from "vitest";
import { APP_ACTIONS, CARD_MENU, createAppRegistry, type ChartActionContext } from "./appActions";
import { ActionRegistry, type KeyEventInput } from "./registry";
import type { KeyInput } from "../keyboard/shortcuts";

function fakeContext(over: Partial<ChartActionContext> = {}) {
  const calls: string[] = [];
  const ctx: ChartActionContext = {
    hasDocument: true, selected: 7, undoLabel: "Move Ada", redoLabel: null, collapseState: "expanded", anyCollapsed: false,
    undo: () => calls.push("undo"), redo: () => calls.push("redo"), move: (d) => calls.push(`move:${d}`),
    openInspector: () => calls.push("inspect"), requestDelete: () => calls.push("delete"), addReport: () => calls.push("add-report"),
    addOpenPosition: () => calls.push("add-open"), toggleCollapsed: () => calls.push("toggle"), expandAll: () => calls.push("expand-all"),
    zoomBy: (f) => calls.push(`zoom:${f > 1 ? "in" : "out"}`), fit: () => calls.push("fit"), focusSearch: () => calls.push("find"),
    cancel: () => calls.push("cancel"), toggleShortcutHelp: () => calls.push("help"),
    ...over,
  };
  return { ctx, calls };
}

const key = (k: string, mods: Partial<KeyEventInput> = {}): KeyEventInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("ActionRegistry", () => {
  const registry = createAppRegistry();

  it("has every app action once and no shortcut twice", () => {
    expect(registry.all()).toHaveLength(APP_ACTIONS.length);
    for (const id of CARD_MENU) if (id) expect(registry.get(id).id).toBe(id);
  });

  it("refuses duplicate ids and shared shortcuts", () => {
    const perform = () => {};
    expect(() => new ActionRegistry([{ id: "a", group: "view", label: "A", perform }, { id: "a", group: "view", label: "B", perform }])).toThrow(/twice/);
    expect(() => new ActionRegistry([
      { id: "a", group: "view", label: "A", shortcuts: ["Mod+K"], perform },
      { id: "b", group: "view", label: "B", shortcuts: ["Mod+k"], perform },
    ])).toThrow(/share a shortcut/);
  });

  it("runs the action a key names", () => {
    const { ctx, calls } = fakeContext();
    const press = (e: KeyEventInput) => registry.handleKey(e, ctx, "other");
    expect(press(key("ArrowUp"))).toBe(true);
    expect(press(key("ArrowRight"))).toBe(true);
    expect(press(key("Enter"))).toBe(true);
    expect(press(key("Delete"))).toBe(true);
    expect(press(key("+", { shiftKey: true }))).toBe(true);
    expect(press(key("-"))).toBe(true);
    expect(press(key("f"))).toBe(true);
    expect(press(key("0"))).toBe(true);
    expect(press(key("f", { ctrlKey: true }))).toBe(true);
    expect(press(key(" "))).toBe(true);
    expect(press(key("Escape"))).toBe(true);
    expect(calls).toEqual(["move:up", "move:right", "inspect", "delete", "zoom:in", "zoom:out", "fit", "fit", "find", "toggle", "cancel"]);
  });

  it("leaves undo and redo to the native menu's accelerators, so they never fire twice", () => {
    const { ctx, calls } = fakeContext({ redoLabel: "Move Ada" });
    expect(registry.handleKey(key("z", { ctrlKey: true }), ctx, "other")).toBe(false);
    expect(registry.handleKey(key("Z", { metaKey: true, shiftKey: true }), ctx, "mac")).toBe(false);
    expect(calls).toEqual([]);
    // The toolbar still runs them.
    expect(registry.run("undo", ctx, "toolbar")).toBe(true);
    expect(calls).toEqual(["undo"]);
    expect(registry.shortcutText("redo", "mac")).toBe("⇧⌘Z");
  });

  it("does not take keys from text fields, except modified ones meant to work there", () => {
    const { ctx, calls } = fakeContext();
    const typing = (k: string, mods: Partial<KeyInput> = {}) => registry.handleKey({ ...key(k, mods), typing: true }, ctx, "other");
    for (const k of ["ArrowUp", "Delete", "Backspace", "f", "0", "+", "/", " ", "Enter", "Escape"]) expect(typing(k)).toBe(false);
    expect(typing("f", { ctrlKey: true })).toBe(true);
    expect(calls).toEqual(["find"]);
  });

  it("lets a focused button take Enter and Space", () => {
    const { ctx, calls } = fakeContext();
    expect(registry.handleKey({ ...key("Enter"), activatable: true }, ctx, "other")).toBe(false);
    expect(registry.handleKey({ ...key(" "), activatable: true }, ctx, "other")).toBe(false);
    expect(registry.handleKey({ ...key("ArrowDown"), activatable: true }, ctx, "other")).toBe(true);
    expect(calls).toEqual(["move:down"]);
  });

  it("skips actions that do not apply, and key repeat for one-shot actions", () => {
    const { ctx, calls } = fakeContext({ selected: null, collapseState: null });
    expect(registry.handleKey(key("Delete"), ctx, "other")).toBe(false);
    expect(registry.handleKey(key(" "), ctx, "other")).toBe(false);
    const sel = fakeContext();
    expect(registry.handleKey({ ...key("Delete"), repeat: true }, sel.ctx, "other")).toBe(true);
    expect(registry.handleKey({ ...key("ArrowDown"), repeat: true }, sel.ctx, "other")).toBe(true);
    expect(sel.calls).toEqual(["move:down"]);
    expect(calls).toEqual([]);
  });

  it("labels and describes actions from the context", () => {
    expect(registry.label("toggle-collapsed", fakeContext({ collapseState: "collapsed" }).ctx)).toBe("Expand");
    expect(registry.label("toggle-collapsed", fakeContext().ctx)).toBe("Collapse");
    expect(registry.isEnabled("toggle-collapsed", fakeContext({ collapseState: "leaf" }).ctx)).toBe(false);
    expect(registry.tooltip("fit", fakeContext().ctx, "other")).toBe("Show the whole chart (0)");
    expect(registry.shortcutTexts("zoom-in", "other")).toEqual(["+", "=", "Ctrl+=", "Ctrl++"]);
  });
});
