// Where a finding's subject lives and how to bring it on screen. A kind's target opens its view and selects the
// subject; the view then moves its camera when it takes the reveal request (app/reveal). Other parts of the app
// register targets for the kinds they show (the ownership map for areas), replacing the default.
import type { EntityKind, Finding, View as AnyView } from "../bindings";
import type { Selection } from "../app/controller";

/** The diagram tabs a subject can be shown on (the charts over time show no single subject). */
type View = Exclude<AnyView, "headcount" | "cost">;
import { revealBus, type RevealBus } from "../app/reveal";

/** The part of the controller a target uses. */
export interface TargetHost {
  setView(view: View): void;
  select(sel: Partial<Selection> | null): void;
}

export interface FindingTarget {
  /** The view that shows the subject; null: no view (findings about the whole org). */
  view: View | null;
  /** Selects the subject; the default selects people and units in the shared selection. */
  select?(host: TargetHost, f: Finding): void;
}

const targets = new Map<EntityKind, FindingTarget>([
  ["person", { view: "org-chart", select: (h, f) => h.select({ persons: [f.entity_id] }) }],
  ["unit", { view: "team-map", select: (h, f) => h.select({ units: [f.entity_id] }) }],
  ["interaction", { view: "team-map" }],
  ["area", { view: "ownership" }],
  ["org", { view: null }],
]);

/** Makes `target` the way findings about `kind` are revealed; returns a function that puts the previous one back. */
export function registerFindingTarget(kind: EntityKind, target: FindingTarget): () => void {
  const before = targets.get(kind);
  targets.set(kind, target);
  return () => {
    if (before) targets.set(kind, before);
    else targets.delete(kind);
  };
}

export function findingTarget(kind: EntityKind): FindingTarget | undefined {
  return targets.get(kind);
}

/** Opens the subject's view, selects the subject and asks that view to bring it on screen. */
export function revealFinding(host: TargetHost, f: Finding, bus: RevealBus = revealBus): void {
  const t = targets.get(f.entity_kind);
  if (!t || t.view === null) return;
  host.setView(t.view);
  t.select?.(host, f);
  bus.request(f.entity_kind, f.entity_id);
}
