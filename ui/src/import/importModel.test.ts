import { describe, expect, it } from "vitest";
import type { FieldDefs, Mapping, Problem, Summary, Target } from "../bindings";
import {
  columnChoice, customFieldText, fieldTargets, groupProblems, progressText, importTarget, normaliseHeader, problemText,
  repeatedFields, repeatedTargets, scenarioNameFor, summaryLines, targetOf, withChoice, withColumn,
} from "./importModel";

const mapping = (columns: Record<string, Target>): Mapping => ({ columns, dates: "auto", decimal: "auto" });
const problem = (line: number, column: number, reason: string): Problem => ({ file: null, line, column, reason });

describe("the column mapping", () => {
  it("finds a column's target whatever the header's case and spacing", () => {
    const m = mapping({ "Work Email": "email" });
    expect(targetOf(m, "  work   EMAIL ")).toBe("email");
    expect(normaliseHeader("Employee #")).toBe("employee number");
  });

  it("treats a column the mapping does not name as a custom field", () => {
    expect(targetOf(mapping({}), "Shoe size")).toBe("custom");
  });

  it("says which field and type a custom column fills, and nothing for a column mapped elsewhere", () => {
    const m: Mapping = { ...mapping({ office: "custom", Email: "email" }), fields: { office: { field: "Office", type: "choice" } } };
    expect(customFieldText(m, "office")).toBe("Office (choice)");
    expect(customFieldText(m, "Email")).toBeNull();
    expect(customFieldText(withColumn(m, "office", "location"), "office")).toBeNull();
    expect(customFieldText(mapping({}), "Shoe size")).toBeNull();
  });

  const defs: FieldDefs = {
    fields: [
      { name: "Office", kind: "choice", choices: [{ name: "North", colour: "#1f77b4" }], on_cards: false },
      { name: "Score", kind: "number", choices: [], on_cards: false },
    ],
  };

  it("offers every defined field with its type as a column target", () => {
    expect(fieldTargets(defs).map((f) => f.label)).toEqual(["Field: Office (choice)", "Field: Score (number)"]);
    expect(fieldTargets({ fields: [] })).toEqual([]);
  });

  it("maps a column to a defined field of another name and shows that field as its choice", () => {
    const m = withChoice(mapping({ Name: "name" }), "Workplace", "field:Office");
    expect(m.columns?.Workplace).toBe("custom");
    expect(m.fields?.Workplace?.field).toBe("Office");
    expect(columnChoice(m, "workplace", defs)).toBe("field:Office");
    expect(columnChoice(m, "Name", defs)).toBe("name");
    // A custom column whose header names a defined field fills it; one that names none is a new text field.
    expect(columnChoice(mapping({}), "score", defs)).toBe("field:Score");
    expect(columnChoice(mapping({}), "Shoe size", defs)).toBe("custom");
    // Into a document without the field, the choice falls back to a custom field.
    expect(columnChoice(m, "Workplace", { fields: [] })).toBe("custom");
  });

  it("forgets a column's field when it is mapped to a built-in target or back to its header", () => {
    const m = withChoice(mapping({}), "Workplace", "field:Office");
    expect(withChoice(m, "Workplace", "location").fields?.Workplace).toBeUndefined();
    const plain = withChoice(m, "Workplace", "custom");
    expect(plain.fields?.Workplace).toBeUndefined();
    expect(columnChoice(plain, "Workplace", defs)).toBe("custom");
  });

  it("warns when two columns fill one field, not when they fill different ones", () => {
    const m = withChoice(mapping({ Office: "custom", Score: "custom" }), "Workplace", "field:Office");
    expect(repeatedFields(m, ["Office", "Workplace", "Score"], defs)).toEqual(["Office"]);
    expect(repeatedFields(withChoice(m, "Workplace", "ignore"), ["Office", "Workplace", "Score"], defs)).toEqual([]);
  });

  it("replaces every spelling of a header when one column is remapped and leaves the rest alone", () => {
    const before = mapping({ "work email": "email", Name: "name" });
    const after = withColumn(before, "Work Email", "ignore");
    expect(after.columns).toEqual({ Name: "name", "Work Email": "ignore" });
    expect(before.columns?.["work email"]).toBe("email");
    expect(after.dates).toBe("auto");
  });

  it("warns about two columns holding the same single field but not about several custom fields", () => {
    const m = mapping({ A: "email", B: "email", C: "custom", D: "custom", E: "name" });
    expect(repeatedTargets(m, ["A", "B", "C", "D", "E"])).toEqual(["email"]);
  });
});

