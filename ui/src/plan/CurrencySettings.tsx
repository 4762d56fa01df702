// The document's currencies, from the Plan view: the reporting currency costs and budgets total in, and what one
// unit of each other currency is worth in it. Saved as one SetPlanSettings; the core refuses a rate a budget still
// needs, shown beside the rates. Logic: ./budgetForm.
import { useEffect, useId, useState } from "react";
import type { Error as CoreError, Op, PlanSettings } from "../bindings";
import { currencyInput, problemOf, readCurrencies, type CurrencyField, type CurrencyInput, type FieldProblems } from "./budgetForm";

const FIELDS: readonly CurrencyField[] = ["reporting_currency", "rates"];

export function CurrencySettings({ settings, apply, onClose }: {
  settings: PlanSettings | null | undefined;
  apply: (op: Op) => Promise<CoreError | null>;
  onClose: () => void;
}) {
  const uid = useId();
  const [input, setInput] = useState<CurrencyInput>(() => currencyInput(settings));
  const [problems, setProblems] = useState<FieldProblems<CurrencyField>>({});
  const [badRow, setBadRow] = useState<number | null>(null);
  useEffect(() => setInput(currencyInput(settings)), [settings]);

  const setRow = (i: number, k: "currency" | "rate", v: string) =>
    setInput((s) => ({ ...s, rates: s.rates.map((r, j) => (j === i ? { ...r, [k]: v } : r)) }));
  const save = async () => {
    const r = readCurrencies(input);
    if (!r.ok) {
      setProblems(r.problems);
      setBadRow(r.row ?? null);
      return;
    }
    const refusal = await apply({ op: "set-plan-settings", settings: r.settings });
    setProblems(refusal ? problemOf(refusal, FIELDS, "rates") : {});
    setBadRow(null);
  };

  return (
    <form className="plan-currencies" aria-label="Currencies" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h4>Currencies</h4>
      <div className={`field${problems.reporting_currency ? " invalid" : ""}`}>
        <label htmlFor={`${uid}-rep`}>Reporting currency</label>
        <input
          id={`${uid}-rep`}
          value={input.reporting}
          size={4}
          aria-invalid={!!problems.reporting_currency}
          onChange={(e) => setInput((s) => ({ ...s, reporting: e.target.value }))}
        />
        {problems.reporting_currency && <p className="field-error" role="alert">{problems.reporting_currency}</p>}
      </div>
      <table className="plan-rates">
        <thead><tr><th scope="col">Currency</th><th scope="col">1 unit is worth, in {input.reporting.toUpperCase() || "…"}</th><th /></tr></thead>
        <tbody>
          {input.rates.map((row, i) => (
            <tr key={i} className={badRow === i ? "invalid" : undefined}>
              <td><input value={row.currency} size={4} aria-label={`Currency ${i + 1}`} aria-invalid={badRow === i} onChange={(e) => setRow(i, "currency", e.target.value)} /></td>
              <td><input value={row.rate} size={8} aria-label={`Rate of ${row.currency || `currency ${i + 1}`}`} aria-invalid={badRow === i} onChange={(e) => setRow(i, "rate", e.target.value)} /></td>
              <td><button type="button" className="icon" aria-label={`Remove ${row.currency || "this rate"}`} onClick={() => setInput((s) => ({ ...s, rates: s.rates.filter((_, j) => j !== i) }))}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.rates && <p className="field-error" role="alert">{problems.rates}</p>}
      <div className="button-row">
        <button type="button" className="small" onClick={() => setInput((s) => ({ ...s, rates: [...s.rates, { currency: "", rate: "" }] }))}>Add currency</button>
        <button type="submit" className="primary">Save currencies</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </form>
  );
}
