// The scenario commands the UI calls: switching and the document-level ops go through the core like every edit.
import { commands, type Applied, type CompareOptions, type DiffFormat, type ScenarioId } from "../bindings";
import type { AppController } from "../app/controller";

/** The app exports a comparison as CSV or Markdown (the CLI also prints text and JSON). */
export type DiffExportFormat = Extract<DiffFormat, "csv" | "markdown">;

/** The comparison, with headcount and cost over the periods and in the currency `options` picks (default: a year of quarters in the document's currency). */
export function compareScenarios(from: ScenarioId, to: ScenarioId, options?: CompareOptions) {
  return options ? commands.diffScenariosOver(from, to, options) : commands.diffScenarios(from, to);
}

/** Asks where to save, then writes the comparison there, over the periods and in the currency `options` picks (as
 * compare shows it); false when the user cancelled or it failed (reported). */
export async function exportComparison(
  ctl: AppController, from: ScenarioId, to: ScenarioId, format: DiffExportFormat, stem: string, options?: CompareOptions,
): Promise<boolean> {
  const extension = format === "csv" ? "csv" : "md";
  const chosen = await commands.chooseSaveFile(
    format === "csv" ? "Export the changes as CSV" : "Export the communication checklist",
    `${stem}.${extension}`,
    format === "csv" ? "CSV" : "Markdown",
    extension,
  );
  if (chosen.status === "error") return ctl.fail(chosen.error), false;
  if (chosen.data === null) return false;
  const written = options
    ? await commands.exportDiffOver(from, to, format, chosen.data, options)
    : await commands.exportDiff(from, to, format, chosen.data);
  if (written.status === "error") return ctl.fail(written.error), false;
  ctl.info(`Saved ${chosen.data}`);
  return true;
}

export function switchScenario(ctl: AppController, id: ScenarioId): Promise<boolean> {
  return ctl.switchScenario(id);
}

/** Promote goes through its own command (which applies the promote op), so it is one undo step like any edit. */
export async function promoteScenario(ctl: AppController, id: ScenarioId): Promise<boolean> {
  const r = await commands.promoteScenario(id);
  if (r.status === "error") ctl.fail(r.error);
  return r.status === "ok";
}

/** The id of the scenario an `apply` answer created (a fork), or null. */
export function createdScenarioId(applied: Applied): ScenarioId | null {
  for (const e of applied.changes.created) if (e.kind === "scenario") return e.record.id;
  return null;
}

/** Forks a scenario and opens the copy, which is what "New scenario" means to the person asking. */
export async function forkAndOpen(ctl: AppController, from: ScenarioId, name: string): Promise<boolean> {
  const r = await commands.apply({ op: "fork-scenario", from, name });
  if (r.status === "error") return ctl.fail(r.error), false;
  const id = createdScenarioId(r.data);
  return id === null ? true : switchScenario(ctl, id);
}
