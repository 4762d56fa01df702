// Compare two scenarios: the change list by kind, the numbers side by side, headcount and cost per period, the
// health findings that appear and disappear, the effort shift by area, people impact, exports and promote. It opens
// as its own view over the whole window body; "Show on chart" folds it into a side panel beside the chart.
import { useEffect, useMemo, useState } from "react";
import type { Scenario } from "../bindings";
import type { AppController } from "../app/controller";
import type { Diff, DiffChange } from "./diffTypes";
import { compareScenarios, exportComparison, promoteScenario, switchScenario } from "./scenarioCommands";
import { baselineOf, difference, figure, focusOf, sectionsOf, transition } from "./scenarioModel";
import { compareMarksOf, MARK_STYLES, type CompareMarks } from "./compareHighlights";
import { AREA_MARK_STYLES } from "./ownershipMarks";
import { compareMarksStore } from "./compareMarksStore";
import { EffortShifts } from "./EffortShifts";
import { OverTimeSection } from "./OverTimeSection";
import { compareOptionsOf, currenciesOf, type OverTimePicks } from "./overTimeModel";
import { FindingShiftsView } from "./FindingShiftsView";

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
  /** The "to" scenario the diff shown was computed for (the pickers may already name another pair). */
  const [diffTo, setDiffTo] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [onChart, setOnChart] = useState(false);
  // Empty days and currency: a year of quarters from today in the document's reporting currency.
  const [picks, setPicks] = useState<OverTimePicks>({ by: "quarter", from: "", to: "", currency: "" });
  const currencies = currenciesOf(ctl.snapshot().doc?.records.plan_settings);

  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let live = true;
    setLoading(true);
    void compareScenarios(from, to, compareOptionsOf(picks)).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.status === "ok") { setDiff(r.data); setDiffTo(to); }
      else ctl.fail(r.error);
    });
    return () => { live = false; };
  }, [ctl, from, to, picks]);

  const sections = useMemo(() => sectionsOf(diff?.changes ?? []), [diff]);
  const marks = useMemo(() => (diff ? compareMarksOf(diff) : null), [diff]);
  // Compare mode draws on the proposal's chart: open it, and clear the marks when turned off or closed.
  useEffect(() => {
    if (!onChart || !marks || diffTo === undefined) return;
    compareMarksStore.set({ scenario: diffTo, marks });
    if (ctl.snapshot().doc?.active_scenario !== diffTo) void switchScenario(ctl, diffTo);
    ctl.setView("org-chart");
    return () => compareMarksStore.set(null);
  }, [ctl, onChart, marks, diffTo]);
  const focus = (c: DiffChange) => {
    // A leaver has no card on the proposal's chart: their old manager stands in for them.
    if (onChart && c.kind === "person-left") {
      ctl.setView("org-chart");
      ctl.selectPerson(c.from_id);
      return;
    }
    const f = focusOf(c);
    ctl.setView(f.view);
    if (f.person !== undefined) ctl.selectPerson(f.person);
    else if (f.unit !== undefined) ctl.selectUnit(f.unit);
    else if (f.area !== undefined) compareMarksStore.focusArea(f.area);
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
    <aside className={onChart ? "compare-panel" : "compare-panel compare-view"} aria-label="Compare scenarios" onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}>
      <div className="compare-head">
        <h2>Compare</h2>
        {picker("From", from, setFrom)}
        {picker("to", to, setTo)}
        <button type="button" onClick={onClose} aria-label="Close compare">×</button>
      </div>
      <label className="compare-on-chart">
        <input type="checkbox" checked={onChart} disabled={!diff} onChange={(e) => setOnChart(e.target.checked)} /> Show on chart
      </label>
      {onChart && marks && <MarksLegend marks={marks} onPickManager={(id) => { ctl.setView("org-chart"); ctl.selectPerson(id); }} />}
      <div className="compare-actions">
        <button type="button" disabled={!diff || from === undefined || to === undefined} onClick={() => void exportComparison(ctl, from!, to!, "csv", stem, compareOptionsOf(picks))}>
          Export CSV…
        </button>
        <button type="button" disabled={!diff || from === undefined || to === undefined} onClick={() => void exportComparison(ctl, from!, to!, "markdown", stem, compareOptionsOf(picks))}>
          Export checklist…
        </button>
        <button type="button" disabled={to === undefined || to === baseline?.id} onClick={() => { if (to !== undefined) void promoteScenario(ctl, to).then((ok) => ok && onClose()); }}>
          Promote “{scenarios.find((s) => s.id === to)?.name}” to baseline
        </button>
      </div>
      {loading && !diff && <p className="muted">Comparing…</p>}
      {diff && (
        <div className="compare-body">
          <div className="compare-over-time-column">
            <OverTimeSection o={diff.over_time} from={diff.from} to={diff.to} picks={picks} currencies={currencies} onPicks={setPicks} />
            <FindingShiftsView shifts={diff.findings} from={diff.from} to={diff.to} />
          </div>
          <div className="compare-changes-column">
          <table className="compare-numbers">
            <thead>
              <tr><th /><th>{diff.from}</th><th>{diff.to}</th><th>Difference</th></tr>
            </thead>
            <tbody>
              {diff.numbers.map((n) => (
                <tr key={n.key} className={n.difference === 0 || n.difference === null ? undefined : "changed"}>
                  <th scope="row">{n.label}</th>
                  <td>{figure(n.before)}</td>
                  <td>{figure(n.after)}</td>
                  <td>{difference(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <EffortShifts shifts={diff.effort} onPick={(area) => { ctl.setView("ownership"); compareMarksStore.focusArea(area); }} />
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

function ownershipSummary(marks: CompareMarks): string {
  const n = (kind: string) => [...marks.ownership.areas.values()].filter((m) => m.kind === kind).length;
  const parts = AREA_MARK_STYLES.map((s) => `${n(s.kind)} ${s.label.toLowerCase()}`);
  return [...parts, `${marks.ownership.removed.length} removed`].join(", ");
}

/** What the chart's colours mean, and the people who left (they have no card on the proposal's chart). */
function MarksLegend({ marks, onPickManager }: { marks: CompareMarks; onPickManager: (id: number) => void }) {
  return (
    <div className="compare-legend" role="group" aria-label="Chart legend">
      <ul>
        {MARK_STYLES.map((s) => (
          <li key={s.kind} data-mark={s.kind}>
            <span className="swatch" style={{ borderColor: s.stroke, background: s.fill }} /> {s.label}{" "}
            <span className="count">{marks.byKind.get(s.kind)?.size ?? 0}</span>
          </li>
        ))}
      </ul>
      <p className="muted">On the Ownership tab: {ownershipSummary(marks)}. Managers of people who left carry a “−N left” badge.</p>
      {marks.ghosts.length > 0 && (
        <details className="compare-ghosts">
          <summary>Left <span className="count">{marks.ghosts.length}</span></summary>
          <ul>
            {marks.ghosts.slice(0, SHOWN).map((g) => (
              <li key={g.person.id} className="ghost" data-id={g.person.id}>
                <span className="name">{g.person.name}</span>{" "}
                {g.manager ? (
                  <button type="button" className="link" onClick={() => onPickManager(g.manager!.id)}>was under {g.manager.name}</button>
                ) : (
                  <span className="muted">had no manager</span>
                )}
              </li>
            ))}
          </ul>
          {marks.ghosts.length > SHOWN && <p className="muted">and {marks.ghosts.length - SHOWN} more in the change list</p>}
        </details>
      )}
    </div>
  );
}
