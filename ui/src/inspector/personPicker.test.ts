import { describe, expect, it } from "vitest";
import type { Person } from "../bindings";
import { managersById } from "../app/drop";
import { newReport } from "./personForm";
import { dottedAllowed, dottedManagersOf, managerAllowed, pickCandidates } from "./personPicker";

const person = (id: number, name: string, manager: number | null, title = "", employee_id: string | null = null): Person =>
  ({ ...newReport(manager, name), id, title, employee_id });

// Ada leads Bo and José; Bo leads Anna.
const persons = [
  person(1, "Ada Lovelace", null, "CEO", "E1"),
  person(2, "Bo Andersen", 1, "VP Engineering", "E2"),
  person(3, "José Ramos", 1, "Head of Data", "E3"),
  person(4, "Anna Bell", 2, "Engineer", "E4"),
];
const all = () => true;

describe("pickCandidates", () => {
  it("offers nobody for an empty query", () => {
    expect(pickCandidates(persons, "  ", all)).toEqual([]);
  });

  it("ranks a name start before a later word of the name, before a title", () => {
    expect(pickCandidates(persons, "an", all).map((r) => r.name)).toEqual(["Anna Bell", "Bo Andersen"]);
    expect(pickCandidates(persons, "eng", all).map((r) => r.name)).toEqual(["Anna Bell", "Bo Andersen"]);
  });

  it("matches every word, ignores case and accents, and finds an exact employee id", () => {
    expect(pickCandidates(persons, "jose r", all).map((r) => r.id)).toEqual([3]);
    expect(pickCandidates(persons, "e4", all).map((r) => r.id)).toEqual([4]);
    expect(pickCandidates(persons, "ada x", all)).toEqual([]);
  });

  it("keeps to the limit and to the people allowed", () => {
    expect(pickCandidates(persons, "a", all, 2)).toHaveLength(2);
    expect(pickCandidates(persons, "a", (id) => id !== 1).map((r) => r.id)).not.toContain(1);
  });
});

describe("who may be offered", () => {
  it("as a manager: not the person, nobody below them, not the manager they have", () => {
    const ok = managerAllowed(managersById(persons), 2);
    expect(persons.filter((p) => ok(p.id)).map((p) => p.id)).toEqual([3]);
  });

  it("as a dotted-line manager: not the person, not their manager, not one they have", () => {
    const lines = [{ person: 4, manager: 3 }, { person: 2, manager: 3 }];
    const ok = dottedAllowed(persons[3]!, lines);
    expect(persons.filter((p) => ok(p.id)).map((p) => p.id)).toEqual([1]);
    expect(dottedManagersOf(4, [...lines, { person: 4, manager: 1 }])).toEqual([1, 3]);
  });
});
