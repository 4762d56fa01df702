// The comparison as the `diff_scenarios` command answers it (topograph-diff's serde shape).
// Kept here until ui/src/bindings.ts is regenerated with the scenario commands; then these become re-exports.
export type DiffEntity = "person" | "unit" | "area" | "interaction";

export interface DiffRef {
  id: number;
  name: string;
}

export interface DiffChange {
  kind: string;
  entity: DiffEntity;
  subject: DiffRef;
  from: string | null;
  to: string | null;
  from_id: number | null;
  to_id: number | null;
}

export interface DiffNumber {
  key: string;
  label: string;
  before: number;
  after: number;
  difference: number;
}

export interface Mover {
  person: DiffRef;
  via: string;
}

export interface ManagerImpact {
  manager: DiffRef;
  joining: Mover[];
  leaving: Mover[];
}

export interface Diff {
  from: string;
  to: string;
  changes: DiffChange[];
  numbers: DiffNumber[];
  impact: ManagerImpact[];
}
