// The Plan view (fourth tab): the unit tree down the side, quarters or months across; each cell the headcount
// (+ open positions and planned hires), FTE and cost against budget, over-budget cells marked. Clicking a cell
// lists the people behind it, where a planned hire's target start can be changed; clicking a unit edits its
// budget. The figures come from topograph-plan through the plan_table command.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { commands, type Granularity, type Person, type PlanTable } from "../bindings";
import type { AppController } from "../app/controller";
import { costText, displayName, headcountText, peopleBehind, readTargetStart, yearOfQuarters } from "./planModel";
import "./plan.css";
import { asOfStore } from "../asof/asOfStore";
import { localDate } from "../asof/asOfDate";

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
        {table && <span className="muted">Costs in {table.reporting_currency} per period; +N open positions and planned hires</span>}
        {problem && <span className="error" role="alert">{problem}</span>}
      </div>
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
        {picked && row && records && table && (
          <aside className="plan-side" aria-label="Plan details">
            <h3>{row.name} · {table.periods[picked.period]}</h3>
            <BudgetForm ctl={ctl} unit={picked.unit} period={table.periods[picked.period] ?? ""} currency={table.reporting_currency} />
            <h4>People</h4>
            <ul className="plan-people">
              {peopleBehind(records, picked.unit).map((p) => <PersonLine key={p.id} ctl={ctl} person={p} />)}
            </ul>
          </aside>
        )}
      </div>
    </div>
  );
}

function PersonLine({ ctl, person }: { ctl: AppController; person: Person }) {
  const planned = person.status === "open-position" || person.status === "planned-hire";
  const [text, setText] = useState(person.target_start ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(person.target_start ?? ""), [person.target_start]);
  const commit = async () => {
    const value = text.trim() === "" ? null : readTargetStart(text);
    if (text.trim() !== "" && value === null) {
      setProblem(`'${text}' is not a month (2027-03), a quarter (2027-Q1) or a date`);
      return;
    }
    if (value === (person.target_start ?? null)) return;
    const refusal = await ctl.applyOrRefusal({ op: "update-person", person: { ...person, target_start: value } });
    setProblem(refusal?.message ?? null);
  };
  return (
    <li data-person={person.id}>
      <span>{displayName(person)}</span>
      <span className="muted"> · {person.status}{person.end_date ? ` · leaves ${person.end_date}` : ""}{person.hiring_stage ? ` · ${person.hiring_stage}` : ""}</span>
      {planned && (
        <label className="plan-target">
          Target start{" "}
          <input
            value={text}
            placeholder="2027-Q1"
            aria-label={`Target start of ${displayName(person)}`}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => { if (e.key === "Enter") void commit(); }}
          />
        </label>
      )}
      {problem && <span className="error" role="alert">{problem}</span>}
    </li>
  );
}

function BudgetForm({ ctl, unit, period, currency }: { ctl: AppController; unit: number; period: string; currency: string }) {
  const year = period.slice(0, 4);
  const [budgetPeriod, setBudgetPeriod] = useState(year);
  const [headcount, setHeadcount] = useState("");
  const [amount, setAmount] = useState("");
  const [cur, setCur] = useState(currency);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setBudgetPeriod(year), [year, unit]);
  const save = async () => {
    const h = headcount.trim() === "" ? null : Number(headcount);
    const a = amount.trim() === "" ? null : Number(amount.replace(/[ ,]/g, ""));
    if ((h !== null && !Number.isFinite(h)) || (a !== null && !Number.isFinite(a))) {
      setProblem("headcount and amount are numbers");
      return;
    }
    const refusal = await ctl.applyOrRefusal({
      op: "set-budget",
      budget: { unit, period: budgetPeriod, headcount: h, amount: a === null ? null : { amount: a, currency: cur } },
    });
    setProblem(refusal ? refusal.message : null);
  };
  return (
    <form className="plan-budget" aria-label="Budget" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>Budget for <input value={budgetPeriod} onChange={(e) => setBudgetPeriod(e.target.value)} aria-label="Budget period" size={8} /></label>
      <label>Headcount <input value={headcount} onChange={(e) => setHeadcount(e.target.value)} aria-label="Budget headcount" size={5} /></label>
      <label>Amount <input value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="Budget amount" size={10} /></label>
      <label>Currency <input value={cur} onChange={(e) => setCur(e.target.value)} aria-label="Budget currency" size={4} /></label>
      <button type="submit">Set budget</button>
      {problem && <span className="error" role="alert">{problem}</span>}
    </form>
  );
}
