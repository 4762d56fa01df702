// Undo, Redo and the History panel from the keyboard, in every view. Undo belongs to where the focus is: in a text
// field (inspector, dialog, search box) Ctrl/Cmd+Z is the field's own undo of the typing (./textUndo), so these
// actions leave the key alone there; elsewhere they undo the document. The native Edit menu's items still undo the document when
// chosen, which is why they carry no accelerator (it would take the key from a text field).
import { ActionRegistry, type Action } from "../actions/registry";

export interface HistoryActionContext {
  hasDocument: boolean;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  toggleHistory(): void;
}

type A = Action<HistoryActionContext>;

export const HISTORY_SHORTCUT = "Mod+Shift+H";

export const HISTORY_ACTIONS: readonly A[] = [
  {
    id: "doc-undo", group: "edit", label: "Undo", shortcuts: ["Mod+Z"], description: "Undo the last change to the document",
    enabled: (c) => c.hasDocument && c.canUndo,
    perform: (c) => c.undo(),
  },
  {
    id: "doc-redo", group: "edit", label: "Redo", shortcuts: ["Mod+Shift+Z"], description: "Redo what was undone",
    enabled: (c) => c.hasDocument && c.canRedo,
    perform: (c) => c.redo(),
  },
  {
    id: "history", group: "view", label: "History", shortcuts: [HISTORY_SHORTCUT], whileTyping: true,
    description: "Show or hide the document's history",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.toggleHistory(),
  },
];

export function createHistoryRegistry(): ActionRegistry<HistoryActionContext> {
  return new ActionRegistry(HISTORY_ACTIONS);
}
