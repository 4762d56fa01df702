import { describe, expect, it } from "vitest";
import type { FindingTurn } from "../bindings";
import { turnText } from "./timelineText";

const turn = (t: FindingTurn["turn"]): FindingTurn => ({
  month: "2027-03", day: "2027-03-01", turn: t,
  finding: { check: "product-trio", severity: "warning", entity_kind: "unit", entity_id: 7, entity_name: "Payments", message: "missing a designer", value: 1, threshold: "", source: "" },
});

describe("a finding turning in a coming month", () => {
  it("reads as the month it appears, changes or goes from", () => {
    expect(turnText(turn("appears"))).toBe("from 2027-03: Payments missing a designer");
    expect(turnText(turn("changes"))).toBe("from 2027-03, now: Payments missing a designer");
    expect(turnText(turn("resolves"))).toBe("from 2027-03 resolved: Payments missing a designer");
  });
});
