import { describe, expect, it } from "vitest";
import { parityFixture } from "../testing/parityFixture";
import { DEFAULT_THEME, type Theme } from "./theme";

/** The exporter's style (crates/export/src/style.rs) under the theme's names, written by its Rust test. */
interface CardStyle {
  colours: Record<string, string>;
  geometry: Record<string, number>;
  fontSizes: Record<string, number>;
}

const style = parityFixture<CardStyle>("card-style.json");
const theme = DEFAULT_THEME as unknown as Record<keyof Theme, string | number>;

describe("the canvas theme against the export style", () => {
  it("draws every card colour the exporter draws, under the same name", () => {
    expect(Object.keys(style.colours).length).toBeGreaterThanOrEqual(10);
    for (const [key, colour] of Object.entries(style.colours)) expect([key, theme[key as keyof Theme]]).toEqual([key, colour]);
  });

  it("spaces cards as the exporter does", () => {
    for (const [key, value] of Object.entries(style.geometry)) expect([key, theme[key as keyof Theme]]).toEqual([key, value]);
  });

  it("sets the name, title and badge fonts at the exporter's sizes", () => {
    for (const [key, size] of Object.entries(style.fontSizes)) {
      const font = String(theme[key as keyof Theme]);
      expect([key, Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1])]).toEqual([key, size]);
    }
  });
});