describe("problems", () => {
  it("read as the command line prints them", () => {
    expect(problemText(problem(12, 4, "bad date '31/02/2020'"))).toBe("12:4: bad date '31/02/2020'");
    expect(problemText({ ...problem(1, 1, "empty"), file: "a.yaml" })).toBe("a.yaml:1:1: empty");
  });

  it("group by reason without the rows' own values, biggest group first, each in line order", () => {
    const groups = groupProblems([
      problem(9, 5, "unknown manager 'zed@x.io'; imported without a manager"),
      problem(3, 1, "duplicate employee id 'E1' (first on line 2); row skipped"),
      problem(4, 5, "unknown manager 'amy@x.io'; imported without a manager"),
    ]);
    expect(groups.map((g) => g.problems.length)).toEqual([2, 1]);
    expect(groups[0]?.kind).toBe("unknown manager '…'; imported without a manager");
    expect(groups[0]?.problems.map((p) => p.line)).toEqual([4, 9]);
  });
});

describe("the target", () => {
  it("needs a path for a new document and a name for a new scenario", () => {
    expect(importTarget("new-document", { newPath: null, scenarioName: "" })).toHaveProperty("missing");
    expect(importTarget("new-document", { newPath: "/tmp/a.topo", scenarioName: "" })).toEqual({ kind: "new-document", path: "/tmp/a.topo" });
    expect(importTarget("new-scenario", { newPath: null, scenarioName: "   " })).toHaveProperty("missing");
    expect(importTarget("new-scenario", { newPath: null, scenarioName: " Q3 " })).toEqual({ kind: "new-scenario", name: "Q3" });
    expect(importTarget("merge", { newPath: null, scenarioName: "" })).toEqual({ kind: "merge" });
  });

  it("names a new scenario after the file", () => {
    expect(scenarioNameFor("/home/a/people.csv")).toBe("Import people.csv");
    expect(scenarioNameFor("C:\\exports\\hr.csv")).toBe("Import hr.csv");
  });
});

describe("formats and the summary", () => {
  it("counts the rows while a long file is read and written, and names the file when it has no rows", () => {
    expect(progressText("reading", 100000)).toBe(`Reading and checking ${(100000).toLocaleString()} rows…`);
    expect(progressText("writing", 1)).toBe("Writing 1 row into the document…");
    expect(progressText("reading", null)).toBe("Reading and checking the file…");
  });

  it("says what an import did, one line per kind of change", () => {
    const s: Summary = {
      scenario: "Current", people_added: 1200, people_updated: 1, leavers: ["Ann"], units_added: 0, memberships_set: 0,
      memberships_removed: 0, areas_added: 0, interactions_added: 0, problems: 3, notes: [], undo_steps: 1,
    };
    expect(summaryLines(s)).toEqual([
      `${(1200).toLocaleString()} people added`, "1 person updated", "1 person marked leaving", "3 problems left rows out or changed them",
    ]);
  });

  it("tells how many undo steps take an import back when it is more than one", () => {
    const s: Summary = {
      scenario: "Import hr.csv", people_added: 2, people_updated: 0, leavers: [], units_added: 0, memberships_set: 0,
      memberships_removed: 0, areas_added: 0, interactions_added: 0, problems: 0, notes: [], undo_steps: 2,
    };
    expect(summaryLines(s)).toEqual(["2 people added", "Undo takes it back in 2 steps"]);
  });
});
