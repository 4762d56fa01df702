// The team map's actions: what its toolbar and keyboard run (ui/src/actions registry), over a context the view
// supplies. Listens only while the team map is on screen.
import { ActionRegistry, type Action } from "../actions/registry";
import { ZOOM_STEP } from "../actions/cameraMoves";
import type { Direction } from "../keyboard/treeNav";

export interface TeamMapActionContext {
  hasScene: boolean;
  /** Something a lasso or click selected that a new unit could be drawn around. */
  canGroup: boolean;
  /** A group is selected. */
  canUngroup: boolean;
  /** An interaction is selected. */
  canDelete: boolean;
  group(as: "team" | "group" | null): void;
  ungroup(): void;
  deleteSelected(): void;
  /** "+ Team": choose a kind, then click where it goes. */
  addTeam(): void;
  autoArrange(): void;
  fit(): void;
  zoomBy(factor: number): void;
  cancel(): void;
  /** The map's canvas has the keyboard focus (and no team is being placed): arrows and Enter are the map's. */
  canvasFocused: boolean;
  /** Moves the keyboard focus (./mapNav): to a neighbour, into a group or team, or out of it. */
  step(to: Direction | "into" | "out"): void;
  /** Opens the inspector on the focused item and puts the focus in it. */
  inspect(): void;
  /** The selected unit drawn as one box ("collapsed"), drawn open ("open"), or no single unit selected (null). */
  collapseState: "collapsed" | "open" | null;
  /** Some unit of the map is collapsed. */
  anyCollapsed: boolean;
  toggleCollapsed(): void;
  expandAll(): void;
}

type A = Action<TeamMapActionContext>;

export const TEAM_MAP_ACTIONS: readonly A[] = [
  {
    id: "add-team", group: "edit", label: "+ Team", shortcuts: ["Insert"],
    description: "Add an empty team: choose its kind, then click where it goes",
    enabled: (c) => c.hasScene,
    perform: (c) => c.addTeam(),
  },
  {
    id: "group", group: "edit", label: "Group…", shortcuts: ["Mod+G"],
    description: "Draw a new team or group around the selection",
    enabled: (c) => c.canGroup,
    perform: (c) => c.group(null),
  },
  {
    id: "group-team", group: "edit", label: "Group into team…", description: "Make a new team of the selected people and teams",
    enabled: (c) => c.canGroup,
    perform: (c) => c.group("team"),
  },
  {
    id: "group-group", group: "edit", label: "Group into group…", description: "Draw a new group around the selected teams and people",
    enabled: (c) => c.canGroup,
    perform: (c) => c.group("group"),
  },
  {
    id: "ungroup", group: "edit", label: "Ungroup", shortcuts: ["Mod+Shift+G"],
    description: "Dissolve the selected group; what it held moves up a level",
    enabled: (c) => c.canUngroup,
    perform: (c) => c.ungroup(),
  },
  {
    id: "delete-interaction", group: "edit", label: "Delete interaction", shortcuts: ["Delete", "Backspace"],
    enabled: (c) => c.canDelete,
    perform: (c) => c.deleteSelected(),
  },
  {
    id: "map-toggle-collapsed", group: "view",
    label: (c) => (c.collapseState === "collapsed" ? "Expand" : "Collapse"),
    description: "Fold the selected team or group into one box with its counts, or open it again",
    shortcuts: ["C"],
    enabled: (c) => c.collapseState !== null,
    perform: (c) => c.toggleCollapsed(),
  },
  {
    id: "map-expand-all", group: "view", label: "Expand all", description: "Open every collapsed team and group",
    shortcuts: ["Shift+E"],
    enabled: (c) => c.anyCollapsed,
    perform: (c) => c.expandAll(),
  },
  {
    id: "auto-arrange", group: "view", label: "Auto-arrange", description: "Forget where units were dragged and arrange the map automatically",
    enabled: (c) => c.hasScene,
    perform: (c) => c.autoArrange(),
  },
  {
    id: "map-fit", group: "view", label: "Fit", description: "Show the whole map", shortcuts: ["0", "F", "Mod+0"],
    enabled: (c) => c.hasScene,
    perform: (c) => c.fit(),
  },
  {
    id: "map-zoom-in", group: "view", label: "+", description: "Zoom in", shortcuts: ["+", "=", "Mod+=", "Mod++"], repeats: true,
    enabled: (c) => c.hasScene,
    perform: (c) => c.zoomBy(ZOOM_STEP),
  },
  {
    id: "map-zoom-out", group: "view", label: "−", description: "Zoom out", shortcuts: ["-", "_", "Mod+-"], repeats: true,
    enabled: (c) => c.hasScene,
    perform: (c) => c.zoomBy(1 / ZOOM_STEP),
  },
  ...(["left", "right", "up", "down"] as const).map((d): A => ({
    id: `map-focus-${d}`, group: "navigate", label: `Focus the ${d === "up" ? "unit or person above" : d === "down" ? "unit or person below" : `next unit or person to the ${d}`}`,
    shortcuts: [`Arrow${d[0]?.toUpperCase()}${d.slice(1)}`], repeats: true,
    enabled: (c) => c.canvasFocused,
    perform: (c) => c.step(d),
  })),
  {
    id: "map-focus-into", group: "navigate", label: "Into the group or team", shortcuts: ["Shift+ArrowDown"],
    description: "Focus the first unit of a group, or the first person on a team",
    enabled: (c) => c.canvasFocused,
    perform: (c) => c.step("into"),
  },
  {
    id: "map-focus-out", group: "navigate", label: "Out to the group or team", shortcuts: ["Shift+ArrowUp"],
    description: "Focus the team a person is on, or the group a unit is in",
    enabled: (c) => c.canvasFocused,
    perform: (c) => c.step("out"),
  },
  {
    id: "map-inspect", group: "navigate", label: "Open the inspector", shortcuts: ["Enter"],
    description: "Open the inspector on the focused unit or person",
    enabled: (c) => c.canvasFocused,
    perform: (c) => c.inspect(),
  },
  {
    id: "map-cancel", group: "navigate", label: "Cancel", description: "Cancel a drag, or clear the selection", shortcuts: ["Escape"],
    perform: (c) => c.cancel(),
  },
];

export function createTeamMapRegistry(): ActionRegistry<TeamMapActionContext> {
  return new ActionRegistry(TEAM_MAP_ACTIONS);
}
