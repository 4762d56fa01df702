import { describe, expect, it } from "vitest";
import type { Finding } from "../bindings";
import { badgeCounts, badgeTooltip, checkLabel, findingsOf, groupFindings } from "./findings";

const f = (check: string, severity: Finding["severity"], kind: Finding["entity_kind"], id: number): Finding => ({
  check, severity, entity_kind: kind, entity_id: id, entity_name: `${kind} ${id}`, message: "m", value: 1, threshold: "", source: "s",
});

describe("groupFindings", () => {
  it("puts errors first and groups each severity by check in the order the core sent", () => {
    const groups = groupFindings([
      f("team-size", "warning", "unit", 1), f("area-ownership", "error", "area", 2),
      f("span-of-control-ics", "warning", "person", 3), f("team-size", "warning", "unit", 4),
    ]);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([["error", 1], ["warning", 3]]);
    expect(groups[1]!.checks.map((c) => [c.check, c.findings.length])).toEqual([["team-size", 2], ["span-of-control-ics", 1]]);
  });
});

describe("badgeCounts", () => {
  it("counts problems per entity and leaves informational findings out", () => {
    const counts = badgeCounts([f("team-size", "warning", "unit", 1), f("product-trio", "warning", "unit", 1), f("rollups", "info", "unit", 1)]);
    expect(counts.get("unit:1")).toBe(2);
    expect(counts.get("person:1")).toBeUndefined();
  });
});

describe("checkLabel", () => {
  it("prefers the catalogue title and falls back to the id in words", () => {
    expect(checkLabel("team-size")).toBe("Team size");
    expect(checkLabel("team-size", new Map([["team-size", "Team size (people)"]]))).toBe("Team size (people)");
  });
});

describe("findingsOf", () => {
  it("lists one entity's findings, errors before warnings before facts", () => {
    const all = [f("rollups", "info", "unit", 1), f("team-size", "warning", "unit", 1), f("over-allocation", "error", "unit", 1), f("team-size", "warning", "unit", 2)];
    expect(findingsOf(all, "unit", 1).map((x) => x.check)).toEqual(["over-allocation", "team-size", "rollups"]);
    expect(findingsOf(all, "person", 1)).toEqual([]);
  });
});

describe("badgeTooltip", () => {
  it("explains a badge with one line per problem under the checks' readable names", () => {
    const titles = new Map([["span-of-control-ics", "Span of control (individual contributors)"]]);
    const tip = badgeTooltip([f("span-of-control-ics", "warning", "person", 3), f("rollups", "info", "person", 3)], titles);
    expect(tip).toBe("1 finding (see Insights):\n• Span of control (individual contributors): m");
    expect(badgeTooltip([f("rollups", "info", "person", 3)])).toBe("");
  });
});
