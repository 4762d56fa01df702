// Colour by: which people get which colour, from a choice field's own colours or a built-in category
// (discipline, location, status, level, coloured from a fixed palette in natural order). The exporter colours by the
// same rule (topograph_model::colour_by); tests/fixtures/parity/colour-by.json holds cases both sides check.
import type { FieldDefs, Person } from "../bindings";
import type { MarkSet } from "../canvas/highlights";

/** `discipline`, `location`, `status`, `level` or `custom:<field name>`. */
export type ColourKey = string;

export interface ColourOption {
  key: ColourKey;
  label: string;
}

export interface ColourEntry {
  label: string;
  colour: string;
  /** The people who get this colour. */
  ids: number[];
}

export const BUILT_IN: readonly ColourOption[] = [
  { key: "discipline", label: "Discipline" },
  { key: "location", label: "Location" },
  { key: "status", label: "Status" },
  { key: "level", label: "Level" },
];

/** Colours for built-in categories: distinct on a light card and for common colour-blindness. */
export const PALETTE: readonly string[] = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
];

/** What the chart can be coloured by: the built-in categories, then every choice field. */
export function colourOptions(fields: FieldDefs): ColourOption[] {
  return [
    ...BUILT_IN,
    ...fields.fields.filter((f) => f.kind === "choice").map((f) => ({ key: `custom:${f.name}`, label: f.name })),
  ];
}

export function colourLabel(key: ColourKey): string {
  return BUILT_IN.find((b) => b.key === key)?.label ?? key.replace(/^custom:/, "");
}

function builtIn(key: ColourKey, p: Person): string | null {
  switch (key) {
    case "discipline": return p.discipline;
    case "status": return p.status;
    case "location": return p.location ?? null;
    case "level": return p.level ?? null;
    default: return null;
  }
}

/** The legend's entries in order, each with its people; a person without a value gets no colour. */
export function colourEntries(key: ColourKey, persons: readonly Person[], fields: FieldDefs): ColourEntry[] {
  if (key.startsWith("custom:")) {
    const name = key.slice("custom:".length);
    const def = fields.fields.find((f) => f.name === name && f.kind === "choice");
    if (!def) return [];
    const entries = (def.choices ?? []).map((c) => ({ label: c.name, colour: c.colour, ids: [] as number[] }));
    const at = new Map(entries.map((e, i) => [e.label, i]));
    for (const p of persons) {
      const v = p.custom[name];
      const i = v === undefined ? undefined : at.get(v);
      if (i !== undefined) entries[i]?.ids.push(p.id);
    }
    return entries;
  }
  const groups = new Map<string, number[]>();
  for (const p of persons) {
    const v = builtIn(key, p);
    if (v === null || v.trim() === "") continue;
    const g = groups.get(v);
    if (g) g.push(p.id); else groups.set(v, [p.id]);
  }
  return [...groups.keys()]
    .sort(naturalCompare)
    .map((label, i) => ({ label, colour: PALETTE[i % PALETTE.length] as string, ids: groups.get(label) ?? [] }));
}

/** The entries as the chart's mark sets: an outline in the colour and a light tint of it. */
export function colourMarks(entries: readonly ColourEntry[]): MarkSet[] {
  return entries.filter((e) => e.ids.length > 0).map((e) => ({ ids: new Set(e.ids), stroke: e.colour, fill: `${e.colour}40` }));
}

/**
 * Natural order, as the core's `natural_cmp`: runs of digits compare by value ("L2" before "L10"), the rest without
 * regard to case (Unicode's simple lower case, as Rust's), and the raw text (by code point) breaks ties.
 */
export function naturalCompare(a: string, b: string): number {
  const ca = a.match(/\d+|\D+/g) ?? [];
  const cb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    let o: number;
    if (digits) {
      const tx = x.replace(/^0+/, "");
      const ty = y.replace(/^0+/, "");
      o = tx.length - ty.length || byCodePoint(tx, ty);
    } else o = byCodePoint(x.toLowerCase(), y.toLowerCase());
    if (o !== 0) return Math.sign(o);
  }
  return Math.sign(ca.length - cb.length) || byCodePoint(a, b);
}

function byCodePoint(a: string, b: string): number {
  const pa = [...a];
  const pb = [...b];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = (pa[i] as string).codePointAt(0)! - (pb[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}
