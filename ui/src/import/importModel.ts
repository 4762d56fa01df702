// The import dialog's plain logic: the column mapping as the person edits it, problems grouped for reading, the
// chosen target as the command wants it, and the summary in words. No React, no IPC: tested on its own.
import type { FieldDefs, Format, ImportTarget, Mapping, Problem, Summary, Target } from "../bindings";

/** What a column can hold, in the order the mapping menu lists them. */
export const TARGETS: readonly { value: Target; label: string }[] = [
  { value: "name", label: "Full name" },
  { value: "first-name", label: "First name" },
  { value: "last-name", label: "Last name" },
  { value: "preferred-name", label: "Preferred name" },
  { value: "email", label: "Email" },
  { value: "employee-id", label: "Employee id" },
  { value: "title", label: "Job title" },
  { value: "manager", label: "Manager (id, email or name)" },
  { value: "manager-employee-id", label: "Manager employee id" },
  { value: "manager-email", label: "Manager email" },
  { value: "manager-name", label: "Manager name" },
  { value: "dotted-line-managers", label: "Dotted-line managers (ids, ; between)" },
  { value: "department", label: "Department" },
  { value: "team", label: "Team" },
  { value: "teams", label: "Teams (Topograph export)" },
  { value: "location", label: "Location" },
  { value: "level", label: "Level" },
  { value: "discipline", label: "Discipline" },
  { value: "employment", label: "Employment" },
  { value: "status", label: "Status" },
  { value: "start-date", label: "Start date" },
  { value: "cost", label: "Cost" },
  { value: "currency", label: "Currency" },
  { value: "custom", label: "Custom field (named by the header)" },
  { value: "ignore", label: "Ignore" },
];

export const FORMATS: readonly { value: Format; label: string }[] = [
  { value: "csv", label: "CSV (HR export)" },
  { value: "json", label: "Topograph JSON" },
  { value: "backstage", label: "Backstage catalog" },
  { value: "teamapi", label: "Team API" },
];

/** Headers compare as the back end compares them: case, punctuation and spacing aside, `#` read as "number". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/#/g, " number ").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** What a column holds under a mapping; a column the mapping does not name is a custom field. */
export function targetOf(mapping: Mapping, header: string): Target {
  const key = normaliseHeader(header);
  for (const [h, t] of Object.entries(mapping.columns ?? {})) if (normaliseHeader(h) === key && t) return t;
  return "custom";
}

/**
 * The mapping with one column set (replacing any spelling of the same header). A custom column fills the field
 * `field` names, a defined one or a new text field; without it, the field its header names.
 */
export function withColumn(mapping: Mapping, header: string, target: Target, field?: string): Mapping {
  const key = normaliseHeader(header);
  const columns: Record<string, Target> = {};
  for (const [h, t] of Object.entries(mapping.columns ?? {})) if (t && normaliseHeader(h) !== key) columns[h] = t;
  columns[header] = target;
  const fields: NonNullable<Mapping["fields"]> = {};
  for (const [h, f] of Object.entries(mapping.fields ?? {})) if (f && normaliseHeader(h) !== key) fields[h] = f;
  // The type is for reading only: the back end works it out from the document's definitions.
  if (target === "custom" && field !== undefined) fields[header] = { field, type: "text" };
  return { ...mapping, columns, fields };
}

/** The select's value for a field target: kept apart from the built-in targets' names. */
const FIELD_PREFIX = "field:";

/** The mapping menu's field entries: one per defined field, with its type ("Field: Office (choice)"). */
export function fieldTargets(defs: FieldDefs): { value: string; label: string }[] {
  return defs.fields.map((f) => ({ value: `${FIELD_PREFIX}${f.name}`, label: `Field: ${f.name} (${f.kind})` }));
}

/** What the mapping menu shows for a column: its built-in target, or the defined field it fills. */
export function columnChoice(mapping: Mapping, header: string, defs: FieldDefs): string {
  const t = targetOf(mapping, header);
  if (t !== "custom") return t;
  const key = normaliseHeader(header);
  const named = Object.entries(mapping.fields ?? {}).find(([h, f]) => f && normaliseHeader(h) === key)?.[1]?.field ?? header;
  const def = defs.fields.find((f) => f.name === named) ?? defs.fields.find((f) => normaliseHeader(f.name) === normaliseHeader(named));
  return def ? `${FIELD_PREFIX}${def.name}` : "custom";
}

/** The mapping after the menu of a column chose `value` (a target, or a field entry from `fieldTargets`). */
export function withChoice(mapping: Mapping, header: string, value: string): Mapping {
  if (value.startsWith(FIELD_PREFIX)) return withColumn(mapping, header, "custom", value.slice(FIELD_PREFIX.length));
  return withColumn(mapping, header, value as Target);
}

