// What each check is called and how to fix its findings, from the core's catalogue (health_settings), fetched once.
import { useSyncExternalStore } from "react";
import { commands, type CheckInfo } from "../bindings";

export interface CheckText {
  title: string;
  fix: string;
  why: string;
}

export type CheckTexts = ReadonlyMap<string, CheckText>;

export function checkTexts(checks: readonly Pick<CheckInfo, "id" | "title" | "fix" | "why">[]): CheckTexts {
  return new Map(checks.map((c) => [c.id, { title: c.title, fix: c.fix, why: c.why }]));
}


let texts: CheckTexts = new Map();
let asked = false;
const listeners = new Set<() => void>();

function load(): void {
  if (asked) return;
  asked = true;
  void commands.healthSettings().then((r) => {
    if (r.status === "error") {
      asked = false; // asked again by the next reader
      return;
    }
    texts = checkTexts(r.data.checks);
    listeners.forEach((f) => f());
  });
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  load();
  return () => listeners.delete(f);
};

/** The catalogue's titles and fix lines; empty until it answers. */
export function useCheckTexts(): CheckTexts {
  return useSyncExternalStore(subscribe, () => texts);
}
