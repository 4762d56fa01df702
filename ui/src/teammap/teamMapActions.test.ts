import { describe, expect, it } from "vitest";
import { createTeamMapRegistry, type TeamMapActionContext } from "./teamMapActions";

describe("team map actions", () => {
  const calls: string[] = [];
  const ctx = (over: Partial<TeamMapActionContext> = {}): TeamMapActionContext => ({
    hasScene: true, canGroup: true, canUngroup: true, canDelete: false,
    group: (as) => calls.push(`group:${as ?? "ask"}`), ungroup: () => calls.push("ungroup"), deleteSelected: () => calls.push("delete"), addTeam: () => calls.push("add-team"),
    autoArrange: () => calls.push("auto"), fit: () => calls.push("fit"), zoomBy: () => calls.push("zoom"), cancel: () => calls.push("cancel"),
    canvasFocused: false, step: (to) => calls.push(`step:${to}`), inspect: () => calls.push("inspect"),
    collapseState: null, anyCollapsed: false, toggleCollapsed: () => calls.push("toggle"), expandAll: () => calls.push("expand-all"),
    ...over,
  });
  const key = (k: string, mods: { ctrlKey?: boolean; shiftKey?: boolean } = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it("groups with Ctrl+G and ungroups with Ctrl+Shift+G, only when something fits", () => {
    const registry = createTeamMapRegistry();
    calls.length = 0;
    expect(registry.handleKey(key("g", { ctrlKey: true }), ctx(), "other")).toBe(true);
    expect(registry.handleKey(key("G", { ctrlKey: true, shiftKey: true }), ctx(), "other")).toBe(true);
    expect(registry.handleKey(key("g", { ctrlKey: true }), ctx({ canGroup: false }), "other")).toBe(false);
    expect(registry.handleKey(key("Delete"), ctx(), "other")).toBe(false);
    expect(registry.handleKey(key("Delete"), ctx({ canDelete: true }), "other")).toBe(true);
    expect(calls).toEqual(["group:ask", "ungroup", "delete"]);
  });

  it("collapses or expands the selected unit with C, named for what it would do, and expands all with Shift+E", () => {
    const registry = createTeamMapRegistry();
    calls.length = 0;
    expect(registry.handleKey(key("c"), ctx(), "other")).toBe(false);
    expect(registry.handleKey(key("c"), ctx({ collapseState: "open" }), "other")).toBe(true);
    expect(registry.label("map-toggle-collapsed", ctx({ collapseState: "open" }))).toBe("Collapse");
    expect(registry.label("map-toggle-collapsed", ctx({ collapseState: "collapsed" }))).toBe("Expand");
    expect(registry.handleKey(key("E", { shiftKey: true }), ctx(), "other")).toBe(false);
    expect(registry.handleKey(key("E", { shiftKey: true }), ctx({ anyCollapsed: true }), "other")).toBe(true);
    expect(calls).toEqual(["toggle", "expand-all"]);
  });

  it("adds a team with Insert once the map is shown", () => {
    const registry = createTeamMapRegistry();
    calls.length = 0;
    expect(registry.handleKey(key("Insert"), ctx(), "other")).toBe(true);
    expect(registry.handleKey(key("Insert"), ctx({ hasScene: false }), "other")).toBe(false);
    expect(calls).toEqual(["add-team"]);
  });

  it("moves the keyboard focus with the arrows, Shift+arrows and Enter only while the map's canvas has the focus", () => {
    const registry = createTeamMapRegistry();
    calls.length = 0;
    expect(registry.handleKey(key("ArrowRight"), ctx(), "other")).toBe(false);
    expect(registry.handleKey(key("Enter"), ctx(), "other")).toBe(false);
    const on = ctx({ canvasFocused: true });
    for (const k of ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Enter"]) expect(registry.handleKey(key(k), on, "other")).toBe(true);
    expect(registry.handleKey(key("ArrowDown", { shiftKey: true }), on, "other")).toBe(true);
    expect(registry.handleKey(key("ArrowUp", { shiftKey: true }), on, "other")).toBe(true);
    expect(calls).toEqual(["step:right", "step:left", "step:up", "step:down", "inspect", "step:into", "step:out"]);
  });
});
