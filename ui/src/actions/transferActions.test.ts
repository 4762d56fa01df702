import { describe, expect, it, vi } from "vitest";
import { APP_ACTIONS } from "./appActions";
import { EXPORT_ACTIONS } from "./exportActions";
import { ActionRegistry, type Action } from "./registry";
import { createTransferRegistry, EXPORT_DATA_MENU, TRANSFER_ACTIONS, transferShortcutRows, type TransferActionContext } from "./transferActions";
import { VIEW_ACTIONS } from "./viewActions";
import { TEAM_MAP_ACTIONS } from "../teammap/teamMapActions";

const context = (hasDocument: boolean) => ({ hasDocument, runMenuItem: vi.fn(), openExportData: vi.fn() }) satisfies TransferActionContext;

describe("the import and export data actions", () => {
  it("run the native menu's own items, so the picker and the dialog are the menu's", () => {
    const r = createTransferRegistry(), c = context(true);
    r.run("import-data", c, "keyboard");
    r.run("export-data:backstage", c, "menu");
    expect(c.runMenuItem.mock.calls).toEqual([["import"], ["export-data:backstage"]]);
  });

  it("offer export only with a document open, and import always (into a new document)", () => {
    const r = createTransferRegistry(), c = context(false);
    expect(r.run("export-data", c, "keyboard")).toBe(false);
    expect(EXPORT_DATA_MENU.some((id) => r.isEnabled(id, c))).toBe(false);
    expect(r.isEnabled("import-data", c)).toBe(true);
    expect(c.openExportData).not.toHaveBeenCalled();
  });

  it("list every export data format the menu has, each as an action", () => {
    const r = createTransferRegistry();
    expect(EXPORT_DATA_MENU).toHaveLength(6);
    for (const id of EXPORT_DATA_MENU) expect(r.get(id).label).toMatch(/…$/);
  });

  it("share no shortcut with any other registry, since they listen in every view", () => {
    // The constructor throws on a shortcut two actions share.
    for (const other of [APP_ACTIONS, VIEW_ACTIONS, EXPORT_ACTIONS, TEAM_MAP_ACTIONS]) {
      expect(() => new ActionRegistry([...other, ...TRANSFER_ACTIONS] as readonly Action<unknown>[])).not.toThrow();
    }
  });

  it("appear in the shortcut list with their keys", () => {
    const rows = transferShortcutRows("other");
    expect(rows.map((r) => r.id)).toEqual(["import-data", "export-data"]);
    expect(rows[0]?.keys).toEqual(["Ctrl+I"]);
  });
});
