import { describe, expect, it } from "vitest";
import type { Op } from "../bindings";
import { datedMove, dayLabel, isFuture, readDay, stepQuarter, today } from "./asOfDate";

describe("the as-of date", () => {
  it("reads a typed day, empty or 'today' as today, and says why a bad one is not a day", () => {
    expect(readDay(" 2027-3-1 ")).toEqual({ day: "2027-03-01" });
    expect(readDay("")).toEqual({ day: null });
    expect(readDay("Today")).toEqual({ day: null });
    expect(readDay("2027-02-29")).toEqual({ error: '"2027-02-29": 2027-02 has 28 days' });
    expect(readDay("2028-02-29")).toEqual({ day: "2028-02-29" });
    expect(readDay("2027-13-01")).toEqual({ error: '"2027-13-01" has no month 13' });
    expect(readDay("next spring")).toEqual({ error: '"next spring" is not a date: write it as YYYY-MM-DD' });
  });

  it("steps to the first day of the next or previous quarter", () => {
    expect(stepQuarter("2026-12-07", 1)).toBe("2027-01-01");
    expect(stepQuarter("2027-01-01", 1)).toBe("2027-04-01");
    expect(stepQuarter("2026-12-07", -1)).toBe("2026-10-01");
    expect(stepQuarter("2026-10-01", -1)).toBe("2026-07-01");
    expect(stepQuarter("2027-01-01", -1)).toBe("2026-10-01");
    expect(stepQuarter("2026-11-15", 4)).toBe("2027-10-01");
  });

  it("writes today in the local calendar and tells a later day from today", () => {
    expect(today(new Date(2027, 0, 5, 23, 59))).toBe("2027-01-05");
    expect(isFuture("2027-01-06", "2027-01-05")).toBe(true);
    expect(isFuture("2027-01-05", "2027-01-05")).toBe(false);
    expect(isFuture(null, "2027-01-05")).toBe(false);
    expect(dayLabel("2027-03-01")).toBe("1 Mar 2027");
  });
});

describe("a move made while the views show a later day", () => {
  it("becomes a dated change carrying the same move", () => {
    const op: Op = { op: "move-subtree", person: 4, manager: 2 };
    expect(datedMove(op, "2027-03-01")).toEqual({
      op: "batch", label: "Move on 2027-03-01",
      ops: [{ op: "add-dated-change", change: { id: 0, date: "2027-03-01", change: op } }],
    });
  });

  it("dates every move of a batch and keeps where a team box sits as it is", () => {
    const place: Op = { op: "set-placement", placement: { unit: 9, x: 1, y: 2 } } as Op;
    const op: Op = { op: "batch", label: "Move Search into Platform", ops: [{ op: "move-unit", id: 9, parent: 3 }, place] };
    const dated = datedMove(op, "2027-04-01");
    expect(dated).toEqual({
      op: "batch", label: "Move Search into Platform on 2027-04-01",
      ops: [{ op: "add-dated-change", change: { id: 0, date: "2027-04-01", change: { op: "move-unit", id: 9, parent: 3 } } }, place],
    });
  });

  it("is not dated when it is no move a date can carry", () => {
    expect(datedMove({ op: "add-dotted-line", person: 4, manager: 2 }, "2027-03-01")).toBeNull();
    expect(datedMove({ op: "batch", label: "x", ops: [{ op: "set-placement", placement: { unit: 9, x: 1, y: 2 } } as Op] }, "2027-03-01")).toBeNull();
  });
});
