// The one keydown listener of the app: hands each key to the action registry unless something else owns it.
import type { ActionRegistry } from "../actions/registry";
import { isActivatable, isTextEntry, type Platform } from "./shortcuts";

export interface KeyboardOptions {
  platform: Platform;
  /** A modal dialog is open and handles its own keys. */
  suspended?: () => boolean;
}

/**
 * Listens on `target` (the window) in the bubbling phase, after the chart's own listener: a key the chart used
 * (Escape cancelling a drag) arrives with defaultPrevented and is left alone. Returns the detach function.
 */
export function attachKeyboard<C>(target: Window, registry: ActionRegistry<C>, context: () => C, opts: KeyboardOptions): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || opts.suspended?.()) return;
    const used = registry.handleKey(
      {
        key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, repeat: e.repeat,
        typing: isTextEntry(e.target), activatable: isActivatable(e.target),
      },
      context(),
      opts.platform,
    );
    if (used) e.preventDefault();
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}
