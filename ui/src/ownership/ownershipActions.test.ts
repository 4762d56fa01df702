import { describe, expect, test, vi } from "vitest";
import { createOwnershipRegistry, type OwnershipActionContext } from "./ownershipActions";

function ctx(over: Partial<OwnershipActionContext> = {}): OwnershipActionContext {
  return {
    hasDocument: true, area: 7, treeFocused: true,
    addArea: vi.fn(), addChild: vi.fn(), rename: vi.fn(), remove: vi.fn(), step: vi.fn(), shift: vi.fn(), clear: vi.fn(),
    ...over,
  };
}
const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });

describe("the ownership view's keys", () => {
  test("Insert adds an area, Tab a sub-area, F2 and Enter rename, Delete deletes", () => {
    const r = createOwnershipRegistry(), c = ctx();
    for (const k of ["Insert", "Tab", "F2", "Enter", "Delete", "ArrowDown"]) expect(r.handleKey(key(k), c, "other")).toBe(true);
    expect(c.addArea).toHaveBeenCalledOnce();
    expect(c.addChild).toHaveBeenCalledOnce();
    expect(c.rename).toHaveBeenCalledTimes(2);
    expect(c.remove).toHaveBeenCalledOnce();
    expect(c.step).toHaveBeenCalledWith("ArrowDown");
    expect(r.handleKey({ ...key("ArrowRight"), altKey: true }, c, "other")).toBe(true);
    expect(c.shift).toHaveBeenCalledWith("ArrowRight");
  });

  test("Tab, Enter, Delete and the arrows are left alone when the focus is not on the tree", () => {
    const r = createOwnershipRegistry(), c = ctx({ treeFocused: false });
    for (const k of ["Tab", "Enter", "ArrowUp", "Delete"]) expect(r.handleKey(key(k), c, "other")).toBe(false);
    expect(r.handleKey(key("F2"), c, "other")).toBe(true);
  });

  test("without a selected area only adding an area is offered", () => {
    const r = createOwnershipRegistry(), c = ctx({ area: null });
    expect(r.isEnabled("area-add", c)).toBe(true);
    for (const id of ["area-add-child-button", "area-rename", "area-delete"]) expect(r.isEnabled(id, c)).toBe(false);
  });
});
