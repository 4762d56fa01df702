// The toolbar's action groups, folded into a "More" menu from the least needed when the window is too narrow for
// all of them (toolbarFit.ts decides which). The groups hold the action registry's buttons, in the menu as well.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { foldedGroups } from "./toolbarFit";
import "./chrome.css";

export interface ToolbarGroup {
  id: string;
  /** The group's name, read out and shown as the heading in the More menu. */
  label: string;
  /** Lower folds first. */
  priority: number;
  node: ReactNode;
}

const GAP = 12;
/** Until the More button has been measured once. */
const MORE_WIDTH = 72;

export function ToolbarGroups({ groups }: { groups: readonly ToolbarGroup[] }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const widths = useRef(new Map<string, number>());
  const [folded, setFolded] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);

  // Measured after every render (labels change with the selection), before paint, so nothing flickers past the edge.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    for (const el of host.querySelectorAll<HTMLElement>(":scope > [data-group]")) widths.current.set(el.dataset.group as string, el.offsetWidth);
    const sizes = groups.map((g) => ({ id: g.id, priority: g.priority, width: widths.current.get(g.id) ?? 120 }));
    const next = foldedGroups(sizes, { available: host.clientWidth, fixed: 0, gap: GAP, more: moreRef.current?.offsetWidth ?? MORE_WIDTH });
    if (next.join() !== folded.join()) setFolded(next);
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const ro = new ResizeObserver(() => setTick((n) => n + 1));
    ro.observe(host);
    return () => ro.disconnect();
  }, []);
  void tick;

  const hidden = groups.filter((g) => folded.includes(g.id));
  return (
    <div className="toolbar-groups" ref={hostRef}>
      {groups.filter((g) => !folded.includes(g.id)).map((g) => (
        <span key={g.id} className="toolbar-group" role="group" aria-label={g.label} data-group={g.id}>{g.node}</span>
      ))}
      {hidden.length > 0 && (
        <button
          ref={moreRef}
          type="button"
          className="toolbar-more"
          aria-haspopup="menu"
          aria-expanded={open}
          title={`More: ${hidden.map((g) => g.label).join(", ")}`}
          onClick={() => setOpen((o) => !o)}
        >
          More ▾
        </button>
      )}
      {open && hidden.length > 0 && <OverflowMenu groups={hidden} anchor={moreRef.current} onClose={() => setOpen(false)} />}
    </div>
  );
}

function OverflowMenu({ groups, anchor, onClose }: { groups: readonly ToolbarGroup[]; anchor: HTMLElement | null; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("button:not(:disabled), select:not(:disabled)")?.focus();
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node) && !anchor?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose, anchor]);
  const r = anchor?.getBoundingClientRect();
  // Right-aligned under the button, inside the window.
  const right = r ? Math.max(4, window.innerWidth - r.right) : 8;
  return (
    <div
      ref={ref}
      className="toolbar-overflow"
      role="menu"
      aria-label="More actions"
      style={{ top: (r?.bottom ?? 40) + 4, right }}
      onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); onClose(); anchor?.focus(); } }}
      // A button pressed in the menu has done its work: the menu closes (a select stays open until chosen).
      onClick={(e) => { if ((e.target as HTMLElement).closest("button")) onClose(); }}
    >
      {groups.map((g) => (
        <section key={g.id} className="toolbar-overflow-group" role="group" aria-label={g.label} data-group={g.id}>
          <h3>{g.label}</h3>
          <div className="toolbar-overflow-items">{g.node}</div>
        </section>
      ))}
    </div>
  );
}
