import { describe, expect, it } from "vitest";
import type { Applied, Entity, Scenario } from "../bindings";
import type { ChangeKind, DiffChange, DiffNumber } from "./diffTypes";
import { createdScenarioId } from "./scenarioCommands";
import { baselineOf, difference, figure, filterScenarios, focusOf, freshName, sectionsOf, transition } from "./scenarioModel";

const scenario = (id: number, name: string, archived = false): Scenario => ({ id, name, position: id, archived });

const change = (kind: ChangeKind, name: string, from: string | null, to: string | null, entity: DiffChange["entity"] = "person"): DiffChange => ({
  kind, entity, subject: { id: name.length, name }, from, to, from_id: null, to_id: null,
});

describe("the scenario bar's logic", () => {
  it("takes the first scenario that is not archived as the baseline", () => {
    expect(baselineOf([scenario(1, "Current before Q3", true), scenario(2, "Current")])?.name).toBe("Current");
    expect(baselineOf([scenario(1, "Old", true)])?.name).toBe("Old");
  });

  it("numbers a new name when the plain one is taken", () => {
    const list = [scenario(1, "Current"), scenario(2, "Proposal"), scenario(3, "Proposal 2")];
    expect(freshName(list, "Proposal")).toBe("Proposal 3");
    expect(freshName(list, "Draft")).toBe("Draft");
  });

  it("filters the palette by every word typed, ignoring case", () => {
    const list = [scenario(1, "Current"), scenario(2, "Proposal Q3"), scenario(3, "Proposal Q4")];
    expect(filterScenarios(list, "prop q4").map((s) => s.id)).toEqual([3]);
    expect(filterScenarios(list, "").length).toBe(3);
  });
});

describe("the compare panel's logic", () => {
  it("cuts the change list into one section per kind, in the order the core sends", () => {
    const sections = sectionsOf([
      change("manager-changed", "Bo", "Ana", "Ceo"),
      change("manager-changed", "Cy", "Ana", "Bo"),
      change("owner-changed", "Checkout", "Payments", "Search", "area"),
    ]);
    expect(sections.map((s) => [s.group, s.title, s.changes.length])).toEqual([
      ["People", "Changed manager", 2],
      ["Product areas", "Ownership transferred", 1],
    ]);
  });

  it("writes a change as from → to, or the side there is", () => {
    expect(transition(change("unit-renamed", "Money", "Payments", "Money", "unit"))).toBe("Payments → Money");
    expect(transition(change("person-joined", "Dee", null, "Engineer"))).toBe("Engineer");
  });

  it("signs differences and keeps whole numbers whole", () => {
    const n = (before: number, after: number): DiffNumber => ({ key: "k", label: "K", before, after, difference: after - before });
    expect(difference(n(3, 5))).toBe("+2");
    expect(difference(n(5, 3))).toBe("−2");
    expect(difference(n(1.5, 1.25))).toBe("−0.3");
    expect(difference(n(4, 4))).toBe("0");
  });

  it("writes a dash for a figure the core sent as null", () => {
    const missing: DiffNumber = { key: "k", label: "K", before: null, after: 2, difference: null };
    expect(figure(missing.before)).toBe("—");
    expect(figure(missing.after)).toBe("2");
    expect(difference(missing)).toBe("—");
  });

  it("focuses people on the org chart, units on the team map and areas on the ownership map", () => {
    expect(focusOf(change("manager-changed", "Bo", "Ana", "Ceo"))).toEqual({ view: "org-chart", person: 2 });
    expect(focusOf(change("unit-renamed", "Money", "a", "b", "unit"))).toEqual({ view: "team-map", unit: 5 });
    expect(focusOf(change("owner-changed", "Checkout", "a", "b", "area"))).toEqual({ view: "ownership", area: 8 });
  });
});

describe("forking from the bar", () => {
  it("finds the new scenario in the apply answer so the bar can open it", () => {
    const answer = (created: Entity[]): Applied => ({ label: "Fork scenario", changes: { scenario: null, created, updated: [], deleted: [] }, active_scenario: 1 });
    expect(createdScenarioId(answer([{ kind: "scenario", record: scenario(42, "Proposal") }]))).toBe(42);
    expect(createdScenarioId(answer([{ kind: "unit", record: { id: 7, name: "Money", mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null } }]))).toBeNull();
  });
});
