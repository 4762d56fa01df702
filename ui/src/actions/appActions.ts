// The org chart's actions: what the toolbar, the card menu, the shortcut list and the keyboard all run.
import type { Direction } from "../keyboard/treeNav";
import { ActionRegistry, type Action } from "./registry";
import { ZOOM_STEP } from "./cameraMoves";

export type CollapseState = "collapsed" | "expanded" | "leaf";

/** What the actions can see and do; the app shell implements it over its store, chart and panels. */
export interface ChartActionContext {
  hasDocument: boolean;
  selected: number | null;
  undoLabel: string | null;
  redoLabel: string | null;
  /** null when nothing is selected. */
  collapseState: CollapseState | null;
  /** Some card is collapsed somewhere. */
  anyCollapsed: boolean;
  /** The person cut with Ctrl/Cmd+X, waiting to be pasted under another (their name), or null. */
  cutName: string | null;
  /** A cut person and a selected card they may be moved under. */
  canPaste: boolean;
  undo(): void;
  redo(): void;
  move(dir: Direction): void;
  openInspector(): void;
  requestDelete(): void;
  /** Adds a report to the selected person; with nobody selected, a person at the top (the first is the root). */
  addReport(): void;
  /** Adds a person at the top of the chart. */
  addPerson(): void;
  /** Opens the inspector at its "Reports to" field. */
  changeManager(): void;
  /** Opens the inspector at its "Add dotted line" field. */
  addDottedLine(): void;
  /** Opens the inspector at its teams. */
  addToTeam(): void;
  cut(): void;
  paste(): void;
  /** Opens the card menu at the selected card (the canvas menu when nobody is selected), for the keyboard. */
  openMenu(): void;
  addOpenPosition(): void;
  toggleCollapsed(): void;
  expandAll(): void;
  zoomBy(factor: number): void;
  /** The composed first view: the top of the org, as many levels as can be read (canvas/firstView). */
  fit(): void;
  minimapShown: boolean;
  toggleMinimap(): void;
  /** The legend of card accents, badges and line styles is on screen. */
  legendShown: boolean;
  toggleLegend(): void;
  /** Opens the Custom fields dialog (define, edit and remove the document's fields). */
  openFields(): void;
  focusSearch(): void;
  /** Escape: cancels a drag if one is under way, else clears search highlights and the selection. */
  cancel(): void;
  toggleShortcutHelp(): void;
}

type A = Action<ChartActionContext>;
const hasSelection = (c: ChartActionContext) => c.hasDocument && c.selected !== null;

const arrow = (id: string, dir: Direction, key: string, label: string): A => ({
  id, group: "navigate", label, shortcuts: [key], repeats: true,
  enabled: (c) => c.hasDocument,
  perform: (c) => c.move(dir),
});

