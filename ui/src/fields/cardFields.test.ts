import { describe, expect, it } from "vitest";
import type { FieldDefs, Person } from "../bindings";
import { parityFixture } from "../testing/parityFixture";
import { cardFieldLines } from "./cardFields";

describe("fields on cards", () => {
  it("show the line the exporter draws for every person (tests/fixtures/parity/card-fields.json)", () => {
    const fixture = parityFixture<{ fields: FieldDefs; persons: (Person & { line: string | null })[] }>("card-fields.json");
    const lines = cardFieldLines(fixture.persons, fixture.fields);
    expect(fixture.persons.some((p) => p.line !== null)).toBe(true);
    for (const p of fixture.persons) expect(lines.get(p.id) ?? null, p.name).toBe(p.line);
  });

  it("give the same empty map whenever no field is on cards, so nothing built from it is rebuilt", () => {
    const none: FieldDefs = { fields: [{ name: "Note", kind: "text", choices: [], on_cards: false }] };
    const people = [{ id: 1, name: "Ada", title: "", custom: { Note: "x" } } as unknown as Person];
    expect(cardFieldLines(people, none)).toBe(cardFieldLines([], { fields: [] }));
    expect(cardFieldLines(people, none).size).toBe(0);
  });
});
