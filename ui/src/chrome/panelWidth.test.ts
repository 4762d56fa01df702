import { describe, expect, it } from "vitest";
import { CHART_SHARE, clampPanelWidth, insightsOpenByDefault, keyedWidth, KEY_STEP, KEY_STEP_LARGE } from "./panelWidth";

const limits = { min: 240, max: 560 };

describe("clampPanelWidth", () => {
  it("gives what was asked within the panel's limits", () => {
    expect(clampPanelWidth(300, limits, 1600)).toBe(300);
    expect(clampPanelWidth(100, limits, 1600)).toBe(240);
    expect(clampPanelWidth(900, limits, 1600)).toBe(560);
    expect(clampPanelWidth(Number.NaN, limits, 1600)).toBe(240);
  });

  it("keeps half the window for the chart beside the other open panels", () => {
    expect(clampPanelWidth(560, limits, 1024)).toBe(1024 * (1 - CHART_SHARE));
    expect(clampPanelWidth(560, limits, 1280, 300)).toBe(1280 * (1 - CHART_SHARE) - 300);
  });

  it("never goes below the panel's minimum, even in a tiny window", () => {
    expect(clampPanelWidth(400, limits, 600, 300)).toBe(240);
  });
});

describe("keyedWidth", () => {
  it("widens with ArrowLeft and narrows with ArrowRight (the panel is on the right), Shift for larger steps", () => {
    expect(keyedWidth("ArrowLeft", false, 300, limits)).toBe(300 + KEY_STEP);
    expect(keyedWidth("ArrowRight", true, 300, limits)).toBe(300 - KEY_STEP_LARGE);
    expect(keyedWidth("Home", false, 300, limits)).toBe(560);
    expect(keyedWidth("End", false, 300, limits)).toBe(240);
    expect(keyedWidth("a", false, 300, limits)).toBeNull();
  });
});

describe("insightsOpenByDefault", () => {
  it("opens the insights panel in a wide window only", () => {
    expect(insightsOpenByDefault(1280)).toBe(true);
    expect(insightsOpenByDefault(1024)).toBe(false);
    expect(insightsOpenByDefault(800)).toBe(false);
  });
});
