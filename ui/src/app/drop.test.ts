import { describe, expect, it } from "vitest";
import { dropHints, dropOp, dropVerdict, managersById, managersFromScene, reportCounts } from "./drop";

// Ada leads Bo and Cy; Bo leads Di and Ed.
const persons = [
  { id: 1, manager: null }, { id: 2, manager: 1 }, { id: 3, manager: 1 }, { id: 4, manager: 2 }, { id: 5, manager: 2 },
];
const names: Record<number, string> = { 1: "Ada", 2: "Bo", 3: "Cy", 4: "Di", 5: "Ed" };
const nameOf = (id: number) => names[id] ?? "?";

describe("drop", () => {
  const managers = managersById(persons);
  const reports = reportCounts(persons);

  it("counts direct reports per manager", () => {
    expect([...reports.entries()].sort()).toEqual([[1, 2], [2, 2]]);
  });

  it("says what each kind of drop does: the team along, the person alone and where their reports go, a dotted line", () => {
    const v = dropVerdict(managers, 2, 3, nameOf, reports, "Ctrl");
    expect(v).toEqual({
      ok: true,
      hints: {
        move: "Move Bo and their 2 reports under Cy · hold Ctrl to move only Bo",
        only: "Move only Bo under Cy; their 2 reports go to Ada",
        dotted: "Add a dotted line from Bo to Cy",
      },
    });
    expect(dropHints("Di", "Cy", 0, "Bo", "Cmd").move).toBe("Move Di under Cy");
    expect(dropHints("Ada", "Zed", 1, null, "Cmd").only).toBe("Move only Ada under Zed; their 1 report stays at the top");
  });

  it("refuses a drop onto oneself or below oneself, with the reason", () => {
    expect(dropVerdict(managers, 2, 2, nameOf, reports)).toEqual({ ok: false, reason: "A person cannot report to themselves" });
    expect(dropVerdict(managers, 1, 4, nameOf, reports)).toEqual({ ok: false, reason: "Di reports to Ada: that would make a loop" });
  });

  it("turns a drop into the op it stands for", () => {
    expect(dropOp(2, 3, { shift: false, only: false })).toEqual({ op: "move-subtree", person: 2, manager: 3 });
    expect(dropOp(2, 3, { shift: false, only: true })).toEqual({ op: "set-manager", person: 2, manager: 3 });
    expect(dropOp(2, 3, { shift: true, only: true })).toEqual({ op: "add-dotted-line", person: 2, manager: 3 });
  });
});

describe("who reports to whom before the records are in", () => {
  it("reads the chart's solid lines, leaving dotted lines out and the tops without a manager", () => {
    const m = managersFromScene({
      ids: [1, 2, 3, 4],
      connectors: [
        { from: 1, to: 2, dotted: false },
        { from: 1, to: 3, dotted: false },
        { from: 2, to: 4, dotted: false },
        { from: 3, to: 4, dotted: true },
      ],
    });
    expect([...m]).toEqual([[1, null], [2, 1], [3, 1], [4, 2]]);
  });
});
