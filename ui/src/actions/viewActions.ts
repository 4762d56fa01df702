// Switching views (tabs, Ctrl/Cmd+1…5): a registry of its own, listening in every view, while each view's
// registry only listens while its view is on screen (their plain-key shortcuts would otherwise fire twice).
import type { AppView } from "../app/controller";
import { ActionRegistry, type Action } from "./registry";

export interface ViewActionContext {
  view: AppView;
  hasDocument: boolean;
  showView(view: AppView): void;
}

const show = (id: AppView, n: number, label: string): Action<ViewActionContext> => ({
  id: `view-${id}`, group: "view", label, description: `Show the ${label.toLowerCase()}`,
  shortcuts: [`Mod+${n}`],
  // Switching views is safe while a text field has the focus: it never types.
  whileTyping: true,
  enabled: (c) => c.hasDocument,
  perform: (c) => c.showView(id),
});

export const VIEW_ACTIONS: readonly Action<ViewActionContext>[] = [
  show("org-chart", 1, "Org chart"),
  show("team-map", 2, "Team map"),
  show("ownership", 3, "Ownership"),
  show("plan", 4, "Plan"),
  show("sheet", 5, "Sheet"),
];

export function createViewRegistry(): ActionRegistry<ViewActionContext> {
  return new ActionRegistry(VIEW_ACTIONS);
}
