import { describe, expect, it } from "vitest";
import { entriesFromRecords, fold, matchRank, queryTokens, SearchIndex, type SearchEntry } from "./searchIndex";

const people: SearchEntry[] = [
  { id: 1, name: "Ada Lovelace", title: "VP Engineering", teams: [] },
  { id: 2, name: "José Álvarez", title: "Staff Engineer", teams: ["Payments"] },
  { id: 3, name: "Joanna Anders", title: "Product Designer", teams: ["Growth", "Checkout"] },
  { id: 4, name: "Platform Engineer", title: "Platform Engineer", teams: [] }, // an unnamed open position
  { id: 5, name: "Paul Ander", title: "Engineering Manager", teams: ["Payments Platform"] },
];
const index = new SearchIndex(people);
const ids = (q: string, limit?: number) => index.search(q, limit).hits.map((h) => h.id);

describe("search folding", () => {
  it("lowercases and drops accents", () => {
    expect(fold("José ÁLVAREZ")).toBe("jose alvarez");
    expect(queryTokens("  Jo   ánd ")).toEqual(["jo", "and"]);
    expect(queryTokens("   ")).toEqual([]);
  });

  it("ranks a match at the start, at a word start, inside a word", () => {
    expect(matchRank("ada lovelace", "ada")).toBe(0);
    expect(matchRank("ada lovelace", "love")).toBe(1);
    expect(matchRank("ada lovelace", "vela")).toBe(2);
    expect(matchRank("joanna anders", "an")).toBe(1);
    expect(matchRank("ada", "x")).toBe(-1);
  });
});

describe("SearchIndex", () => {
  it("finds people by name without accents, by title and by team", () => {
    expect(ids("jose")).toEqual([2]);
    expect(ids("designer")).toEqual([3]);
    expect(ids("checkout")).toEqual([3]);
    expect(index.search("checkout").hits[0]?.field).toBe("team");
    expect(index.search("designer").hits[0]?.field).toBe("title");
  });

  it("puts name matches before title matches before team matches", () => {
    // "pa": Paul (name start), then Payments people by team.
    expect(ids("pa")).toEqual([5, 2]);
    // "engineer": the open position's name, then a title starting with it, then titles with it as a later word.
    expect(ids("engineer")).toEqual([4, 5, 1, 2]);
  });

  it("needs every word of the query to match somewhere", () => {
    expect(ids("jo designer")).toEqual([3]);
    expect(ids("jo payments")).toEqual([2]);
    expect(ids("ada payments")).toEqual([]);
  });

  it("hands back an entry by id", () => {
    expect(index.entry(3)?.teams).toEqual(["Growth", "Checkout"]);
    expect(index.entry(99)).toBeUndefined();
  });

  it("finds nothing for an empty query", () => {
    expect(index.search("").hits).toEqual([]);
    expect(index.search("  ").total).toBe(0);
  });

  it("caps the hits but counts every match", () => {
    const many = new SearchIndex(Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, name: `Person ${i}`, title: "Engineer", teams: [] })));
    const r = many.search("person", 20);
    expect(r.hits).toHaveLength(20);
    expect(r.total).toBe(1000);
    const names = r.hits.map((h) => h.id);
    expect(new Set(names).size).toBe(20);
  });

  it("orders equally good hits by name", () => {
    const idx = new SearchIndex([
      { id: 1, name: "Zoe Park", title: "", teams: [] },
      { id: 2, name: "Ann Park", title: "", teams: [] },
      { id: 3, name: "Mia Park", title: "", teams: [] },
    ]);
    expect(idx.search("park").hits.map((h) => h.id)).toEqual([2, 3, 1]);
  });
});

describe("entriesFromRecords", () => {
  it("names open positions by their role title and lists team names", () => {
    const base = {
      discipline: "engineering", level: null, location: null, email: null, employee_id: null, employment: "employee",
      start_date: null, cost: null, custom: {}, manager: null,
    } as const;
    const entries = entriesFromRecords(
      [
        { ...base, id: 1, name: "Ada", title: "CTO", status: "active" },
        { ...base, id: 2, name: " ", title: "Data Engineer", status: "open-position" },
      ],
      [{ id: 10, name: "Core" }, { id: 11, name: "Data" }],
      [{ person: 2, unit: 10 }, { person: 2, unit: 11 }, { person: 1, unit: 99 }],
    );
    expect(entries).toEqual([
      { id: 1, name: "Ada", title: "CTO", teams: [] },
      { id: 2, name: "Data Engineer", title: "Data Engineer", teams: ["Core", "Data"] },
    ]);
  });
});
