import { describe, expect, it } from "vitest";
import type { ChangeSet, DocState, Membership, Person, Scenario } from "../bindings";
import { applyChangeSet, reduceDocChanged } from "./changes";

function person(id: number, name: string, manager: number | null = null): Person {
  return {
    id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null,
    employee_id: null, employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager,
  };
}

const seat = (p: number, unit: number): Membership => ({ person: p, unit, allocation: 100, role: "engineer" });
const scenario = (id: number, name: string, position: number): Scenario => ({ id, name, position, archived: false });

function state(): DocState {
  return {
    document: { name: "Org", path: "/tmp/Org.topo" },
    scenarios: [scenario(1, "Current", 0)],
    active_scenario: 1,
    records: {
      persons: [person(2, "Ada"), person(3, "Ben", 2), person(5, "Cy", 2)],
      dotted_lines: [],
      units: [],
      memberships: [seat(3, 9)],
      areas: [],
      contributors: [],
      interactions: [],
      placements: [],
    },
    history: { undo: null, redo: null },
    revision: 0,
    problem: null,
  };
}

const changes = (c: Partial<ChangeSet>): ChangeSet => ({ scenario: 1, created: [], updated: [], deleted: [], ...c });

describe("applyChangeSet", () => {
  it("inserts created records in key order", () => {
    const next = applyChangeSet(state(), changes({ created: [{ kind: "person", record: person(4, "Di", 2) }] }));
    expect(next.records.persons.map((p) => p.id)).toEqual([2, 3, 4, 5]);
  });

  it("replaces updated records and removes deleted ones", () => {
    const next = applyChangeSet(state(), changes({
      updated: [{ kind: "person", record: person(3, "Ben", 5) }],
      deleted: [{ kind: "person", id: 5 }, { kind: "membership", person: 3, unit: 9 }],
    }));
    expect(next.records.persons).toEqual([person(2, "Ada"), person(3, "Ben", 5)]);
    expect(next.records.memberships).toEqual([]);
  });

  it("keys composite records by all their parts", () => {
    const next = applyChangeSet(state(), changes({
      created: [
        { kind: "membership", record: seat(3, 8) },
        { kind: "membership", record: seat(2, 9) },
        { kind: "dotted-line", record: { person: 5, manager: 3 } },
      ],
    }));
    expect(next.records.memberships.map((m) => [m.person, m.unit])).toEqual([[2, 9], [3, 8], [3, 9]]);
    expect(next.records.dotted_lines).toEqual([{ person: 5, manager: 3 }]);
    const removed = applyChangeSet(next, changes({ deleted: [{ kind: "dotted-line", person: 5, manager: 3 }] }));
    expect(removed.records.dotted_lines).toEqual([]);
  });

  it("leaves untouched lists (and an empty change set, the whole state) as they were", () => {
    const before = state();
    expect(applyChangeSet(before, changes({}))).toBe(before);
    const next = applyChangeSet(before, changes({ created: [{ kind: "person", record: person(7, "Ed") }] }));
    expect(next.records.memberships).toBe(before.records.memberships);
    expect(next.records.persons).not.toBe(before.records.persons);
    expect(before.records.persons.map((p) => p.id)).toEqual([2, 3, 5]);
  });

  it("patches the scenario list in bar order, whatever scenario is open", () => {
    const next = applyChangeSet(state(), {
      scenario: null, created: [{ kind: "scenario", record: scenario(10, "Proposal", 1) }], updated: [], deleted: [],
    });
    expect(next.scenarios.map((s) => s.name)).toEqual(["Current", "Proposal"]);
    const renamed = applyChangeSet(next, {
      scenario: null, created: [], updated: [{ kind: "scenario", record: scenario(10, "Plan B", 1) }], deleted: [],
    });
    expect(renamed.scenarios.map((s) => s.name)).toEqual(["Current", "Plan B"]);
    const gone = applyChangeSet(renamed, { scenario: null, created: [], updated: [], deleted: [{ kind: "scenario", id: 10 }] });
    expect(gone.scenarios.map((s) => s.id)).toEqual([1]);
  });

  it("ignores records of a scenario that is not open", () => {
    const before = state();
    const next = applyChangeSet(before, { ...changes({ created: [{ kind: "person", record: person(9, "Zed") }] }), scenario: 4 });
    expect(next).toBe(before);
  });
});

describe("reduceDocChanged", () => {
  it("patches on applied and takes the history along", () => {
    const next = reduceDocChanged(state(), {
      kind: "applied",
      label: "Add person",
      changes: changes({ created: [{ kind: "person", record: person(4, "Di") }] }),
      history: { undo: "Add person", redo: null },
      revision: 8,
    });
    expect(next.records.persons).toHaveLength(4);
    expect(next.history.undo).toBe("Add person");
    expect(next.revision).toBe(8);
  });

  it("replaces everything on reloaded", () => {
    const other: DocState = { ...state(), document: null, scenarios: [], active_scenario: null };
    expect(reduceDocChanged(state(), { kind: "reloaded", state: other, revision: 2 })).toBe(other);
  });
});
