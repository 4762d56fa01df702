import { describe, expect, it } from "vitest";
import type { OrgRecords } from "../bindings";
import { budgetInput, budgetPeriodsOf, budgetsOf, currencyInput, problemOf, readBudget, readCurrencies } from "./budgetForm";

const input = (over: Partial<{ period: string; headcount: string; amount: string; currency: string }>) => ({
  period: "2027", headcount: "", amount: "", currency: "EUR", ...over,
});

describe("the budget form", () => {
  it("offers the year and the quarter a cell's period belongs to", () => {
    expect(budgetPeriodsOf("2027-Q3")).toEqual(["2027", "2027-Q3"]);
    expect(budgetPeriodsOf("2027-05")).toEqual(["2027", "2027-Q2"]);
  });

  it("reads a headcount, an amount as people write it and a currency in any case", () => {
    expect(readBudget(4, input({ headcount: "12", amount: "1,200,000", currency: "usd", period: "2027-q2" }))).toEqual({
      ok: true,
      budget: { unit: 4, period: "2027-Q2", headcount: 12, amount: { amount: 1200000, currency: "USD" } },
    });
    expect(readBudget(4, input({ headcount: "3.5" }))).toEqual({ ok: true, budget: { unit: 4, period: "2027", headcount: 3.5, amount: null } });
  });

  it("puts each problem beside its field and makes no budget", () => {
    const problems = (over: Parameters<typeof input>[0]) => {
      const r = readBudget(4, input(over));
      return r.ok ? null : Object.keys(r.problems);
    };
    expect(problems({ period: "next year", headcount: "2" })).toEqual(["period"]);
    expect(problems({ headcount: "a dozen" })).toEqual(["headcount"]);
    expect(problems({ amount: "lots" })).toEqual(["amount"]);
    expect(problems({ amount: "1000", currency: "euros" })).toEqual(["currency"]);
    expect(problems({ amount: "1000", currency: "" })).toEqual(["currency"]);
    expect(problems({})).toEqual(["headcount"]);
  });

  it("shows a stored budget, and an empty form for a period without one", () => {
    expect(budgetInput({ unit: 4, period: "2027", headcount: 5, amount: { amount: 500000, currency: "GBP" } }, "2026", "EUR"))
      .toEqual({ period: "2027", headcount: "5", amount: "500000", currency: "GBP" });
    expect(budgetInput(undefined, "2027-Q1", "EUR")).toEqual({ period: "2027-Q1", headcount: "", amount: "", currency: "EUR" });
  });

  it("lists a unit's budgets in period order", () => {
    const records = { budgets: [
      { unit: 4, period: "2027-Q1", headcount: 1, amount: null },
      { unit: 5, period: "2027", headcount: 1, amount: null },
      { unit: 4, period: "2027", headcount: 2, amount: null },
    ] } as unknown as OrgRecords;
    expect(budgetsOf(records, 4).map((b) => b.period)).toEqual(["2027", "2027-Q1"]);
  });

  it("puts a refusal of the core beside the field it names", () => {
    const fields = ["period", "headcount", "amount", "currency"] as const;
    expect(problemOf({ code: "invalid_value", message: "currency 'XYZ' is unknown", field: "currency" }, fields, "period"))
      .toEqual({ currency: "currency 'XYZ' is unknown" });
    expect(problemOf({ code: "not_found", message: "unit #9 does not exist" }, fields, "period")).toEqual({ period: "unit #9 does not exist" });
  });
});

describe("the currencies form", () => {
  it("shows the default when the document has no settings yet", () => {
    expect(currencyInput(null)).toEqual({ reporting: "EUR", rates: [] });
  });

  it("reads rates, dropping blank rows and the reporting currency's own", () => {
    const r = readCurrencies({ reporting: "eur", rates: [{ currency: "usd", rate: "0,92" }, { currency: "", rate: "" }, { currency: "EUR", rate: "1" }] });
    expect(r).toEqual({ ok: true, settings: { reporting_currency: "EUR", rates: { USD: 0.92 } } });
  });

  it("names the row and the problem of a bad rate, and refuses a bad reporting currency", () => {
    expect(readCurrencies({ reporting: "EUR", rates: [{ currency: "GBP", rate: "1.17" }, { currency: "USD", rate: "-1" }] }))
      .toMatchObject({ ok: false, row: 1, problems: { rates: expect.stringContaining("USD") } });
    expect(readCurrencies({ reporting: "EUR", rates: [{ currency: "GBP", rate: "1.1" }, { currency: "gbp", rate: "1.2" }] }))
      .toMatchObject({ ok: false, row: 1 });
    expect(readCurrencies({ reporting: "euro", rates: [] })).toMatchObject({ ok: false, problems: { reporting_currency: expect.any(String) } });
  });
});
