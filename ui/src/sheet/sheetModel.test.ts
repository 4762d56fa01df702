import { describe, expect, it } from "vitest";
import type { SheetColumn, SheetKind, SheetTable } from "../bindings";
import { SheetData, leadingNumber, opsFor, passes, rankColumn } from "./sheetModel";

/** A column from plain cell texts, coded as the core codes it. */
export function column(key: string, kind: SheetKind, cells: string[], choices: string[] = []): SheetColumn {
  const values = [""];
  const seen = new Map([["", 0]]);
  const codes = cells.map((c) => {
    let i = seen.get(c);
    if (i === undefined) { i = values.length; values.push(c); seen.set(c, i); }
    return i;
  });
  return { key, label: key, kind, choices, values, codes };
}

function table(): SheetTable {
  return {
    mode: "people",
    ids: [10, 11, 12, 13],
    columns: [
      column("name", "text", ["Ada", "grace", "Brian", "Ada"]),
      column("location", "text", ["Berlin", "London", "Berlin", ""]),
      column("cost", "number", ["120000 EUR", "90000 EUR", "", "1000000 EUR"]),
      column("start_date", "date", ["2026-07-01", "2025-01-01", "2026-09-15", ""]),
    ],
  };
}

describe("the sheet's order and filter", () => {
  it("sorts text without regard to case and puts empty cells last", () => {
    const d = new SheetData(table());
    expect(Array.from(d.view([{ key: "name", desc: false }], []), (r) => d.text(r, "name"))).toEqual(["Ada", "Ada", "Brian", "grace"]);
    expect(Array.from(d.view([{ key: "location", desc: false }], []))).toEqual([0, 2, 1, 3]);
  });

  it("sorts numbers by their value, not their text", () => {
    const d = new SheetData(table());
    expect(Array.from(d.view([{ key: "cost", desc: true }], []))).toEqual([3, 0, 1, 2]);
    expect(Array.from(d.view([{ key: "cost", desc: false }], []))).toEqual([1, 0, 3, 2]);
  });

  it("breaks ties with a second sort level", () => {
    const d = new SheetData(table());
    expect(Array.from(d.view([{ key: "name", desc: false }, { key: "location", desc: false }], []))).toEqual([0, 3, 2, 1]);
    expect(Array.from(d.view([{ key: "name", desc: false }, { key: "cost", desc: true }], []))).toEqual([3, 0, 2, 1]);
  });

  it("keeps the rows that pass every filter", () => {
    const d = new SheetData(table());
    const berlin = { key: "location", op: "is" as const, value: "berlin" };
    expect(Array.from(d.view([], [berlin]))).toEqual([0, 2]);
    expect(Array.from(d.view([], [berlin, { key: "start_date", op: "ge" as const, value: "2026-08-01" }]))).toEqual([2]);
    expect(d.matchingIds([berlin])).toEqual([10, 12]);
  });

  it("compares number filters by value and never matches an empty cell with < or >", () => {
    expect(passes("number", "120000 EUR", { key: "cost", op: "gt", value: "100000" })).toBe(true);
    expect(passes("number", "90000 EUR", { key: "cost", op: "gt", value: "100000" })).toBe(false);
    expect(passes("number", "", { key: "cost", op: "lt", value: "100000" })).toBe(false);
    expect(leadingNumber("1.5 FTE")).toBe(1.5);
  });

  it("offers the operators that fit each kind of column", () => {
    expect(opsFor("choice")).toContain("is");
    expect(opsFor("choice")).not.toContain("contains");
    expect(opsFor("number")).toContain("gt");
    expect(opsFor("text")).toContain("contains");
  });

  it("ranks a column the core sent in order by its codes, and sorts one that is not", () => {
    expect(Array.from(rankColumn(column("x", "text", ["a", "B", "c"])))).toEqual([0, 1, 2, 3]);
    expect(Array.from(rankColumn(column("x", "text", ["b", "", "A"])))).toEqual([0, 2, 1]);
    expect(Array.from(rankColumn(column("x", "number", ["10 EUR", "9 EUR", "x"])))).toEqual([0, 2, 1, 3]);
  });

  it("orders 20,000 rows by two levels with a filter as a comparison sort over the cells would", () => {
    const n = 20_000;
    const names = Array.from({ length: n }, (_, i) => `Person ${(i * 7919) % n}`);
    const cities = ["Berlin", "London", "Paris", "Lisbon"];
    const d = new SheetData({
      mode: "people",
      ids: names.map((_, i) => i + 1),
      columns: [column("name", "text", names), column("location", "text", names.map((_, i) => cities[i % 4]!))],
    });
    const rows = Array.from(d.view([{ key: "location", desc: false }, { key: "name", desc: true }], [{ key: "location", op: "is-not", value: "paris" }]));
    const expected = names.map((_, i) => i).filter((i) => cities[i % 4] !== "Paris").sort((a, b) => {
      const la = cities[a % 4]!.toLowerCase(), lb = cities[b % 4]!.toLowerCase();
      if (la !== lb) return la < lb ? -1 : 1;
      const na = names[a]!.toLowerCase(), nb = names[b]!.toLowerCase();
      return na === nb ? a - b : na < nb ? 1 : -1;
    });
    expect(rows).toEqual(expected);
  });
});
