// The as-of date's keyboard actions: a registry of its own that listens in every view, like the view tabs'.
import { ActionRegistry, type Action } from "../actions/registry";

export interface AsOfActionContext {
  hasDocument: boolean;
  /** The as-of date is not today. */
  dated: boolean;
  focusField(): void;
  step(quarters: number): void;
  reset(): void;
}

export const AS_OF_ACTIONS: readonly Action<AsOfActionContext>[] = [
  {
    id: "as-of-choose", group: "view", label: "Choose the as-of date…",
    description: "Type the day every view shows the org on",
    shortcuts: ["Mod+Shift+D"], whileTyping: true,
    enabled: (c) => c.hasDocument, perform: (c) => c.focusField(),
  },
  {
    id: "as-of-next-quarter", group: "view", label: "As of the next quarter",
    description: "Show every view on the first day of the next quarter",
    shortcuts: ["Alt+PageDown"], whileTyping: true,
    enabled: (c) => c.hasDocument, perform: (c) => c.step(1),
  },
  {
    id: "as-of-previous-quarter", group: "view", label: "As of the previous quarter",
    description: "Show every view on the first day of the previous quarter",
    shortcuts: ["Alt+PageUp"], whileTyping: true,
    enabled: (c) => c.hasDocument, perform: (c) => c.step(-1),
  },
  {
    id: "as-of-today", group: "view", label: "As of today",
    description: "Show the design as it is today",
    shortcuts: ["Alt+Home"], whileTyping: true,
    enabled: (c) => c.hasDocument && c.dated, perform: (c) => c.reset(),
  },
];

export function createAsOfRegistry(): ActionRegistry<AsOfActionContext> {
  return new ActionRegistry(AS_OF_ACTIONS);
}
