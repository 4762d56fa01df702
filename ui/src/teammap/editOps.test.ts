import { describe, expect, it } from "vitest";
import { chipDropOp, chipDropVerdict, commonAncestor, groupOp, interactionOp, ungroupOp, unitDropOp, unitDropVerdict, type Seat, type UnitRef } from "./editOps";

const ada: Seat = { person: 10, unit: 3, allocation: 80, role: "tech-lead", name: "Ada" };
const unit = (id: number, name: string, kind: UnitRef["kind"], parent: number | null, placed = false): UnitRef => ({ id, name, kind, parent, placed });
const checkout = unit(3, "Checkout", "stream-aligned", 2);
const payments = unit(4, "Payments", "platform", 1, true);
const tribe = unit(2, "Tribe", "group", 1);
const dept = unit(1, "Department", "group", null);
const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 1], [5, null]]);
const parentOf = (u: number) => parents.get(u) ?? null;

describe("dragging a person chip", () => {
  it("moves the seat to the other team in one batch, keeping role and allocation", () => {
    expect(chipDropOp(ada, payments, [ada], false)).toEqual({
      op: "batch", label: "Move Ada to Payments",
      ops: [
        { op: "set-membership", person: 10, unit: 4, allocation: 80, role: "tech-lead" },
        { op: "remove-membership", person: 10, unit: 3 },
      ],
    });
  });

  it("joins the shares when the person already sits on the target", () => {
    const there: Seat = { ...ada, unit: 4, allocation: 40, role: "engineer" };
    const op = chipDropOp(ada, payments, [ada, there], false);
    expect(op?.op === "batch" && op.ops[0]).toEqual({ op: "set-membership", person: 10, unit: 4, allocation: 100, role: "engineer" });
  });

  it("with Alt adds a second seat and splits the person 50/50", () => {
    expect(chipDropOp(ada, payments, [ada], true)).toEqual({
      op: "batch", label: "Add Ada to Payments",
      ops: [
        { op: "set-membership", person: 10, unit: 3, allocation: 50, role: "tech-lead" },
        { op: "set-membership", person: 10, unit: 4, allocation: 50, role: "tech-lead" },
      ],
    });
  });

  it("refuses a drop on the person's own team, and an add to a team they are already on", () => {
    expect(chipDropVerdict(ada, checkout, [ada], false)).toEqual({ ok: false, reason: "Ada is already on Checkout" });
    expect(chipDropOp(ada, checkout, [ada], false)).toBeNull();
    expect(chipDropVerdict(ada, payments, [ada, { ...ada, unit: 4 }], true).ok).toBe(false);
  });
});

describe("dragging a unit", () => {
  it("into another group moves it there and forgets where it was put by hand", () => {
    expect(unitDropOp(payments, tribe, { x: 5, y: 6 })).toEqual({
      op: "batch", label: "Move Payments into Tribe",
      ops: [{ op: "move-unit", id: 4, parent: 2 }, { op: "clear-placements", units: [4] }],
    });
    expect(unitDropOp(checkout, dept, { x: 5, y: 6 })).toEqual({ op: "batch", label: "Move Checkout into Department", ops: [{ op: "move-unit", id: 3, parent: 1 }] });
  });

  it("onto the open canvas takes it out of its group and keeps it where it was dropped", () => {
    expect(unitDropOp(checkout, null, { x: 100.4, y: -20.6 })).toEqual({
      op: "batch", label: "Move Checkout out of its group",
      ops: [{ op: "move-unit", id: 3, parent: null }, { op: "set-placement", placement: { unit: 3, x: 100, y: -21, w: 1, h: 1 } }],
    });
  });

  it("within its own group only records where it now is", () => {
    expect(unitDropOp(checkout, tribe, { x: 40, y: 50 })).toEqual({ op: "set-placement", placement: { unit: 3, x: 40, y: 50, w: 1, h: 1 } });
    expect(unitDropOp(dept, null, { x: 0, y: 0 })?.op).toBe("set-placement");
  });

  it("refuses a team as the container", () => {
    expect(unitDropVerdict(checkout, payments)).toEqual({ ok: false, reason: "Payments is a team: drop teams into groups" });
    expect(unitDropOp(checkout, payments, { x: 0, y: 0 })).toBeNull();
  });
});

