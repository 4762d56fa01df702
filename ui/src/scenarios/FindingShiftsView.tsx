// Compare's health findings that appear in the "to" scenario and disappear from the "from" one (not only their
// counts), from the diff's `findings` key.
import type { Finding, FindingShifts } from "../bindings";

const SHOWN = 50;

function FindingList({ title, kind, list }: { title: string; kind: "appear" | "disappear"; list: readonly Finding[] }) {
  return (
    <div className={`compare-findings-${kind}`}>
      <h4>{title} <span className="count">{list.length}</span></h4>
      {list.length === 0 ? <p className="muted">None.</p> : (
        <ul>
          {list.slice(0, SHOWN).map((f) => (
            <li key={`${f.check}:${f.entity_kind}:${f.entity_id}`} data-check={f.check} data-severity={f.severity}>
              <span className={`severity ${f.severity}`}>{f.severity}</span> <strong>{f.entity_name}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {list.length > SHOWN && <p className="muted">and {list.length - SHOWN} more (in the exports)</p>}
    </div>
  );
}

export function FindingShiftsView({ shifts, to, from }: { shifts: FindingShifts | undefined; from: string; to: string }) {
  if (!shifts) return null;
  return (
    <section className="compare-section compare-findings" aria-label="Health findings that change">
      <FindingList title={`Findings that appear in ${to}`} kind="appear" list={shifts.appear} />
      <FindingList title={`Findings that disappear from ${from}`} kind="disappear" list={shifts.disappear} />
    </section>
  );
}
