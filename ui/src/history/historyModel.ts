// The History panel's rows from the core's log, and what clicking one does: pure, tested without the app.
import type { HistoryLog, LogEntry } from "../bindings";

export interface HistoryRow {
  seq: number;
  label: string;
  /** When, as people read it: "14:03" today, "5 Dec 14:03" before. */
  time: string;
  /** The scenario it changed; edits of the scenario list say so. */
  scenario: string;
  /** Clicking the row: undo or redo this many steps, as one command. */
  jump: { kind: "undo" | "redo"; steps: number };
  /** What the click will do, for the tooltip and screen readers. */
  hint: string;
}

export interface HistoryRows {
  /** Newest first: the first row is what Undo would take back. */
  done: HistoryRow[];
  /** Next first: the first row is what Redo would bring back. */
  undone: HistoryRow[];
  /** Entries older than the listed ones (the log is long). */
  olderHidden: number;
  laterHidden: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** Local time of `at` (seconds since 1970): the clock today, the date and clock on other days. */
export function formatTime(at: number, now: Date = new Date()): string {
  const d = new Date(at * 1000);
  const clock = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  if (sameDay) return clock;
  const year = d.getFullYear() === now.getFullYear() ? "" : ` ${d.getFullYear()}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}${year} ${clock}`;
}

const scenarioOf = (e: LogEntry) => e.scenario_name ?? (e.scenario === null ? "Scenarios" : `scenario #${e.scenario}`);
const steps = (n: number) => (n === 1 ? "1 step" : `${n} steps`);

/**
 * Clicking a done row undoes it and everything after it; clicking an undone row redoes everything up to and
 * including it. Either is one command, so one click is one change on screen.
 */
export function historyRows(log: HistoryLog, now: Date = new Date()): HistoryRows {
  const row = (e: LogEntry, i: number, kind: "undo" | "redo"): HistoryRow => ({
    seq: e.seq,
    label: e.label,
    time: e.at === null ? "" : formatTime(e.at, now),
    scenario: scenarioOf(e),
    jump: { kind, steps: i + 1 },
    hint: kind === "undo" ? `Undo back to before “${e.label}” (${steps(i + 1)})` : `Redo up to “${e.label}” (${steps(i + 1)})`,
  });
  return {
    done: log.done.map((e, i) => row(e, i, "undo")),
    undone: log.undone.map((e, i) => row(e, i, "redo")),
    olderHidden: Math.max(0, log.done_total - log.done.length),
    laterHidden: Math.max(0, log.undone_total - log.undone.length),
  };
}
