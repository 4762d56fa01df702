// The window's one polite live region (see ./announcer): visually hidden, read by screen readers.
import { useSyncExternalStore } from "react";
import { announcer } from "./announcer";

export function LiveRegion() {
  const { text, seq } = useSyncExternalStore(announcer.subscribe, announcer.get);
  // A key per message makes the same text said again a fresh node, which screen readers read again.
  return (
    <div id="a11y-live" className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-seq={seq}>
      <span key={seq}>{text}</span>
    </div>
  );
}
