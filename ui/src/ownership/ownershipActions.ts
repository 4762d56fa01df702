// The ownership view's actions on the area tree: what its toolbar and keyboard run (ui/src/actions registry),
// over a context the view supplies. Listens only while the Ownership tab is on screen.
import { ActionRegistry, type Action } from "../actions/registry";

export interface OwnershipActionContext {
  /** The document is open (areas can be added). */
  hasDocument: boolean;
  /** The selected area, or null. */
  area: number | null;
  /** The focus is on the tree (the map's canvas or the matrix), where Tab, Enter and the arrows edit it. */
  treeFocused: boolean;
  addArea(): void;
  addChild(): void;
  rename(): void;
  remove(): void;
  step(key: string): void;
  /** Alt+arrows: move the selected area among its siblings, into the one above, or out of its parent. */
  shift(key: string): void;
  clear(): void;
}

type A = Action<OwnershipActionContext>;

export const OWNERSHIP_ACTIONS: readonly A[] = [
  {
    id: "area-add", group: "edit", label: "+ Area", shortcuts: ["Insert"],
    description: "Add a product area (after the selected one, or at the top level)",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.addArea(),
  },
  {
    id: "area-add-child", group: "edit", label: "+ Sub-area", shortcuts: ["Tab"],
    description: "Add a product area inside the selected one",
    // Tab only while the tree has the focus; elsewhere it moves the focus as usual.
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.addChild(),
  },
  {
    id: "area-add-child-button", group: "edit", label: "+ Sub-area",
    description: "Add a product area inside the selected one",
    enabled: (c) => c.area !== null,
    perform: (c) => c.addChild(),
  },
  {
    id: "area-rename", group: "edit", label: "Rename", shortcuts: ["F2"],
    description: "Rename the selected area in place",
    enabled: (c) => c.area !== null,
    perform: (c) => c.rename(),
  },
  {
    id: "area-rename-enter", group: "edit", label: "Rename", shortcuts: ["Enter"],
    description: "Rename the selected area in place",
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.rename(),
  },
  {
    id: "area-delete", group: "edit", label: "Delete area", shortcuts: ["Delete", "Backspace"],
    description: "Delete the selected area with everything under it (asks first when that is more than the area)",
    // Only from the tree: a Delete pressed on a toolbar button must not take an area away.
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.remove(),
  },
  {
    id: "area-up", group: "navigate", label: "Area above", shortcuts: ["ArrowUp"], repeats: true,
    enabled: (c) => c.treeFocused,
    perform: (c) => c.step("ArrowUp"),
  },
  {
    id: "area-down", group: "navigate", label: "Area below", shortcuts: ["ArrowDown"], repeats: true,
    enabled: (c) => c.treeFocused,
    perform: (c) => c.step("ArrowDown"),
  },
  {
    id: "area-first", group: "navigate", label: "First area", shortcuts: ["Home"], repeats: true,
    enabled: (c) => c.treeFocused,
    perform: (c) => c.step("Home"),
  },
  {
    id: "area-last", group: "navigate", label: "Last area", shortcuts: ["End"], repeats: true,
    enabled: (c) => c.treeFocused,
    perform: (c) => c.step("End"),
  },
  {
    id: "area-move-up", group: "edit", label: "Move area up", shortcuts: ["Alt+ArrowUp"],
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.shift("ArrowUp"),
  },
  {
    id: "area-move-down", group: "edit", label: "Move area down", shortcuts: ["Alt+ArrowDown"],
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.shift("ArrowDown"),
  },
  {
    id: "area-indent", group: "edit", label: "Move into the area above", shortcuts: ["Alt+ArrowRight"],
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.shift("ArrowRight"),
  },
  {
    id: "area-outdent", group: "edit", label: "Move out of its parent", shortcuts: ["Alt+ArrowLeft"],
    enabled: (c) => c.area !== null && c.treeFocused,
    perform: (c) => c.shift("ArrowLeft"),
  },
  {
    id: "area-clear", group: "navigate", label: "Clear selection", shortcuts: ["Escape"],
    perform: (c) => c.clear(),
  },
];

export function createOwnershipRegistry(): ActionRegistry<OwnershipActionContext> {
  return new ActionRegistry(OWNERSHIP_ACTIONS);
}
