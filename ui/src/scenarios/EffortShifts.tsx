// The compare panel's "Effort by area" section: each area whose actual effort moved, as a table with a small
// diverging bar per row (gains right, losses left), from the diff's `effort` key.
import type { EffortShift } from "../bindings";
import { fteMove, points, shareMove, shiftBar, shiftsToShow } from "./effortShift";

const HALF = 48;
const SHOWN = 50;

export function EffortShifts({ shifts, onPick }: { shifts: readonly EffortShift[] | undefined; onPick(area: number): void }) {
  const rows = shiftsToShow(shifts);
  const largest = rows.reduce((m, s) => Math.max(m, Math.abs(s.share_difference ?? 0)), 0);
  return (
    <section className="compare-section compare-effort" aria-label="Effort by area">
      <h4>Effort by area <span className="count">{rows.length}</span></h4>
      {rows.length === 0 ? <p className="muted">Actual effort is the same on every area.</p> : (
        <table>
          <thead><tr><th>Area</th><th>Share</th><th>Shift</th><th /><th>FTE</th></tr></thead>
          <tbody>
            {rows.slice(0, SHOWN).map((s) => {
              const bar = shiftBar(s, largest, HALF);
              return (
                <tr key={s.area} data-area={s.area}>
                  <th scope="row"><button type="button" className="link" onClick={() => onPick(s.area)}>{s.name}</button></th>
                  <td>{shareMove(s)}{s.target_share !== null && <span className="muted"> (target {s.target_share}%)</span>}</td>
                  <td className={(s.share_difference ?? 0) >= 0 ? "gain" : "loss"}>{points(s.share_difference)}</td>
                  <td aria-hidden="true">
                    <span className="shift-track" style={{ width: 2 * HALF }}>
                      <span className={bar.gain ? "shift-bar gain" : "shift-bar loss"} style={{ left: bar.left, width: bar.width }} />
                    </span>
                  </td>
                  <td>{fteMove(s)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && <p className="muted">and {rows.length - SHOWN} smaller shifts (in the CSV export)</p>}
    </section>
  );
}
