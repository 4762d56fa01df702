// The document's field definitions as the UI shows them, the chosen "colour by", and the Fields dialog's open state.
import { useEffect, useState, useSyncExternalStore } from "react";
import { commands, type FieldDefs } from "../bindings";
import type { ColourKey } from "./colourBy";

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(v: T) {
      value = v;
      for (const f of listeners) f();
    },
    subscribe(f: () => void) {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
}

/** What the org chart and the team map are coloured by; null for their own colours. */
export const colourBy = store<ColourKey | null>(null);
export function useColourBy(): ColourKey | null {
  return useSyncExternalStore(colourBy.subscribe, colourBy.get);
}

/** Whether the Fields dialog is open. */
export const fieldsDialog = store(false);
export function useFieldsDialogOpen(): boolean {
  return useSyncExternalStore(fieldsDialog.subscribe, fieldsDialog.get);
}

export const NO_FIELDS: FieldDefs = { fields: [] };

/** The definitions, read again whenever `revision` (anything that changes with the document) moves. */
export function useFields(revision: unknown): FieldDefs {
  const [fields, setFields] = useState<FieldDefs>(NO_FIELDS);
  useEffect(() => {
    let live = true;
    void commands.fields().then((r) => {
      if (live && r.status === "ok") setFields(r.data);
    });
    return () => { live = false; };
  }, [revision]);
  return fields;
}