/** Fields more than one column fills (a column on the Office field beside an "Office" column), for a warning. */
export function repeatedFields(mapping: Mapping, headers: readonly string[], defs: FieldDefs): string[] {
  const seen = new Map<string, number>();
  for (const h of headers) {
    const c = columnChoice(mapping, h, defs);
    if (c.startsWith(FIELD_PREFIX)) seen.set(c.slice(FIELD_PREFIX.length), (seen.get(c.slice(FIELD_PREFIX.length)) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([f]) => f);
}

/** What a custom column becomes in the target document, as the preview's mapping says: "Office (choice)". */
export function customFieldText(mapping: Mapping, header: string): string | null {
  if (targetOf(mapping, header) !== "custom") return null;
  const f = mapping.fields?.[header];
  return f ? `${f.field} (${f.type ?? "text"})` : null;
}

/** Targets more than one column maps to where only one makes sense (two "email" columns), for a warning. */
export function repeatedTargets(mapping: Mapping, headers: readonly string[]): Target[] {
  const many: Target[] = ["custom", "ignore", "teams"];
  const seen = new Map<Target, number>();
  for (const h of headers) {
    const t = targetOf(mapping, h);
    if (!many.includes(t)) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
}

/** One problem as the command line prints it: `LINE:COLUMN: reason`. */
export function problemText(p: Problem): string {
  return `${p.file ? `${p.file}:` : ""}${p.line}:${p.column}: ${p.reason}`;
}

export interface ProblemGroup {
  /** The reason with the row's own values left out ("unknown manager '…'"). */
  kind: string;
  problems: Problem[];
}

/** The kind of a problem: its reason without quoted values and numbers, so 300 unknown managers read as one group. */
export function problemKind(reason: string): string {
  return reason.replace(/'[^']*'|"[^"]*"/g, "'…'").replace(/\d+/g, "N");
}

/** Problems grouped by kind, biggest group first, each group in line order. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = problemKind(p.reason);
    const g = groups.get(k);
    if (g) g.push(p); else groups.set(k, [p]);
  }
  return [...groups]
    .map(([kind, ps]) => ({ kind, problems: [...ps].sort((a, b) => a.line - b.line || a.column - b.column) }))
    .sort((a, b) => b.problems.length - a.problems.length || a.kind.localeCompare(b.kind));
}

export type TargetChoice = ImportTarget["kind"];

/** The target the command takes, or why it cannot go yet. */
export function importTarget(choice: TargetChoice, fields: { newPath: string | null; scenarioName: string }): ImportTarget | { missing: string } {
  switch (choice) {
    case "new-document":
      return fields.newPath ? { kind: "new-document", path: fields.newPath } : { missing: "Choose where to save the new document." };
    case "new-scenario": {
      const name = fields.scenarioName.trim();
      return name ? { kind: "new-scenario", name } : { missing: "Name the new scenario." };
    }
    case "merge":
      return { kind: "merge" };
  }
}

/** A scenario name from the file name: "Import people.csv" for people.csv. */
export function scenarioNameFor(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return `Import ${base}`;
}

/** What the import did, a line per kind of change. */
export function summaryLines(s: Summary): string[] {
  const lines: string[] = [];
  const count = (n: number, one: string, many: string) => { if (n > 0) lines.push(`${n.toLocaleString()} ${n === 1 ? one : many}`); };
  count(s.people_added, "person added", "people added");
  count(s.people_updated, "person updated", "people updated");
  count(s.leavers.length, "person marked leaving", "people marked leaving");
  count(s.units_added, "unit added", "units added");
  count(s.memberships_set, "membership set", "memberships set");
  count(s.memberships_removed, "membership removed", "memberships removed");
  count(s.areas_added, "product area added", "product areas added");
  count(s.interactions_added, "interaction added", "interactions added");
  if (lines.length === 0) lines.push("Nothing changed");
  if (s.problems > 0) lines.push(`${s.problems.toLocaleString()} ${s.problems === 1 ? "problem" : "problems"} left rows out or changed them`);
  // A new scenario is created and then filled: say so, or one Undo looks like it left an empty scenario behind.
  if (s.undo_steps > 1) lines.push(`Undo takes it back in ${s.undo_steps} steps`);
  return lines;
}

/** What the progress display says while an import runs; the row count tells a long file from a stuck one. */
export function progressText(phase: "reading" | "writing", rows: number | null): string {
  const what = rows === null ? "the file" : `${rows.toLocaleString()} ${rows === 1 ? "row" : "rows"}`;
  return phase === "reading" ? `Reading and checking ${what}…` : `Writing ${what} into the document…`;
}
