// What the app says to a screen reader: one polite live region (LiveRegion.tsx) for the whole window, since the
// canvases have no DOM element per card. Views call `announce`; the region shows the latest message.
import type { DocChanged, History } from "../bindings";

type Listener = () => void;

export interface Announcement {
  text: string;
  /** Grows with every call, so the same words said twice are still a change the region shows again. */
  seq: number;
}

class Announcer {
  private current: Announcement = { text: "", seq: 0 };
  private readonly listeners = new Set<Listener>();

  announce(text: string): void {
    if (text.trim() === "") return;
    this.current = { text, seq: this.current.seq + 1 };
    for (const l of [...this.listeners]) l();
  }

  readonly get = (): Announcement => this.current;

  readonly subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

export const announcer = new Announcer();
export const announce = (text: string) => announcer.announce(text);

/**
 * What an "applied" change event says: an edit, an undo or a redo of `label`. The event's label is the operation's
 * either way, so the history before and after tell them apart: an undo puts the label on the redo side, a redo
 * takes it from there back to the undo side.
 */
export function editAnnouncement(before: History | null | undefined, event: DocChanged): string | null {
  if (event.kind !== "applied") return null;
  const { label, history } = event;
  if (before?.undo === label && history.redo === label) return `Undone: ${label}`;
  if (before?.redo === label && history.undo === label) return `Redone: ${label}`;
  return `Done: ${label}`;
}
