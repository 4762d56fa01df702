// The Plan view (fourth tab): the unit tree down the side, quarters or months across; each cell the headcount
// (+ open positions and planned hires), FTE and cost against budget, over-budget cells marked. Clicking a cell
// lists the people behind it (a hire's target start and stage, a leaver's end date editable there), the unit's
// budgets, and a timeline on which a hire's target start is dragged to another period. The figures come from
// topograph-plan through the plan_table command; the document's currencies are edited from the controls.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { commands, type Granularity, type HiringStage, type Op, type OrgRecords, type Person, type PlanTable } from "../bindings";
import type { AppController } from "../app/controller";
import { HIRING_STAGES, isHiring } from "../inspector/personForm";
import { BudgetEditor } from "./BudgetEditor";
import { CurrencySettings } from "./CurrencySettings";
import { HiringTimeline } from "./HiringTimeline";
import { costText, displayName, headcountText, peopleBehind, readTargetStart, yearOfQuarters } from "./planModel";
import { PlanChartControls, PlanChartPanel } from "./charts/PlanCharts";
import "./plan.css";
import { asOfStore } from "../asof/asOfStore";
import { localDate } from "../asof/asOfDate";

/** More people than this behind a cell and the list says how many it left out (the whole org can be 100k). */
const MAX_PEOPLE = 200;

