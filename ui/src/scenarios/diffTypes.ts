// The comparison as the `diff_scenarios` command answers it: the generated bindings are the only definition.
// specta writes Rust's f64 as `number | null` (a NaN would travel as null), so the numbers' figures may be null.
export type { ChangeKind, Diff, DiffChange, DiffEntity, DiffNumber, DiffRef, ManagerImpact, Mover } from "../bindings";
