import { describe, expect, it } from "vitest";
import type { AppView } from "../app/controller";
import { createViewRegistry, type ViewActionContext } from "./viewActions";

describe("view switching", () => {
  it("switches views with Ctrl/Cmd+1/2/3, also while typing, and only with a document", () => {
    const registry = createViewRegistry();
    const shown: AppView[] = [];
    const ctx = (hasDocument = true): ViewActionContext => ({ view: "org-chart", hasDocument, showView: (v) => shown.push(v) });
    const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; typing?: boolean } = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(registry.handleKey(key("2", { ctrlKey: true }), ctx(), "other")).toBe(true);
    expect(registry.handleKey(key("3", { metaKey: true, typing: true }), ctx(), "mac")).toBe(true);
    expect(registry.handleKey(key("1", { ctrlKey: true }), ctx(false), "other")).toBe(false);
    expect(registry.handleKey(key("2"), ctx(), "other")).toBe(false);
    expect(shown).toEqual(["team-map", "ownership"]);
    expect(registry.shortcutText("view-team-map", "other")).toMatch(/2/);
  });
});
