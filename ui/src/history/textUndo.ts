// Ctrl/Cmd+Z (and Shift for redo) in a text field undoes the typing there. WebKitGTK binds no key to its editor's
// undo, so the field would otherwise do nothing (and a native menu accelerator used to undo the document instead):
// the key is turned into the editor's own undo command, and its default action is stopped so a webview that does
// have the binding does not undo twice.
import { isTextEntry, type Platform } from "../keyboard/shortcuts";

export interface TextKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The editing command a key means in a text field ("undo" / "redo"), or null for any other key. */
export function textUndoCommand(e: TextKey, platform: Platform): "undo" | "redo" | null {
  const mod = platform === "mac" ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey || e.key.toLowerCase() !== "z") return null;
  return e.shiftKey ? "redo" : "undo";
}

/** Listens on the window; returns the detach function. */
export function attachTextUndo(target: Window, platform: Platform): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || !isTextEntry(e.target)) return;
    const command = textUndoCommand(e, platform);
    if (!command) return;
    e.preventDefault();
    // execCommand is deprecated but is still the only way to reach the field's own undo stack.
    target.document.execCommand(command);
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}
