// Edits of a draft CheckSettings in the settings dialog: only differences from the defaults are kept.
import type { CheckSettings } from "../bindings";

/** Is a check switched on in a draft (the stored settings may leave the list out). */
export const isEnabled = (s: CheckSettings, check: string) => !(s.disabled ?? []).includes(check);

/** The override of a threshold in a draft, if the user set one. */
export const overrideOf = (s: CheckSettings, check: string, name: string): number | undefined => s.thresholds?.[check]?.[name] ?? undefined;

export function toggleCheck(s: CheckSettings, check: string, enabled: boolean): CheckSettings {
  const disabled = (s.disabled ?? []).filter((id) => id !== check);
  if (!enabled) disabled.push(check);
  disabled.sort();
  return { ...s, disabled };
}

/** An empty field removes the override, so the default (or the preset) is in force again. */
export function applyThreshold(s: CheckSettings, check: string, name: string, text: string): CheckSettings {
  const own: { [key in string]: number | null } = { ...(s.thresholds?.[check] ?? {}) };
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) delete own[name];
  else own[name] = value;
  const thresholds = { ...(s.thresholds ?? {}) };
  if (Object.keys(own).length === 0) delete thresholds[check];
  else thresholds[check] = own;
  return { ...s, thresholds };
}
