// A unit's budgets: the ones it has (pick one to edit it, or remove it), and a form for a year or quarter's
// headcount and amount. Used by the Plan view's side panel and the unit inspector. Problems show beside their
// field and nothing is written (./budgetForm reads the form; the core checks the currency has a rate).
import { useEffect, useId, useState } from "react";
import type { Budget, Op, OrgRecords, Error as CoreError } from "../bindings";
import "./plan.css";
import { budgetInput, budgetsOf, problemOf, readBudget, type BudgetField, type BudgetInput, type FieldProblems } from "./budgetForm";

const FIELDS: readonly BudgetField[] = ["period", "headcount", "amount", "currency"];

export function BudgetEditor({ records, unit, period, apply }: {
  records: OrgRecords;
  unit: number;
  /** The budget period the form starts on (a year or a quarter). */
  period: string;
  /** Applies an op; answers the core's refusal, or null. */
  apply: (op: Op) => Promise<CoreError | null>;
}) {
  const uid = useId();
  const currency = records.plan_settings?.reporting_currency ?? "EUR";
  const budgets = budgetsOf(records, unit);
  const stored = (p: string) => budgets.find((b) => b.period === p.trim().toUpperCase());
  const [input, setInput] = useState<BudgetInput>(() => budgetInput(stored(period), period, currency));
  const [problems, setProblems] = useState<FieldProblems<BudgetField>>({});
  const [busy, setBusy] = useState(false);
  // Another unit or cell: the form shows its budget (or an empty one for its period).
  useEffect(() => { setInput(budgetInput(stored(period), period, currency)); setProblems({}); }, [unit, period]);

  const edit = (k: keyof BudgetInput, v: string) => setInput((i) => ({ ...i, [k]: v }));
  const show = (b: Budget) => { setInput(budgetInput(b, b.period, currency)); setProblems({}); };
  const save = async () => {
    const r = readBudget(unit, input);
    if (!r.ok) return setProblems(r.problems);
    setBusy(true);
    const refusal = await apply({ op: "set-budget", budget: r.budget });
    setBusy(false);
    setProblems(refusal ? problemOf(refusal, FIELDS, "period") : {});
  };
  const remove = async (b: Budget) => {
    const refusal = await apply({ op: "remove-budget", unit, period: b.period });
    setProblems(refusal ? problemOf(refusal, FIELDS, "period") : {});
  };

  const field = (k: BudgetField, label: string, size: number, placeholder: string) => (
    <div className={`field${problems[k] ? " invalid" : ""}`}>
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <input
        id={`${uid}-${k}`}
        value={input[k]}
        size={size}
        placeholder={placeholder}
        aria-label={`Budget ${k}`}
        aria-invalid={!!problems[k]}
        onChange={(e) => edit(k, e.target.value)}
      />
      {problems[k] && <p className="field-error" role="alert">{problems[k]}</p>}
    </div>
  );
  return (
    <div className="plan-budgets">
      {budgets.length > 0 && (
        <ul className="plan-budget-list" aria-label="Budgets">
          {budgets.map((b) => (
            <li key={b.period}>
              <button type="button" className="link" onClick={() => show(b)} title="Edit this budget">
                {b.period}: {b.headcount ?? "–"} HC{b.amount ? `, ${(b.amount.amount ?? 0).toLocaleString("en")} ${b.amount.currency}` : ""}
              </button>
              <button type="button" className="icon" aria-label={`Remove the budget for ${b.period}`} onClick={() => void remove(b)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form className="plan-budget" aria-label="Budget" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {field("period", "Period", 8, "2027-Q1")}
        {field("headcount", "Headcount", 5, "FTE")}
        {field("amount", "Amount", 10, "1,200,000")}
        {field("currency", "Currency", 4, currency)}
        <button type="submit" disabled={busy}>{stored(input.period) ? "Update budget" : "Set budget"}</button>
      </form>
    </div>
  );
}
