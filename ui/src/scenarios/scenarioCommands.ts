// The scenario commands the UI calls: switching and the document-level ops go through the core like every edit.
import type { ScenarioId } from "../bindings";
import { invokeResult, type AppController } from "../app/controller";
import type { Diff } from "./diffTypes";

export type DiffExportFormat = "csv" | "markdown";

export function compareScenarios(from: ScenarioId, to: ScenarioId) {
  return invokeResult<Diff>("diff_scenarios", { from, to });
}

/** Asks where to save, then writes the comparison there; false when the user cancelled or it failed (reported). */
export async function exportComparison(ctl: AppController, from: ScenarioId, to: ScenarioId, format: DiffExportFormat, stem: string): Promise<boolean> {
  const extension = format === "csv" ? "csv" : "md";
  const chosen = await invokeResult<string | null>("choose_save_file", {
    title: format === "csv" ? "Export the changes as CSV" : "Export the communication checklist",
    fileName: `${stem}.${extension}`,
    filter: format === "csv" ? "CSV" : "Markdown",
    extension,
  });
  if (chosen.status === "error") return ctl.fail(chosen.error), false;
  if (chosen.data === null) return false;
  const written = await invokeResult<null>("export_diff", { from, to, format, path: chosen.data });
  if (written.status === "error") return ctl.fail(written.error), false;
  ctl.info(`Saved ${chosen.data}`);
  return true;
}

export function switchScenario(ctl: AppController, id: ScenarioId): Promise<boolean> {
  return ctl.switchScenario(id);
}

/** Promote goes through its own command (which applies the promote op), so it is one undo step like any edit. */
export async function promoteScenario(ctl: AppController, id: ScenarioId): Promise<boolean> {
  const r = await invokeResult<unknown>("promote_scenario", { id });
  if (r.status === "error") ctl.fail(r.error);
  return r.status === "ok";
}

/** The id of the scenario an `apply` answer created (a fork), or null. */
export function createdScenarioId(applied: unknown): number | null {
  const created = (applied as { changes?: { created?: { kind: string; record: { id: number } }[] } })?.changes?.created ?? [];
  return created.find((e) => e.kind === "scenario")?.record.id ?? null;
}

/** Forks a scenario and opens the copy, which is what "New scenario" means to the person asking. */
export async function forkAndOpen(ctl: AppController, from: ScenarioId, name: string): Promise<boolean> {
  const r = await invokeResult<unknown>("apply", { op: { op: "fork-scenario", from, name } });
  if (r.status === "error") return ctl.fail(r.error), false;
  const id = createdScenarioId(r.data);
  return id === null ? true : switchScenario(ctl, id);
}
