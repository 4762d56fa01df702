// The compare mode's marks while "Show on chart" is on: the compare panel sets them, the org chart draws them.
import { useSyncExternalStore } from "react";
import type { CompareOverlay } from "../canvas/highlights";
import type { CompareMarks } from "./compareHighlights";
import type { OwnershipMarks } from "./ownershipMarks";

export interface ShownCompare {
  /** The scenario the marks belong on (the comparison's "to"); other scenarios' charts stay unmarked. */
  scenario: number;
  marks: CompareMarks;
}

/** A change-list row asked the ownership map to bring an area into view; seq tells a new request from one already served. */
export interface AreaFocus {
  area: number;
  seq: number;
}

let shown: ShownCompare | null = null;
let focus: AreaFocus | null = null;
let served = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((f) => f());

export const compareMarksStore = {
  get: (): ShownCompare | null => shown,
  set(next: ShownCompare | null): void {
    if (next === shown) return;
    shown = next;
    notify();
  },
  focus: (): AreaFocus | null => focus,
  focusArea(area: number): void {
    focus = { area, seq: (focus?.seq ?? 0) + 1 };
    notify();
  },
  /** Whether the map still has to move to this request (a remounted map must not jump back to an old one). */
  pending: (f: AreaFocus): boolean => f.seq > served,
  served(f: AreaFocus): void {
    served = Math.max(served, f.seq);
  },
  subscribe(f: () => void): () => void {
    listeners.add(f);
    return () => listeners.delete(f);
  },
};

const NONE: CompareOverlay = { sets: [], left: new Map() };

/** The chart's marks when the open scenario is the one being compared to, else none (a stable empty overlay). */
export function useCompareMarks(activeScenario: number | null | undefined): CompareOverlay {
  const s = useSyncExternalStore(compareMarksStore.subscribe, compareMarksStore.get);
  return s && s.scenario === activeScenario ? s.marks.chart : NONE;
}

/** The ownership map's marks when the open scenario is the one being compared to, else null. */
export function useOwnershipMarks(activeScenario: number | null | undefined): OwnershipMarks | null {
  const s = useSyncExternalStore(compareMarksStore.subscribe, compareMarksStore.get);
  return s && s.scenario === activeScenario ? s.marks.ownership : null;
}

export function useAreaFocus(): AreaFocus | null {
  return useSyncExternalStore(compareMarksStore.subscribe, compareMarksStore.focus);
}
