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

/**
 * The definitions as the back end answered them for `revision`: every view that asks for the same revision shares one
 * `fields` command, and an answer equal to the last one is the same object, so what is built from it is not rebuilt.
 */
let asked: { revision: unknown; answer: Promise<FieldDefs | null> } | null = null;
let last: { json: string; defs: FieldDefs } | null = null;
function fieldsAt(revision: unknown): Promise<FieldDefs | null> {
  if (asked === null || asked.revision !== revision) {
    asked = {
      revision,
      answer: commands.fields().then((r) => {
        if (r.status !== "ok") return null;
        const json = JSON.stringify(r.data);
        if (last?.json !== json) last = { json, defs: r.data };
        return last.defs;
      }),
    };
  }
  return asked.answer;
}

/** The definitions, read again whenever `revision` (anything that changes with the document) moves. */
export function useFields(revision: unknown): FieldDefs {
  const [fields, setFields] = useState<FieldDefs>(NO_FIELDS);
  useEffect(() => {
    let live = true;
    void fieldsAt(revision).then((defs) => {
      if (live && defs) setFields(defs);
    });
    return () => { live = false; };
  }, [revision]);
  return fields;
}
