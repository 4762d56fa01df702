import { describe, expect, it } from "vitest";
import { APP_ACTIONS, CANVAS_MENU, CARD_MENU, createAppRegistry, type ChartActionContext } from "./appActions";
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
    cutName: null, canPaste: false, addPerson: () => calls.push("add-person"), changeManager: () => calls.push("change-manager"),
    addDottedLine: () => calls.push("add-dotted-line"), addToTeam: () => calls.push("add-to-team"),
    cut: () => calls.push("cut"), paste: () => calls.push("paste"), openMenu: () => calls.push("menu"),
    minimapShown: true, toggleMinimap: () => calls.push("minimap"), legendShown: false, toggleLegend: () => calls.push("legend"), openFields: () => calls.push("fields"),
    ...over,
  };
  return { ctx, calls };
}

const key = (k: string, mods: Partial<KeyEventInput> = {}): KeyEventInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("ActionRegistry", () => {
  const registry = createAppRegistry();

  it("hides and shows the minimap and the legend from the keyboard, labelled for what a press will do", () => {
    const { ctx, calls } = fakeContext();
    expect(registry.label("toggle-minimap", ctx)).toBe("Hide minimap");
    expect(registry.label("toggle-minimap", { ...ctx, minimapShown: false })).toBe("Show minimap");
    expect(registry.label("toggle-legend", ctx)).toBe("Legend");
    expect(registry.handleKey(key("M", { shiftKey: true }), ctx, "other")).toBe(true);
    expect(registry.handleKey(key("L", { shiftKey: true }), ctx, "other")).toBe(true);
    expect(calls).toEqual(["minimap", "legend"]);
  });

  it("has every app action once and no shortcut twice", () => {
    expect(registry.all()).toHaveLength(APP_ACTIONS.length);
    for (const id of [...CARD_MENU, ...CANVAS_MENU]) if (id) expect(registry.get(id).id).toBe(id);
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
    expect(registry.tooltip("fit", fakeContext().ctx, "other")).toBe("Fit the chart to the window: all of it when it can be read, else its top levels (0)");
    expect(registry.shortcutTexts("zoom-in", "other")).toEqual(["+", "=", "Ctrl+=", "Ctrl++"]);
  });

  it("adds a person at the top with Insert when nobody is selected, and a report when someone is", () => {
    const none = fakeContext({ selected: null, collapseState: null });
    expect(registry.label("add-report", none.ctx)).toBe("Add person");
    expect(registry.handleKey(key("Insert"), none.ctx, "other")).toBe(true);
    const one = fakeContext();
    expect(registry.label("add-report", one.ctx)).toBe("Add report");
    expect(registry.handleKey(key("Insert"), one.ctx, "other")).toBe(true);
    // Both go through addReport, which knows whom to add under; an empty document has no one to select.
    expect([...none.calls, ...one.calls]).toEqual(["add-report", "add-report"]);
    expect(registry.isEnabled("add-report", fakeContext({ hasDocument: false, selected: null }).ctx)).toBe(false);
  });

  it("cuts with Ctrl/Cmd+X and pastes with Ctrl/Cmd+V only where the cut person may go", () => {
    const { ctx, calls } = fakeContext();
    expect(registry.handleKey(key("x", { ctrlKey: true }), ctx, "other")).toBe(true);
    expect(registry.handleKey(key("v", { ctrlKey: true }), ctx, "other")).toBe(false);
    const ready = fakeContext({ cutName: "Ada", canPaste: true });
    expect(registry.label("paste", ready.ctx)).toBe("Paste Ada here");
    expect(registry.handleKey(key("v", { metaKey: true }), ready.ctx, "mac")).toBe(true);
    expect([...calls, ...ready.calls]).toEqual(["cut", "paste"]);
    // In a text field Ctrl+X and Ctrl+V cut and paste text.
    expect(registry.handleKey({ ...key("x", { ctrlKey: true }), typing: true }, ctx, "other")).toBe(false);
    expect(registry.handleKey({ ...key("v", { ctrlKey: true }), typing: true }, ready.ctx, "other")).toBe(false);
  });

  it("offers a card's reporting-line and team actions in its menu, and adding a person on empty canvas", () => {
    for (const id of ["add-report", "change-manager", "add-dotted-line", "add-to-team", "delete", "cut", "paste"]) expect(CARD_MENU).toContain(id);
    expect(CANVAS_MENU).toContain("add-person");
    const { ctx, calls } = fakeContext();
    for (const id of ["change-manager", "add-dotted-line", "add-to-team"]) registry.run(id, ctx, "menu");
    expect(calls).toEqual(["change-manager", "add-dotted-line", "add-to-team"]);
    expect(registry.isEnabled("change-manager", fakeContext({ selected: null }).ctx)).toBe(false);
    // The keyboard opens the menu too (Shift+F10, the menu key).
    expect(registry.handleKey(key("F10", { shiftKey: true }), ctx, "other")).toBe(true);
    expect(registry.handleKey(key("ContextMenu"), ctx, "other")).toBe(true);
    expect(calls.slice(-2)).toEqual(["menu", "menu"]);
  });
});
