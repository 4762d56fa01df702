// The line of custom fields a card shows under its title: the values of the first two fields marked "on cards", in
// the order of their definitions, joined by " · " (a person field shows that person's name). The exporter draws the
// same line (topograph_model::card_field_line); tests/fixtures/parity/card-fields.json holds cases both sides check.
import type { FieldDefs, Person } from "../bindings";

/** How many fields a card shows at most: one short line under the title. */
export const MAX_CARD_FIELDS = 2;

/** The fields cards show, in order. */
export function cardFields(fields: FieldDefs): FieldDefs["fields"] {
  return fields.fields.filter((f) => f.on_cards).slice(0, MAX_CARD_FIELDS);
}

const NONE: ReadonlyMap<number, string> = new Map();

/**
 * Each person's line, by id; people whose fields are all empty have none. With no field on cards it is always the
 * same empty map, so what is built from it (the chart's card content) is not rebuilt for nothing.
 */
export function cardFieldLines(persons: readonly Person[], fields: FieldDefs): ReadonlyMap<number, string> {
  const shown = cardFields(fields);
  if (shown.length === 0) return NONE;
  const out = new Map<number, string>();
  const byId = shown.some((f) => f.kind === "person") ? new Map(persons.map((p) => [p.id, p])) : null;
  for (const p of persons) {
    const parts: string[] = [];
    for (const f of shown) {
      const v = p.custom[f.name];
      if (v === undefined) continue;
      let text = v;
      if (f.kind === "person" && byId && /^\d+$/.test(v)) {
        const q = byId.get(Number(v));
        if (q) text = q.name.trim() === "" ? q.title : q.name;
      }
      if (text.trim() !== "") parts.push(text);
    }
    if (parts.length > 0) out.set(p.id, parts.join(" · "));
  }
  return out;
}
