// Keyboard focus on the team map: which team, group or person chip the arrow keys are on, and where each key goes.
// Arrows step to the nearest neighbour that way among the focused item's siblings (units in the same group, chips
// on the same team), then among all items of its kind; Shift+Down goes into a group or team, Shift+Up out of it.
import { firstInReadingOrder, nearestInDirection } from "../a11y/spatialNav";
import type { Direction } from "../keyboard/treeNav";
import type { TeamMapIndex } from "./mapIndex";

export type MapFocus = { kind: "unit"; i: number } | { kind: "chip"; k: number };

const unitsWhere = (idx: TeamMapIndex, keep: (i: number) => boolean): number[] => {
  const out: number[] = [];
  for (let i = 0; i < idx.scene.units.length; i++) if (keep(i)) out.push(i);
  return out;
};

function pick(list: number[], rectOf: (i: number) => { x: number; y: number; w: number; h: number }, from: number, dir: Direction): number | null {
  const at = list.indexOf(from);
  const j = nearestInDirection(rectOf(from), dir, list.map(rectOf), at);
  return j < 0 ? null : (list[j] as number);
}

/** Where an arrow key goes from `f`; null when nothing lies that way. */
export function stepFocus(idx: TeamMapIndex, f: MapFocus, dir: Direction): MapFocus | null {
  if (f.kind === "unit") {
    const rect = (i: number) => idx.unitRect(i);
    const parent = idx.parentIndex[f.i];
    const i = pick(unitsWhere(idx, (i) => idx.parentIndex[i] === parent), rect, f.i, dir)
      ?? pick(unitsWhere(idx, () => true).filter((i) => i === f.i || (!idx.contains(i, f.i) && !idx.contains(f.i, i))), rect, f.i, dir);
    return i === null ? null : { kind: "unit", i };
  }
  const rect = (k: number) => idx.chipRect(k);
  const unit = idx.unitAt.get(idx.scene.chip_unit[f.k] as number) ?? -1;
  const all = Array.from({ length: idx.scene.chip_person.length }, (_, k) => k);
  const k = pick(idx.chipsOf[unit] ?? [f.k], rect, f.k, dir) ?? pick(all, rect, f.k, dir);
  return k === null ? null : { kind: "chip", k };
}

/** Shift+Down: a group's first unit, or a team's first chip (reading order); null for a chip or an empty unit. */
export function focusInto(idx: TeamMapIndex, f: MapFocus): MapFocus | null {
  if (f.kind !== "unit") return null;
  const children = unitsWhere(idx, (i) => idx.parentIndex[i] === f.i);
  const c = firstInReadingOrder(children.map((i) => idx.unitRect(i)));
  if (c >= 0) return { kind: "unit", i: children[c] as number };
  const chips = idx.chipsOf[f.i] ?? [];
  const k = firstInReadingOrder(chips.map((k) => idx.chipRect(k)));
  return k >= 0 ? { kind: "chip", k: chips[k] as number } : null;
}

/** Shift+Up: the team a chip is on, or the group a unit is in; null at the top level. */
export function focusOut(idx: TeamMapIndex, f: MapFocus): MapFocus | null {
  if (f.kind === "chip") {
    const i = idx.unitAt.get(idx.scene.chip_unit[f.k] as number);
    return i === undefined ? null : { kind: "unit", i };
  }
  const p = idx.parentIndex[f.i] as number;
  return p >= 0 ? { kind: "unit", i: p } : null;
}

/** Where the keys start with nothing focused: the first top-level unit in reading order. */
export function firstFocus(idx: TeamMapIndex): MapFocus | null {
  const top = unitsWhere(idx, (i) => idx.parentIndex[i] === -1);
  const j = firstInReadingOrder(top.map((i) => idx.unitRect(i)));
  return j < 0 ? null : { kind: "unit", i: top[j] as number };
}

/**
 * The focus that matches a selection made elsewhere (a click, another view): the kept focus when it still shows a
 * selected item, else the first selected unit, else the first chip of the first selected person.
 */
export function focusForSelection(idx: TeamMapIndex, kept: MapFocus | null, persons: ReadonlySet<number>, units: ReadonlySet<number>): MapFocus | null {
  const s = idx.scene;
  if (kept?.kind === "unit" && kept.i < s.units.length && units.has(s.units[kept.i] as number)) return kept;
  if (kept?.kind === "chip" && kept.k < s.chip_person.length && persons.has(s.chip_person[kept.k] as number)) return kept;
  for (const u of units) {
    const i = idx.unitAt.get(u);
    if (i !== undefined) return { kind: "unit", i };
  }
  if (persons.size > 0) {
    const k = s.chip_person.findIndex((p) => persons.has(p));
    if (k >= 0) return { kind: "chip", k };
  }
  return null;
}

/** The world rectangle the focus ring goes around. */
export function focusRect(idx: TeamMapIndex, f: MapFocus) {
  return f.kind === "unit" ? idx.unitRect(f.i) : idx.chipRect(f.k);
}
