// The hiring timeline in the Plan view's side panel: one track per open position or planned hire behind the picked
// cell, split into the table's periods, with a marker on the hire's target start. Dragging the marker along the
// track (or the arrow keys on it) sets the target start to the period it is dropped in. Logic: ./timeline.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { Person } from "../bindings";
import { displayName } from "./planModel";
import { endDrag, keyTarget, markerShare, moveDrag, periodIndexOf, startDrag, type Drag, type Track } from "./timeline";

/** More tracks than this and the list says how many it left out: a group can hold thousands of openings. */
const MAX_TRACKS = 40;

export function HiringTimeline({ periods, hires, onMove }: {
  periods: readonly string[];
  hires: readonly Person[];
  /** Sets the hire's target start to the period label; answers the refusal's message, or null. */
  onMove: (person: Person, period: string) => Promise<string | null>;
}) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const [problem, setProblem] = useState<{ person: number; message: string } | null>(null);
  const tracks = useRef(new Map<number, HTMLDivElement>());
  const count = periods.length;
  const perYear = periods[0]?.includes("Q") ? 4 : 12;

  const trackOf = (person: number): Track | null => {
    const el = tracks.current.get(person);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, width: r.width, count };
  };
  const move = async (hire: Person, index: number) => {
    const period = periods[index];
    if (period === undefined) return;
    const refusal = await onMove(hire, period);
    setProblem(refusal ? { person: hire.id, message: refusal } : null);
  };

  const onPointerDown = (hire: Person, at: number | null) => (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    setDrag(startDrag(hire.id, at ?? -1, e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const track = trackOf(drag.person);
    if (track) setDrag(moveDrag(drag, track, e.clientX));
  };
  const onPointerUp = (hire: Person) => () => {
    if (!drag) return;
    const to = endDrag(drag);
    setDrag(null);
    if (to !== null) void move(hire, to);
  };
  const onKeyDown = (hire: Person, at: number | null) => (e: KeyboardEvent<HTMLDivElement>) => {
    const to = keyTarget(e.key, at, count, perYear);
    if (to === null) return;
    e.preventDefault();
    void move(hire, to);
  };

  if (hires.length === 0) return <p className="muted">No open positions or planned hires here.</p>;
  const shown = hires.slice(0, MAX_TRACKS);
  return (
    <div className="plan-timeline">
      <div className="plan-timeline-axis" aria-hidden="true">
        <span />
        <div className="plan-timeline-periods">{periods.map((p) => <span key={p}>{p}</span>)}</div>
      </div>
      <ul>
        {shown.map((hire) => {
          const at = periodIndexOf(periods, hire.target_start);
          const dragging = drag?.person === hire.id && drag.moved;
          const showAt = dragging ? drag.at : at;
          const name = displayName(hire);
          const where = at === null ? "no target start" : at < 0 ? `before ${periods[0]}` : at >= count ? `after ${periods[count - 1]}` : periods[at];
          return (
            <li key={hire.id} data-hire={hire.id}>
              <span className="plan-timeline-name" title={name}>{name}</span>
              <div
                ref={(el) => { if (el) tracks.current.set(hire.id, el); else tracks.current.delete(hire.id); }}
                className={`plan-timeline-track${dragging ? " dragging" : ""}`}
                role="slider"
                tabIndex={0}
                aria-label={`Target start of ${name} on the timeline`}
                aria-valuemin={0}
                aria-valuemax={Math.max(0, count - 1)}
                aria-valuenow={at === null ? undefined : Math.min(count - 1, Math.max(0, at))}
                aria-valuetext={hire.target_start ? `${hire.target_start} (${where})` : where}
                data-period={at !== null && at >= 0 && at < count ? periods[at] : ""}
                title="Drag the marker to another period, or use the arrow keys"
                onPointerDown={onPointerDown(hire, at)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp(hire)}
                onPointerCancel={() => setDrag(null)}
                onKeyDown={onKeyDown(hire, at)}
              >
                {periods.map((p) => <span key={p} className="plan-timeline-slot" />)}
                {showAt !== null && (
                  <span
                    className={`plan-timeline-marker${hire.status === "planned-hire" ? " planned" : ""}${showAt < 0 || showAt >= count ? " outside" : ""}`}
                    style={{ left: `${markerShare(showAt, count) * 100}%` }}
                  />
                )}
              </div>
              {problem?.person === hire.id && <span className="error" role="alert">{problem.message}</span>}
            </li>
          );
        })}
      </ul>
      {hires.length > shown.length && <p className="muted">and {hires.length - shown.length} more; pick a smaller unit to see them.</p>}
    </div>
  );
}