export function PlanView({ ctl }: { ctl: AppController }) {
  const { doc } = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  // The year of quarters from the as-of date every view shares (today when none).
  const asOf = useSyncExternalStore(asOfStore(ctl).subscribe, asOfStore(ctl).snapshot).day;
  const initial = useMemo(() => yearOfQuarters(asOf ? localDate(asOf) : new Date()), [asOf]);
  const [by, setBy] = useState<Granularity>("quarter");
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [table, setTable] = useState<PlanTable | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ unit: number; period: number } | null>(null);
  const [currencies, setCurrencies] = useState(false);
  const apply = (op: Op) => ctl.applyOrRefusal(op);
  useEffect(() => { setFrom(initial.from); setTo(initial.to); }, [initial]);

  useEffect(() => {
    let live = true;
    void commands.planTable({ by, from, to, unit: null }).then((r) => {
      if (!live) return;
      if (r.status === "ok") {
        setTable(r.data);
        setProblem(null);
      } else setProblem(r.error.message);
    });
    return () => { live = false; };
  }, [by, from, to, doc]);

  const records = doc?.records;
  const row = picked && table ? table.rows.find((r) => r.unit === picked.unit) : undefined;
  return (
    <div className="plan-view" aria-label="Plan">
      <div className="plan-controls">
        <label>
          By{" "}
          <select value={by} onChange={(e) => setBy(e.target.value as Granularity)} aria-label="Columns">
            <option value="quarter">Quarter</option>
            <option value="month">Month</option>
          </select>
        </label>
        <label>
          From <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} aria-label="From" />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} aria-label="To" />
        </label>
        <button type="button" className="small" aria-expanded={currencies} onClick={() => setCurrencies((v) => !v)}>Currencies…</button>
        {table && <span className="muted">Costs in {table.reporting_currency} per period; +N open positions and planned hires</span>}
        {table && table.unconverted > 0 && (
          <span className="warning">{table.unconverted.toLocaleString()} costs are in a currency without a rate and left out</span>
        )}
        {problem && <span className="error" role="alert">{problem}</span>}
        <PlanChartControls ctl={ctl} by={by} from={from} to={to} periods={table?.periods ?? []} />
      </div>
      <PlanChartPanel by={by} from={from} to={to} revision={doc} />
      <div className="plan-body">
        <div className="plan-scroll">
          {table && (
            <table className="plan-table">
              <thead>
                <tr>
                  <th scope="col">Unit</th>
                  {table.periods.map((p) => <th scope="col" key={p}>{p}</th>)}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.unit ?? "total"} className={r.unit === null ? "plan-total" : undefined}>
                    <th scope="row" style={{ paddingLeft: `${0.5 + r.depth}em` }}>{r.name}</th>
                    {r.cells.map((c, i) => (
                      <td key={table.periods[i]}>
                        <button
                          type="button"
                          className={`plan-cell${c.over_budget ? " over-budget" : ""}${picked?.unit === r.unit && picked?.period === i ? " picked" : ""}`}
                          data-unit={r.unit ?? ""}
                          data-period={table.periods[i]}
                          data-headcount={c.headcount}
                          data-planned={c.open_positions + c.planned_hires}
                          title={`${r.name}, ${table.periods[i]}: ${c.headcount} people (${(c.fte ?? 0).toFixed(1)} FTE), ${c.open_positions} open, ${c.planned_hires} planned${c.over_budget ? " — over budget" : ""}`}
                          disabled={r.unit === null}
                          onClick={() => r.unit !== null && setPicked({ unit: r.unit, period: i })}
                        >
                          <span className="plan-hc">{headcountText(c)}</span>
                          <span className="plan-fte">{(c.fte ?? 0).toFixed(1)} FTE</span>
                          <span className="plan-cost">{costText(c)}{c.over_budget && <strong aria-label="over budget"> !</strong>}</span>
                        </button>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {currencies && records && (
          <aside className="plan-side" aria-label="Plan currencies">
            <CurrencySettings settings={records.plan_settings} apply={apply} onClose={() => setCurrencies(false)} />
          </aside>
        )}
        {!currencies && picked && row && records && table && (
          <PlanSide ctl={ctl} records={records} table={table} unit={picked.unit} name={row.name} period={picked.period} />
        )}
      </div>
    </div>
  );
}

/** What stands behind the picked cell: the unit's budgets, its hires on the timeline, its people. */
function PlanSide({ ctl, records, table, unit, name, period }: {
  ctl: AppController;
  records: OrgRecords;
  table: PlanTable;
  unit: number;
  name: string;
  period: number;
}) {
  const label = table.periods[period] ?? "";
  const people = useMemo(() => peopleBehind(records, unit), [records, unit]);
  const hires = useMemo(() => people.filter((p) => isHiring(p.status)), [people]);
  const moveHire = async (hire: Person, to: string) =>
    (await ctl.applyOrRefusal({ op: "update-person", person: { ...hire, target_start: to } }))?.message ?? null;
  return (
    <aside className="plan-side" aria-label="Plan details">
      <h3>{name} · {label}</h3>
      <h4>Budget</h4>
      <BudgetEditor records={records} unit={unit} period={label.slice(0, 4)} apply={(op) => ctl.applyOrRefusal(op)} />
      <h4>Hiring timeline</h4>
      <HiringTimeline periods={table.periods} hires={hires} onMove={moveHire} />
      <h4>People</h4>
      <ul className="plan-people">
        {people.slice(0, MAX_PEOPLE).map((p) => <PersonLine key={p.id} ctl={ctl} person={p} />)}
      </ul>
      {people.length > MAX_PEOPLE && <p className="muted">and {(people.length - MAX_PEOPLE).toLocaleString()} more; pick a smaller unit to see them.</p>}
    </aside>
  );
}

function PersonLine({ ctl, person }: { ctl: AppController; person: Person }) {
  const hiring = isHiring(person.status);
  const stored = (hiring ? person.target_start : person.end_date) ?? "";
  const [text, setText] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(stored), [stored]);
  const update = async (change: Partial<Person>) => {
    const refusal = await ctl.applyOrRefusal({ op: "update-person", person: { ...person, ...change } });
    setProblem(refusal?.message ?? null);
  };
  const commit = async () => {
    const typed = text.trim();
    if (hiring) {
      const value = typed === "" ? null : readTargetStart(typed);
      if (typed !== "" && value === null) return setProblem(`'${typed}' is not a month (2027-03), a quarter (2027-Q1) or a date`);
      if (value !== (person.target_start ?? null)) await update({ target_start: value });
      else setProblem(null);
    } else {
      // The core judges the day (a real date, not before the start date) and names the field.
      const value = typed === "" ? null : typed;
      if (value !== (person.end_date ?? null)) await update({ end_date: value });
      else setProblem(null);
    }
  };
  const name = displayName(person);
  return (
    <li data-person={person.id}>
      <span>{name}</span>
      <span className="muted"> · {person.status}{!hiring && person.end_date ? ` · leaves ${person.end_date}` : ""}</span>
      {(hiring || person.status === "leaving" || person.end_date) && (
        <label className="plan-target">
          {hiring ? "Target start" : "End date"}{" "}
          <input
            value={text}
            placeholder={hiring ? "2027-Q1" : "YYYY-MM-DD"}
            aria-label={`${hiring ? "Target start" : "End date"} of ${name}`}
            aria-invalid={problem !== null}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => { if (e.key === "Enter") void commit(); }}
          />
        </label>
      )}
      {hiring && (
        <label className="plan-stage">
          Stage{" "}
          <select
            value={person.hiring_stage ?? ""}
            aria-label={`Hiring stage of ${name}`}
            onChange={(e) => void update({ hiring_stage: e.target.value === "" ? null : (e.target.value as HiringStage) })}
          >
            {HIRING_STAGES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      )}
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </li>
  );
}
