import { describe, expect, it } from "vitest";
import type { Op } from "../bindings";
import { applyMove, type AskMove } from "./datedMove";

function fakeCtl() {
  const applied: Op[] = [];
  return { applied, ctl: { apply: async (op: Op) => { applied.push(op); return true; } } };
}

const move: Op = { op: "move-subtree", person: 4, manager: 2 };
const never: AskMove = () => { throw new Error("asked"); };

describe("applyMove", () => {
  it("applies at once when the views show today or a past day", async () => {
    const f = fakeCtl();
    expect(await applyMove(f.ctl, move, { day: null, ask: never })).toBe(true);
    expect(await applyMove(f.ctl, move, { day: "2001-01-01", ask: never })).toBe(true);
    expect(f.applied).toEqual([move, move]);
  });

  it("asks when a later day is shown, naming the move and the day, and plans it for that day", async () => {
    const f = fakeCtl();
    const asked: string[] = [];
    const ok = await applyMove(f.ctl, move, { day: "2999-03-01", what: "Moving Ada under Grace", ask: async (day, what) => { asked.push(`${what} on ${day}`); return "dated"; } });
    expect(ok).toBe(true);
    expect(asked).toEqual(["Moving Ada under Grace on 2999-03-01"]);
    expect(f.applied).toEqual([{ op: "batch", label: "Move on 2999-03-01", ops: [{ op: "add-dated-change", change: { id: 0, date: "2999-03-01", change: move } }] }]);
  });

  it("makes the move in today's design when told 'now', and nothing when cancelled", async () => {
    const f = fakeCtl();
    expect(await applyMove(f.ctl, move, { day: "2999-03-01", ask: async () => "now" })).toBe(true);
    expect(await applyMove(f.ctl, move, { day: "2999-03-01", ask: async () => "cancel" })).toBe(false);
    expect(f.applied).toEqual([move]);
  });

  it("does not ask about an edit a date cannot carry", async () => {
    const f = fakeCtl();
    const dotted: Op = { op: "add-dotted-line", person: 4, manager: 2 };
    expect(await applyMove(f.ctl, dotted, { day: "2999-03-01", ask: never })).toBe(true);
    expect(f.applied).toEqual([dotted]);
  });
});
