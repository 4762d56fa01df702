// File › Export… (Ctrl/Cmd+E): the native menu owns the shortcut and sends ExportRequested; this entry names the
// action and its shortcut for the shortcut list and runs it from anywhere else that lists actions.
import { ActionRegistry, type Action } from "./registry";

export interface ExportActionContext {
  hasDocument: boolean;
  openExport(): void;
}

export const EXPORT_ACTIONS: readonly Action<ExportActionContext>[] = [
  {
    id: "export-diagram", group: "view", label: "Export…", shortcuts: ["Mod+E"], nativeShortcut: true,
    description: "Export the diagram as SVG, PDF or PNG",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.openExport(),
  },
];

export function createExportRegistry(): ActionRegistry<ExportActionContext> {
  return new ActionRegistry(EXPORT_ACTIONS);
}
