// The insights panel's "next quarters" list: findings that appear, change and go month by month after the as-of
// date (topograph_health::timeline through the finding_timeline command). Asked for only while open, again after
// every change of the document or of the as-of date.
import { useEffect, useState, useSyncExternalStore } from "react";
import { commands, type Error as CoreError, type Timeline } from "../bindings";
import type { AppController } from "../app/controller";
import { revealFinding } from "../insights/findingTargets";
import { asOfStore } from "./asOfStore";
import { turnText } from "./timelineText";

const QUARTERS = 4;

export function FindingTimeline({ ctl }: { ctl: AppController }) {
  const [open, setOpen] = useState(false);
  const store = asOfStore(ctl);
  const { day } = useSyncExternalStore(store.subscribe, store.snapshot);
  const { doc } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  const [shown, setShown] = useState<{ timeline: Timeline | null; error: CoreError | null }>({ timeline: null, error: null });
  useEffect(() => {
    if (!open || !doc?.document) return;
    let live = true;
    void commands.findingTimeline(QUARTERS).then((r) => {
      if (!live) return;
      setShown(r.status === "ok" ? { timeline: r.data, error: null } : { timeline: null, error: r.error });
    });
    return () => { live = false; };
  }, [open, doc, day]);
  const turns = shown.timeline?.turns ?? [];
  return (
    <details className="insights-timeline" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Next {QUARTERS} quarters{shown.timeline && open && <span className="count">{turns.length}</span>}</summary>
      {open && shown.error && <p className="insights-error"><code>{shown.error.code}</code> {shown.error.message}</p>}
      {open && !shown.timeline && !shown.error && <p className="muted">Reading the plan…</p>}
      {open && shown.timeline && (
        <>
          <p className="muted source">From {shown.timeline.from}, checked on the first day of each month.</p>
          {turns.length === 0 && <p className="muted">No finding appears or goes.</p>}
          <ul>
            {turns.map((t, i) => (
              <li key={i} data-turn={t.turn} data-month={t.month}>
                <button type="button" className={`finding turn-${t.turn}`} onClick={() => revealFinding(ctl, t.finding)} title={t.finding.threshold ? `Threshold: ${t.finding.threshold}` : undefined}>
                  {turnText(t)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
