// The compare mode's marks while "Show on chart" is on: the compare panel sets them, the org chart draws them.
import { useSyncExternalStore } from "react";
import type { MarkSet } from "../canvas/highlights";
import type { CompareMarks } from "./compareHighlights";

export interface ShownCompare {
  /** The scenario the marks belong on (the comparison's "to"); other scenarios' charts stay unmarked. */
  scenario: number;
  marks: CompareMarks;
}

let shown: ShownCompare | null = null;
const listeners = new Set<() => void>();

export const compareMarksStore = {
  get: (): ShownCompare | null => shown,
  set(next: ShownCompare | null): void {
    if (next === shown) return;
    shown = next;
    listeners.forEach((f) => f());
  },
  subscribe(f: () => void): () => void {
    listeners.add(f);
    return () => listeners.delete(f);
  },
};

const NONE: readonly MarkSet[] = [];

/** The chart's marks when the open scenario is the one being compared to, else none (a stable empty list). */
export function useCompareMarks(activeScenario: number | null | undefined): readonly MarkSet[] {
  const s = useSyncExternalStore(compareMarksStore.subscribe, compareMarksStore.get);
  return s && s.scenario === activeScenario ? s.marks.chart : NONE;
}
