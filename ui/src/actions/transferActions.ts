// File › Import… and File › Export data as actions, for the shortcut list and the keyboard in every view. Each runs
// the native menu's own item (the transfer_menu command), so the picker, the events and the dialog are the menu's.
import type { Platform } from "../keyboard/shortcuts";
import { ActionRegistry, shortcutRows, type Action, type ShortcutRow } from "./registry";

export interface TransferActionContext {
  hasDocument: boolean;
  /** Runs a File menu item of the transfer commands by its menu id ("import", "export-data:json", ...). */
  runMenuItem(id: string): void;
  /** Lists the Export data formats to pick from (EXPORT_DATA_MENU). */
  openExportData(): void;
}

type A = Action<TransferActionContext>;

/** The menu id of File › Import… (src-tauri/src/transfer_commands.rs MENU_IMPORT). */
export const IMPORT_MENU_ID = "import";

/** File › Export data's items: the menu ids and texts of transfer_commands::export_items. */
const EXPORT_DATA: readonly [string, string][] = [
  ["export-data:json", "Topograph JSON (whole document)…"],
  ["export-data:csv-people", "People as CSV…"],
  ["export-data:csv-units", "Units as CSV…"],
  ["export-data:csv-ownership", "Ownership as CSV…"],
  ["export-data:backstage", "Backstage catalog (YAML)…"],
  ["export-data:teamapi", "Team API files (a folder)…"],
];

export const TRANSFER_ACTIONS: readonly A[] = [
  {
    id: "import-data", group: "file", label: "Import…", shortcuts: ["Mod+I"],
    description: "Import people and teams from a CSV, JSON, Backstage or Team API file",
    perform: (c) => c.runMenuItem(IMPORT_MENU_ID),
  },
  {
    id: "export-data", group: "file", label: "Export data…", shortcuts: ["Mod+Shift+E"],
    description: "Export the data as JSON, CSV, a Backstage catalog or Team API files",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.openExportData(),
  },
  ...EXPORT_DATA.map(([id, label]): A => ({
    id, group: "file", label,
    enabled: (c) => c.hasDocument,
    perform: (c) => c.runMenuItem(id),
  })),
];

/** What "Export data…" lists, in the native submenu's order. */
export const EXPORT_DATA_MENU: readonly string[] = EXPORT_DATA.map(([id]) => id);

export function createTransferRegistry(): ActionRegistry<TransferActionContext> {
  return new ActionRegistry(TRANSFER_ACTIONS);
}

/** The transfer actions' lines for the shortcut list of another view (their texts need no context). */
export function transferShortcutRows(platform: Platform): ShortcutRow[] {
  const listing: TransferActionContext = { hasDocument: true, runMenuItem: () => {}, openExportData: () => {} };
  return shortcutRows(createTransferRegistry(), listing, platform);
}
