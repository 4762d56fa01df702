import { describe, expect, it } from "vitest";
import { BADGE_FILL } from "./badges";
import { chartLegend } from "./legend";
import { DEFAULT_THEME } from "./theme";
import { parityFixture } from "../testing/parityFixture";

describe("chartLegend", () => {
  it("explains card accents, badges and both line styles in the colours the canvas draws", () => {
    const legend = chartLegend();
    expect(legend.map((s) => s.title)).toEqual(["Cards", "Lines", "Highlights"]);
    const marks = legend.flatMap((s) => s.entries.map((e) => e.mark));
    expect(marks).toContainEqual({ kind: "line", colour: DEFAULT_THEME.connector, dashed: false });
    expect(marks).toContainEqual({ kind: "line", colour: DEFAULT_THEME.dottedConnector, dashed: true });
    expect(marks).toContainEqual({ kind: "badge", fill: BADGE_FILL, text: "2" });
    expect(marks.some((m) => m.kind === "accent")).toBe(true);
    for (const s of legend) for (const e of s.entries) expect(e.label.length).toBeGreaterThan(3);
  });

  it("follows the theme it is given", () => {
    const legend = chartLegend({ ...DEFAULT_THEME, selected: "#123456" });
    expect(legend.flatMap((s) => s.entries).find((e) => e.label === "Selected")?.mark).toEqual({ kind: "outline", colour: "#123456" });
  });

  it("holds every entry the exporter's legend draws, in the same words and marks (tests/fixtures/parity/legend.json)", () => {
    const exported = parityFixture<{ title: string; entries: { kind: string; label: string }[] }[]>("legend.json");
    const app = chartLegend();
    expect(exported.length).toBeGreaterThan(0);
    for (const section of exported) {
      const mine = app.find((s) => s.title === section.title);
      expect(mine, section.title).toBeDefined();
      for (const e of section.entries) {
        expect(mine?.entries.map((m) => ({ kind: m.mark.kind, label: m.label }))).toContainEqual(e);
      }
    }
  });
});
