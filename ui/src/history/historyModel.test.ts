import { describe, expect, it } from "vitest";
import type { HistoryLog, LogEntry } from "../bindings";
import { formatTime, historyRows } from "./historyModel";

const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m, d, h, min).getTime() / 1000;
const entry = (seq: number, label: string, scenario: number | null = 1, name: string | null = "Current"): LogEntry => ({
  seq, label, at: at(2026, 11, 7, 9, seq), scenario, scenario_name: name,
});

describe("formatTime", () => {
  const now = new Date(2026, 11, 7, 15, 0);
  it("shows only the clock for an edit made today", () => {
    expect(formatTime(at(2026, 11, 7, 9, 5), now)).toBe("09:05");
  });
  it("adds the day and month for an earlier day, and the year for an earlier year", () => {
    expect(formatTime(at(2026, 11, 5, 14, 3), now)).toBe("5 Dec 14:03");
    expect(formatTime(at(2025, 0, 2, 8, 0), now)).toBe("2 Jan 2025 08:00");
  });
});

describe("historyRows", () => {
  const log: HistoryLog = {
    done: [entry(3, "Move Ada"), entry(2, "Add unit"), entry(1, "Create scenario", null, null)],
    undone: [entry(4, "Edit person"), entry(5, "Remove membership")],
    done_total: 7, undone_total: 2,
  };
  const rows = historyRows(log, new Date(2026, 11, 7, 15, 0));

  it("keeps the core's order: done newest first, then what redo would bring next first", () => {
    expect(rows.done.map((r) => r.label)).toEqual(["Move Ada", "Add unit", "Create scenario"]);
    expect(rows.undone.map((r) => r.label)).toEqual(["Edit person", "Remove membership"]);
  });

  it("undoes a done row together with every newer one, in one command", () => {
    expect(rows.done.map((r) => r.jump)).toEqual([
      { kind: "undo", steps: 1 }, { kind: "undo", steps: 2 }, { kind: "undo", steps: 3 },
    ]);
    expect(rows.done[1]!.hint).toBe("Undo back to before “Add unit” (2 steps)");
  });

  it("redoes up to and including an undone row", () => {
    expect(rows.undone.map((r) => r.jump)).toEqual([{ kind: "redo", steps: 1 }, { kind: "redo", steps: 2 }]);
  });

  it("names the scenario, and says when an edit changed the scenario list", () => {
    expect(rows.done[0]!.scenario).toBe("Current");
    expect(rows.done[2]!.scenario).toBe("Scenarios");
  });

  it("counts what the listing left out", () => {
    expect(rows.olderHidden).toBe(4);
    expect(rows.laterHidden).toBe(0);
  });
});
