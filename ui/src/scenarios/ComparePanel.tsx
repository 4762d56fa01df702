// Compare two scenarios: the change list by kind, the numbers side by side, people impact, exports and promote.
import { useEffect, useMemo, useState } from "react";
import type { Scenario } from "../bindings";
import type { AppController } from "../app/controller";
import type { Diff, DiffChange } from "./diffTypes";
import { compareScenarios, exportComparison, promoteScenario } from "./scenarioCommands";
import { baselineOf, difference, figure, focusOf, sectionsOf, transition } from "./scenarioModel";

/** Long sections show this many rows until asked for all (1,000 moves in a 10k reorg). */
const SHOWN = 100;

export function ComparePanel({ ctl, scenarios, onClose }: { ctl: AppController; scenarios: readonly Scenario[]; onClose: () => void }) {
  const baseline = baselineOf(scenarios);
  const active = ctl.snapshot().doc?.active_scenario ?? null;
  const [from, setFrom] = useState<number | undefined>(baseline?.id);
  const [to, setTo] = useState<number | undefined>(
    active !== null && active !== baseline?.id ? active : scenarios.find((s) => s.id !== baseline?.id)?.id,
  );
  const [diff, setDiff] = useState<Diff | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let live = true;
    setLoading(true);
    void compareScenarios(from, to).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.status === "ok") setDiff(r.data);
      else ctl.fail(r.error);
    });
    return () => { live = false; };
  }, [ctl, from, to]);

  const sections = useMemo(() => sectionsOf(diff?.changes ?? []), [diff]);
  const focus = (c: DiffChange) => {
    const f = focusOf(c);
    ctl.setView(f.view);
    if (f.person !== undefined) ctl.selectPerson(f.person);
    else if (f.unit !== undefined) ctl.selectUnit(f.unit);
  };
  const stem = diff ? `${diff.from} to ${diff.to}` : "comparison";
  const picker = (label: string, value: number | undefined, set: (id: number) => void) => (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => set(Number(e.target.value))}>
        {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}{s.archived ? " (archived)" : ""}</option>)}
      </select>
    </label>
  );

  return (
    <aside className="compare-panel" aria-label="Compare scenarios" onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}>
      <div className="compare-head">
        <h2>Compare</h2>
        {picker("From", from, setFrom)}
        {picker("to", to, setTo)}
        <button type="button" onClick={onClose} aria-label="Close compare">×</button>
      </div>
      <div className="compare-actions">
        <button type="button" disabled={!diff || from === undefined || to === undefined} onClick={() => void exportComparison(ctl, from!, to!, "csv", stem)}>
          Export CSV…
        </button>
        <button type="button" disabled={!diff || from === undefined || to === undefined} onClick={() => void exportComparison(ctl, from!, to!, "markdown", stem)}>
          Export checklist…
        </button>
        <button type="button" disabled={to === undefined || to === baseline?.id} onClick={() => { if (to !== undefined) void promoteScenario(ctl, to).then((ok) => ok && onClose()); }}>
          Promote “{scenarios.find((s) => s.id === to)?.name}” to baseline
        </button>
      </div>
      {loading && !diff && <p className="muted">Comparing…</p>}
      {diff && (
        <div className="compare-body">
          <table className="compare-numbers">
            <thead>
              <tr><th /><th>{diff.from}</th><th>{diff.to}</th><th>Difference</th></tr>
            </thead>
            <tbody>
              {diff.numbers.map((n) => (
                <tr key={n.key} className={n.difference === 0 ? undefined : "changed"}>
                  <th scope="row">{n.label}</th>
                  <td>{figure(n.before)}</td>
                  <td>{figure(n.after)}</td>
                  <td>{difference(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sections.length === 0 && <p className="muted">No changes between these scenarios.</p>}
          {sections.map((s, i) => (
            <ChangeSectionView key={s.kind} group={i === 0 || sections[i - 1]!.group !== s.group ? s.group : null} title={s.title} changes={s.changes} onPick={focus} />
          ))}
          {diff.impact.length > 0 && (
            <details className="compare-impact">
              <summary>People impact ({diff.impact.length} managers)</summary>
              <ul>
                {diff.impact.map((m) => (
                  <li key={m.manager.id}>
                    <strong>{m.manager.name}</strong>: +{m.joining.length} −{m.leaving.length}
                    <ul>
                      {m.joining.map((j) => <li key={`j${j.person.id}`}>+ {j.person.name} <span className="muted">({j.via})</span></li>)}
                      {m.leaving.map((l) => <li key={`l${l.person.id}`}>− {l.person.name} <span className="muted">({l.via})</span></li>)}
                    </ul>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </aside>
  );
}

function ChangeSectionView(props: { group: string | null; title: string; changes: DiffChange[]; onPick: (c: DiffChange) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? props.changes : props.changes.slice(0, SHOWN);
  return (
    <section className="compare-section">
      {props.group && <h3>{props.group}</h3>}
      <h4>{props.title} <span className="count">{props.changes.length}</span></h4>
      <ul>
        {shown.map((c) => (
          <li key={`${c.kind}${c.subject.id}`}>
            <button type="button" className="compare-row" data-kind={c.kind} data-id={c.subject.id} onClick={() => props.onPick(c)}>
              <span className="name">{c.subject.name}</span> <span className="muted">{transition(c)}</span>
            </button>
          </li>
        ))}
      </ul>
      {!all && props.changes.length > SHOWN && (
        <button type="button" className="link" onClick={() => setAll(true)}>Show all {props.changes.length}</button>
      )}
    </section>
  );
}
