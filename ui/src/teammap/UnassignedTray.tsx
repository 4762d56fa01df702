// The "Unassigned" tray beside the team map: everyone on no team, dragged from here onto a team (a real pointer
// drag: the drop target is found on the map's canvas through its handle). A click selects, Shift+click adds to the
// selection, so "Group into team…" can make a team of them.
import { useEffect, useRef, useState, type MutableRefObject, type PointerEvent as ReactPointerEvent } from "react";
import type { Person } from "../bindings";
import { displayName } from "../inspector/deletePlan";
import type { TeamMapHandle } from "./TeamMapCanvas";
import type { TeamMapIndex } from "./mapIndex";

/** Rows drawn at most; a filter finds the rest (an import can leave thousands on no team). */
const SHOWN = 200;
/** Pointer travel before a press becomes a drag, in CSS px. */
const DRAG_SLOP = 4;

export interface UnassignedTrayProps {
  persons: readonly Person[];
  selected: ReadonlySet<number>;
  handle: MutableRefObject<TeamMapHandle | null>;
  onSelect(id: number, additive: boolean): void;
  /** Whether the person may land on the unit at scene index `i` (-1: no unit there). */
  verdict(person: Person, i: number, idx: TeamMapIndex): { ok: boolean; reason?: string };
  onDrop(person: Person, i: number, idx: TeamMapIndex): void;
}

interface Drag {
  person: Person;
  startX: number;
  startY: number;
  moved: boolean;
}

export function UnassignedTray(props: UnassignedTrayProps) {
  const [filter, setFilter] = useState("");
  // Hidden, the tray folds to a strip that keeps the count in sight and gives the map the room.
  const [open, setOpen] = useState(true);
  const [ghost, setGhost] = useState<{ x: number; y: number; name: string; reason?: string } | null>(null);
  const drag = useRef<Drag | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  const q = filter.trim().toLowerCase();
  const matching = q === "" ? props.persons : props.persons.filter((p) => `${p.name} ${p.title}`.toLowerCase().includes(q));
  const shown = matching.slice(0, SHOWN);

  // The drag follows the pointer over the whole window: it starts here and ends on the canvas.
  useEffect(() => {
    const target = (e: PointerEvent) => {
      const h = propsRef.current.handle.current;
      const idx = h?.index() ?? null;
      const w = h?.worldAt(e.clientX, e.clientY) ?? null;
      if (!h || !idx || !w) return null;
      return { h, idx, i: idx.unitAtPoint(w.x, w.y) };
    };
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_SLOP) return;
      d.moved = true;
      const t = target(e);
      const v = t ? propsRef.current.verdict(d.person, t.i, t.idx) : { ok: false, reason: "Drop onto a team on the map" };
      propsRef.current.handle.current?.showDrop(t && t.i >= 0 ? { i: t.i, ok: v.ok, reason: v.reason } : null);
      setGhost({ x: e.clientX, y: e.clientY, name: displayName(d.person), reason: v.ok ? undefined : v.reason });
    };
    const up = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      drag.current = null;
      setGhost(null);
      propsRef.current.handle.current?.showDrop(null);
      if (!d.moved) return propsRef.current.onSelect(d.person.id, e.shiftKey);
      const t = target(e);
      if (t && t.i >= 0 && propsRef.current.verdict(d.person, t.i, t.idx).ok) propsRef.current.onDrop(d.person, t.i, t.idx);
    };
    const cancel = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !drag.current) return;
      e.preventDefault();
      drag.current = null;
      setGhost(null);
      propsRef.current.handle.current?.showDrop(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("keydown", cancel, true);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", cancel, true);
    };
  }, []);

  const press = (e: ReactPointerEvent, person: Person) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging
    drag.current = { person, startX: e.clientX, startY: e.clientY, moved: false };
  };

  if (props.persons.length === 0) return null;
  if (!open) {
    return (
      <button type="button" className="tray-toggle" onClick={() => setOpen(true)} aria-label="Show unassigned people">
        <span className="tray-toggle-label">Unassigned <span className="count">{props.persons.length}</span></span>
      </button>
    );
  }
  return (
    <aside className="unassigned-tray" aria-label="Unassigned">
      <div className="tray-head">
        <h3>Unassigned <span className="count">{props.persons.length}</span></h3>
        <button type="button" className="icon" onClick={() => setOpen(false)} aria-label="Hide unassigned people" title="Hide">×</button>
      </div>
      <p className="muted small">Drag people onto a team.</p>
      {props.persons.length > 10 && (
        <input className="tray-filter" aria-label="Filter unassigned people" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      <ul>
        {shown.map((p) => (
          <li key={p.id} className={props.selected.has(p.id) ? "tray-person selected" : "tray-person"} data-person={p.id}
            onPointerDown={(e) => press(e, p)} title={`${displayName(p)}${p.title ? ` · ${p.title}` : ""}`}>
            <span className="tray-name">{displayName(p)}</span>
            {p.title && <span className="muted tray-title">{p.title}</span>}
          </li>
        ))}
      </ul>
      {matching.length > shown.length && <p className="muted small">{(matching.length - shown.length).toLocaleString()} more: filter to find them.</p>}
      {ghost && (
        <div className="tray-ghost" style={{ left: ghost.x + 12, top: ghost.y + 8 }} aria-hidden="true">
          {ghost.name}{ghost.reason && <span className="muted"> · {ghost.reason}</span>}
        </div>
      )}
    </aside>
  );
}