describe("grouping a lasso selection", () => {
  it("creates the team with its reserved id and moves the people's seats onto it, in one batch", () => {
    const bo: Seat = { person: 11, unit: 3, allocation: 100, role: "engineer", name: "Bo" };
    const cy: Seat = { person: 12, unit: 4, allocation: 50, role: "designer", name: "Cy" };
    expect(groupOp(500, "Growth", "team", [], [ada, bo, cy], parentOf)).toEqual({
      op: "batch", label: "Group into team Growth",
      ops: [
        { op: "create-unit", unit: { id: 500, name: "Growth", mission: "", kind: "stream-aligned", parent: 1, lead: null, colour: null, target_size: null } },
        { op: "set-membership", person: 10, unit: 500, allocation: 80, role: "tech-lead" },
        { op: "set-membership", person: 11, unit: 500, allocation: 100, role: "engineer" },
        { op: "set-membership", person: 12, unit: 500, allocation: 50, role: "designer" },
        { op: "remove-membership", person: 10, unit: 3 },
        { op: "remove-membership", person: 11, unit: 3 },
        { op: "remove-membership", person: 12, unit: 4 },
      ],
    });
  });

  it("seats selected people who are on no team yet on the new team full time, at the top level", () => {
    const op = groupOp(502, "Founders", "team", [], [], parentOf, [{ person: 20, role: "engineer" }, { person: 21, role: "designer" }]);
    expect(op).toEqual({
      op: "batch", label: "Group into team Founders",
      ops: [
        { op: "create-unit", unit: { id: 502, name: "Founders", mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null } },
        { op: "set-membership", person: 20, unit: 502, allocation: 100, role: "engineer" },
        { op: "set-membership", person: 21, unit: 502, allocation: 100, role: "designer" },
      ],
    });
  });

  it("puts a new group around units where they were and merges a person's two seats", () => {
    const op = groupOp(501, "Tribe B", "group", [checkout, payments], [ada, { ...ada, unit: 4, allocation: 50 }], parentOf);
    if (op.op !== "batch") throw new Error("expected a batch");
    expect(op.ops[0]).toMatchObject({ op: "create-unit", unit: { id: 501, kind: "group", parent: 1 } });
    expect(op.ops.slice(1, 3)).toEqual([{ op: "move-unit", id: 3, parent: 501 }, { op: "move-unit", id: 4, parent: 501 }]);
    expect(op.ops.filter((o) => o.op === "set-membership")).toEqual([{ op: "set-membership", person: 10, unit: 501, allocation: 100, role: "tech-lead" }]);
    expect(op.ops.filter((o) => o.op === "remove-membership")).toHaveLength(2);
  });

  it("finds the innermost common container", () => {
    expect(commonAncestor([2, 2], parentOf)).toBe(2);
    expect(commonAncestor([2, 1], parentOf)).toBe(1);
    expect(commonAncestor([2, 5], parentOf)).toBeNull();
    expect(commonAncestor([null, 2], parentOf)).toBeNull();
    expect(commonAncestor([], parentOf)).toBeNull();
  });
});

describe("other team map edits", () => {
  it("ungroups only groups, and draws interactions only between two units", () => {
    expect(ungroupOp(tribe)).toEqual({ op: "delete-unit", id: 2 });
    expect(ungroupOp(checkout)).toBeNull();
    expect(ungroupOp(tribe, [{ ...ada, unit: 2 }])).toEqual({
      op: "batch", label: "Ungroup Tribe",
      ops: [{ op: "set-membership", person: 10, unit: 1, allocation: 80, role: "tech-lead" }, { op: "delete-unit", id: 2 }],
    });
    expect(ungroupOp(dept, [{ ...ada, unit: 1 }])).toEqual({ op: "delete-unit", id: 1 });
    expect(interactionOp(3, 4, "collaboration")).toEqual({
      op: "add-interaction", interaction: { id: 0, from: 3, to: 4, mode: "collaboration", note: "", start: null, expected_end: null },
    });
    expect(interactionOp(3, 3, "facilitating")).toBeNull();
  });
});