export const APP_ACTIONS: readonly A[] = [
  {
    id: "undo", group: "edit", label: "Undo", shortcuts: ["Mod+Z"], nativeShortcut: true,
    description: "Undo the last change",
    enabled: (c) => c.undoLabel !== null,
    perform: (c) => c.undo(),
  },
  {
    id: "redo", group: "edit", label: "Redo", shortcuts: ["Mod+Shift+Z"], nativeShortcut: true,
    description: "Redo what was undone",
    enabled: (c) => c.redoLabel !== null,
    perform: (c) => c.redo(),
  },
  {
    id: "inspect", group: "person", label: "Edit details…", shortcuts: ["Enter"],
    description: "Open the inspector on the selected person",
    enabled: hasSelection,
    perform: (c) => c.openInspector(),
  },
  {
    id: "add-report", group: "person", label: (c) => (c.selected === null ? "Add person" : "Add report"),
    shortcuts: ["Insert", "Mod+Enter"],
    description: "Add a person reporting to the selected person (with nobody selected, at the top of the chart)",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.addReport(),
  },
  {
    id: "add-person", group: "person", label: "Add person",
    description: "Add a person at the top of the chart (the first person is its root)",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.addPerson(),
  },
  {
    id: "change-manager", group: "person", label: "Change manager…", shortcuts: ["M"],
    description: "Choose who the selected person reports to, by typing a name",
    enabled: hasSelection,
    perform: (c) => c.changeManager(),
  },
  {
    id: "add-dotted-line", group: "person", label: "Add dotted line…",
    description: "Add a dotted-line manager to the selected person, by typing a name",
    enabled: hasSelection,
    perform: (c) => c.addDottedLine(),
  },
  {
    id: "add-to-team", group: "person", label: "Add to team…",
    description: "Put the selected person on a team",
    enabled: hasSelection,
    perform: (c) => c.addToTeam(),
  },
  {
    id: "open-menu", group: "person", label: "Menu", shortcuts: ["Shift+F10", "ContextMenu"],
    description: "Open the menu of the selected card",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.openMenu(),
  },
  {
    id: "cut", group: "edit", label: "Cut", shortcuts: ["Mod+X"],
    description: "Cut the selected person, to paste them (with their team) under another",
    enabled: hasSelection,
    perform: (c) => c.cut(),
  },
  {
    id: "paste", group: "edit", label: (c) => (c.cutName ? `Paste ${c.cutName} here` : "Paste"), shortcuts: ["Mod+V"],
    description: "Move the person cut with Cut (and their team) under the selected person",
    enabled: (c) => c.canPaste,
    perform: (c) => c.paste(),
  },
  {
    id: "add-open-position", group: "person", label: "Add open position", shortcuts: ["Shift+Insert", "Mod+Shift+Enter"],
    description: "Add an open position reporting to the selected person",
    enabled: hasSelection,
    perform: (c) => c.addOpenPosition(),
  },
  {
    id: "delete", group: "person", label: "Delete…", shortcuts: ["Delete", "Backspace"],
    description: "Delete the selected person (asks first)",
    enabled: hasSelection,
    perform: (c) => c.requestDelete(),
  },
  {
    id: "toggle-collapsed", group: "view",
    label: (c) => (c.collapseState === "collapsed" ? "Expand" : "Collapse"),
    description: "Fold or unfold everyone below the selected person",
    shortcuts: ["Space"],
    enabled: (c) => hasSelection(c) && c.collapseState !== null && c.collapseState !== "leaf",
    perform: (c) => c.toggleCollapsed(),
  },
  {
    id: "expand-all", group: "view", label: "Expand all", description: "Unfold every collapsed card",
    shortcuts: ["Shift+E"],
    enabled: (c) => c.hasDocument && c.anyCollapsed,
    perform: (c) => c.expandAll(),
  },
  {
    id: "zoom-in", group: "view", label: "+", description: "Zoom in", shortcuts: ["+", "=", "Mod+=", "Mod++"], repeats: true,
    enabled: (c) => c.hasDocument,
    perform: (c) => c.zoomBy(ZOOM_STEP),
  },
  {
    id: "zoom-out", group: "view", label: "−", description: "Zoom out", shortcuts: ["-", "_", "Mod+-"], repeats: true,
    enabled: (c) => c.hasDocument,
    perform: (c) => c.zoomBy(1 / ZOOM_STEP),
  },
  {
    id: "fit", group: "view", label: "Fit", description: "Fit the chart to the window: all of it when it can be read, else its top levels", shortcuts: ["0", "F", "Mod+0"],
    enabled: (c) => c.hasDocument,
    perform: (c) => c.fit(),
  },
  {
    id: "toggle-minimap", group: "view", label: (c) => (c.minimapShown ? "Hide minimap" : "Show minimap"),
    description: "Show or hide the minimap in the chart's corner", shortcuts: ["Shift+M"],
    enabled: (c) => c.hasDocument,
    perform: (c) => c.toggleMinimap(),
  },
  {
    id: "toggle-legend", group: "view", label: (c) => (c.legendShown ? "Hide legend" : "Legend"),
    description: "Show or hide what card accents, badges and line styles mean", shortcuts: ["Shift+L"],
    perform: (c) => c.toggleLegend(),
  },
  {
    id: "custom-fields", group: "view", label: "Fields…",
    description: "Define the document's custom fields: text, number, date, choice with colours, person",
    enabled: (c) => c.hasDocument,
    perform: (c) => c.openFields(),
  },
  arrow("select-manager", "up", "ArrowUp", "Select manager"),
  arrow("select-first-report", "down", "ArrowDown", "Select first report"),
  arrow("select-previous", "left", "ArrowLeft", "Select previous sibling"),
  arrow("select-next", "right", "ArrowRight", "Select next sibling"),
  {
    id: "cancel", group: "navigate", label: "Cancel", description: "Cancel a drag, or clear the search highlight and the selection",
    shortcuts: ["Escape"],
    perform: (c) => c.cancel(),
  },
  {
    id: "find", group: "search", label: "Find…", description: "Find a person by name, title or team", shortcuts: ["Mod+F", "/"],
    whileTyping: true,
    enabled: (c) => c.hasDocument,
    perform: (c) => c.focusSearch(),
  },
  {
    id: "shortcuts", group: "view", label: "Keyboard shortcuts", shortcuts: ["?"],
    perform: (c) => c.toggleShortcutHelp(),
  },
];

export function createAppRegistry(): ActionRegistry<ChartActionContext> {
  return new ActionRegistry(APP_ACTIONS);
}

/** The card menu (right click), in order; null is a separator. */
export const CARD_MENU: readonly (string | null)[] = [
  "inspect", "add-report", "add-open-position", null,
  "change-manager", "add-dotted-line", "add-to-team", null,
  "cut", "paste", null,
  "toggle-collapsed", null,
  "delete",
];

/** The menu on empty canvas. */
export const CANVAS_MENU: readonly (string | null)[] = ["add-person", null, "fit", "toggle-minimap", "toggle-legend"];
