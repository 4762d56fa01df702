import { describe, expect, it } from "vitest";
import type { CheckSettings } from "../bindings";
import { applyThreshold, toggleCheck } from "./settingsForm";

const none: CheckSettings = { disabled: [], thresholds: {}, span_preset: null };

describe("settings form", () => {
  it("stores a changed threshold and drops it again when the field is emptied", () => {
    const s = applyThreshold(none, "team-size", "max", "7");
    expect(s.thresholds).toEqual({ "team-size": { max: 7 } });
    expect(applyThreshold(s, "team-size", "max", "").thresholds).toEqual({});
  });

  it("switches a check off and on", () => {
    const off = toggleCheck(none, "rollups", false);
    expect(off.disabled).toEqual(["rollups"]);
    expect(toggleCheck(off, "rollups", true).disabled).toEqual([]);
  });
});
