import { describe, expect, it } from "vitest";
import type { FieldDefs, Person } from "../bindings";
import { parityFixture } from "../testing/parityFixture";
import { colourEntries, colourMarks, colourOptions, naturalCompare, PALETTE } from "./colourBy";

const fields: FieldDefs = {
  fields: [
    { name: "Office", kind: "choice", on_cards: false, choices: [{ name: "North", colour: "#112233" }, { name: "South", colour: "#445566" }] },
    { name: "Note", kind: "text", on_cards: false, choices: [] },
  ],
};

function person(id: number, over: Partial<Person>): Person {
  return { id, name: `P${id}`, title: "", discipline: "design", employment: "employee", status: "active", custom: {}, ...over } as Person;
}

describe("colour by", () => {
  it("offers the built-in categories and every choice field but no text field", () => {
    expect(colourOptions(fields).map((o) => o.key)).toEqual(["discipline", "location", "status", "level", "custom:Office"]);
  });

  it("colours people by their choice in the field's own colours, in the order of its choices", () => {
    const people = [person(1, { custom: { Office: "South" } }), person(2, { custom: { Office: "North" } }), person(3, {})];
    const entries = colourEntries("custom:Office", people, fields);
    expect(entries).toEqual([
      { label: "North", colour: "#112233", ids: [2] },
      { label: "South", colour: "#445566", ids: [1] },
    ]);
    expect(colourMarks(entries).map((m) => [m.stroke, m.fill, [...m.ids]])).toEqual([
      ["#112233", "#11223340", [2]],
      ["#445566", "#44556640", [1]],
    ]);
  });

  it("colours a built-in category from the palette in sorted order and leaves people without a value out", () => {
    const people = [person(1, { location: "Paris" }), person(2, { location: "Berlin" }), person(3, { location: "Paris" }), person(4, {})];
    expect(colourEntries("location", people, fields)).toEqual([
      { label: "Berlin", colour: PALETTE[0], ids: [2] },
      { label: "Paris", colour: PALETTE[1], ids: [1, 3] },
    ]);
  });

  it("a choice field that is gone colours nobody", () => {
    expect(colourEntries("custom:Gone", [person(1, { custom: { Gone: "x" } })], fields)).toEqual([]);
  });

  it("sorts a category's values by the core's natural order: numbers by value, case set aside, ties by the raw text", () => {
    expect(["L10", "l2", "L2", "Berlin", "amsterdam", "L1"].sort(naturalCompare)).toEqual(["amsterdam", "Berlin", "L1", "L2", "l2", "L10"]);
  });

  it("colours every key as the exporter does (tests/fixtures/parity/colour-by.json)", () => {
    const fixture = parityFixture<{ fields: FieldDefs; persons: Person[]; cases: { key: string; entries: unknown }[] }>("colour-by.json");
    expect(fixture.cases.length).toBe(5);
    for (const c of fixture.cases) expect(colourEntries(c.key, fixture.persons, fixture.fields), c.key).toEqual(c.entries);
  });
});
