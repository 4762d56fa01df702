// The Plan view's forms as plain data: a unit's budget (period, headcount, amount, currency) and the document's
// currencies (reporting currency, exchange rates), read from what was typed into a record the core checks, or into
// per-field problems shown beside the fields. The core has the last word (unknown currency, period form).
import type { Budget, Error as CoreError, OrgRecords, PlanSettings } from "../bindings";
import { parseAmount } from "../inspector/personForm";

export type BudgetField = "period" | "headcount" | "amount" | "currency";

export interface BudgetInput {
  period: string;
  headcount: string;
  amount: string;
  currency: string;
}

export type FieldProblems<F extends string> = Partial<Record<F, string>>;

export type BudgetRead = { ok: true; budget: Budget } | { ok: false; problems: FieldProblems<BudgetField> };

/** The budget periods a cell's period belongs to: its year and, for a quarter or month, its quarter. */
export function budgetPeriodsOf(period: string): string[] {
  const year = period.slice(0, 4);
  const q = /^\d{4}-Q([1-4])$/i.exec(period);
  if (q) return [year, `${year}-Q${q[1]}`];
  const m = /^\d{4}-(\d{2})$/.exec(period);
  if (m) return [year, `${year}-Q${Math.floor((Number(m[1]) - 1) / 3) + 1}`];
  return [year];
}

/** A unit's budgets, years before their quarters, in period order. */
export function budgetsOf(records: OrgRecords, unit: number): Budget[] {
  return (records.budgets ?? []).filter((b) => b.unit === unit).sort((a, b) => a.period.localeCompare(b.period));
}

/** The form showing `budget`, or an empty one for `period` in `currency`. */
export function budgetInput(budget: Budget | undefined, period: string, currency: string): BudgetInput {
  if (!budget) return { period, headcount: "", amount: "", currency };
  return {
    period: budget.period,
    headcount: budget.headcount == null ? "" : String(budget.headcount),
    amount: budget.amount?.amount == null ? "" : String(budget.amount.amount),
    currency: budget.amount?.currency ?? currency,
  };
}

/** The budget the form describes for `unit`, or what is wrong with each field the form can judge by itself. */
export function readBudget(unit: number, input: BudgetInput): BudgetRead {
  const problems: FieldProblems<BudgetField> = {};
  const period = input.period.trim().toUpperCase();
  if (!/^\d{4}(-Q[1-4])?$/.test(period)) problems.period = `'${input.period.trim()}' is not a year (2027) or a quarter (2027-Q3)`;
  let headcount: number | null = null;
  if (input.headcount.trim() !== "") {
    const h = Number(input.headcount.trim().replace(",", "."));
    if (!Number.isFinite(h) || h < 0) problems.headcount = `'${input.headcount.trim()}' is not a headcount; write a number such as 12 or 12.5`;
    else headcount = h;
  }
  let amount: Budget["amount"] = null;
  const a = parseAmount(input.amount);
  if (!a.ok) problems.amount = a.message.replace("a cost", "an amount");
  else if (a.value !== null) {
    const currency = (input.currency.trim() || a.currency || "").toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) problems.currency = currency === "" ? "an amount needs a currency, such as EUR" : `'${currency}' is not a three-letter currency code such as EUR`;
    else amount = { amount: a.value, currency };
  }
  if (headcount === null && amount === null && !problems.headcount && !problems.amount && !problems.currency) {
    problems.headcount = "a budget needs a headcount, an amount or both";
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, budget: { unit, period, headcount, amount } };
}

/** A refusal of the core put beside the field it names (the whole form's first field when it names none). */
export function problemOf<F extends string>(e: CoreError, fields: readonly F[], fallback: F): FieldProblems<F> {
  const f = e.field && (fields as readonly string[]).includes(e.field) ? (e.field as F) : fallback;
  return { [f]: e.message } as FieldProblems<F>;
}

export interface RateRow {
  currency: string;
  rate: string;
}

export interface CurrencyInput {
  reporting: string;
  rates: RateRow[];
}

export type CurrencyField = "reporting_currency" | "rates";

export type CurrencyRead = { ok: true; settings: PlanSettings } | { ok: false; problems: FieldProblems<CurrencyField>; row?: number };

/** The document's currencies as the form shows them; without settings, the core's default (EUR, no rates). */
export function currencyInput(settings: PlanSettings | null | undefined): CurrencyInput {
  const s = settings ?? { reporting_currency: "EUR", rates: {} };
  return {
    reporting: s.reporting_currency,
    rates: Object.entries(s.rates ?? {}).map(([currency, rate]) => ({ currency, rate: rate === null ? "" : String(rate) })),
  };
}

/** The settings the form describes; blank rows are dropped, a row half filled or twice there is a problem. */
export function readCurrencies(input: CurrencyInput): CurrencyRead {
  const reporting = input.reporting.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(reporting)) {
    return { ok: false, problems: { reporting_currency: `'${input.reporting.trim()}' is not a three-letter currency code such as EUR` } };
  }
  const rates: Record<string, number> = {};
  for (const [i, row] of input.rates.entries()) {
    const code = row.currency.trim().toUpperCase();
    const text = row.rate.trim();
    if (code === "" && text === "") continue;
    const bad = (message: string): CurrencyRead => ({ ok: false, problems: { rates: message }, row: i });
    if (!/^[A-Z]{3}$/.test(code)) return bad(`'${row.currency.trim()}' is not a three-letter currency code such as USD`);
    const rate = Number(text.replace(",", "."));
    if (text === "" || !Number.isFinite(rate) || rate <= 0) return bad(`the rate of ${code} must be a number above zero, such as 0.92`);
    if (code in rates) return bad(`${code} is there twice`);
    if (code !== reporting) rates[code] = rate;
  }
  return { ok: true, settings: { reporting_currency: reporting, rates } };
}
