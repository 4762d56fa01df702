import { describe, expect, it } from "vitest";
import { paintingNow } from "./painting";

describe("paintingNow", () => {
  it("says where this start paints and why", () => {
    expect(paintingNow({ setting: "automatic", on_cpu: true, reason: "no GPU render node in /dev/dri" })).toBe(
      "Now painting on the CPU (no GPU render node in /dev/dri).",
    );
    expect(paintingNow({ setting: "gpu", on_cpu: false, reason: "chosen in Settings" })).toBe("Now painting on the GPU (chosen in Settings).");
  });

  it("has nothing to say where the app does not choose", () => {
    expect(paintingNow({ setting: "automatic", on_cpu: null, reason: null })).toBeNull();
  });
});
