import { describe, expect, it, vi } from "vitest";
import { parityFixture } from "../testing/parityFixture";
import { DEFAULT_LOD_THRESHOLDS as T, ELLIPSIS, selectLod, TextCache, truncate, type MeasureFn } from "./lod";

/** 10 units per code point: predictable widths without a canvas. */
const mono: MeasureFn = (text) => Array.from(text).length * 10;

describe("selectLod", () => {
  it("picks full, name, block as cards shrink on screen", () => {
    expect(selectLod(220, 84)).toBe("full");
    expect(selectLod(T.fullMinWidth, T.fullMinHeight)).toBe("full");
    expect(selectLod(T.fullMinWidth, T.fullMinHeight - 0.1)).toBe("name");
    expect(selectLod(T.nameMinWidth, T.nameMinHeight)).toBe("name");
    expect(selectLod(T.nameMinWidth - 0.1, T.nameMinHeight)).toBe("block");
    expect(selectLod(2, 1)).toBe("block");
  });

  it("a wide but short card does not get full text it cannot fit", () => {
    expect(selectLod(1000, 30)).toBe("name");
  });

  it("default card (220x84) switches at the documented zooms", () => {
    expect(selectLod(220 * 0.6, 84 * 0.6)).toBe("full");
    expect(selectLod(220 * 0.5, 84 * 0.5)).toBe("name");
    expect(selectLod(220 * 0.3, 84 * 0.3)).toBe("block");
  });
});

describe("truncate", () => {
  it("keeps text that fits", () => {
    expect(truncate("Ada Lovelace", "f", 200, mono)).toBe("Ada Lovelace");
  });

  it("cuts to the longest prefix plus ellipsis that fits, without trailing spaces", () => {
    const s = truncate("Ada Lovelace", "f", 50, mono);
    expect(s).toBe("Ada" + ELLIPSIS);
    expect(mono(s, "f")).toBeLessThanOrEqual(50);
    expect(truncate("Ada Lovelace", "f", 60, mono)).toBe("Ada L" + ELLIPSIS);
    expect(truncate("Ada Lovelace", "f", 69, mono)).toBe("Ada L" + ELLIPSIS);
  });

  it("returns empty when not even the ellipsis fits", () => {
    expect(truncate("Ada", "f", 5, mono)).toBe("");
    expect(truncate("Ada", "f", 10, mono)).toBe(ELLIPSIS);
  });

  it("never splits a surrogate pair", () => {
    const s = truncate("\u{1F600}\u{1F600}\u{1F600}\u{1F600}", "f", 30, mono);
    expect(s).toBe("\u{1F600}\u{1F600}" + ELLIPSIS);
  });
});

describe("TextCache", () => {
  it("measures each (font, text) once", () => {
    const m = vi.fn(mono);
    const c = new TextCache(m);
    expect(c.width("abc", "a")).toBe(30);
    expect(c.width("abc", "a")).toBe(30);
    expect(c.width("abc", "b")).toBe(30);
    expect(m).toHaveBeenCalledTimes(2);
  });

  it("caches fitted labels so a steady pan measures nothing", () => {
    const m = vi.fn(mono);
    const c = new TextCache(m);
    const first = c.fit("Senior Software Engineer", "f", 100);
    const calls = m.mock.calls.length;
    for (let k = 0; k < 100; k++) expect(c.fit("Senior Software Engineer", "f", 100)).toBe(first);
    expect(m.mock.calls.length).toBe(calls);
  });

  it("stays bounded and can be cleared after fonts load", () => {
    const c = new TextCache(mono, 10);
    for (let k = 0; k < 100; k++) c.width("t" + k, "f");
    expect(c.size).toBeLessThanOrEqual(10);
    c.clear();
    expect(c.size).toBe(0);
  });
});

/** The cuts the exporter's `Metrics::fit` makes (crates/export/src/font.rs), with the font's advances in ems. */
interface LabelCuts {
  ellipsis: string;
  advances: Record<string, number>;
  cases: { text: string; size: number; width: number; cut: string }[];
}

describe("truncate against the exporter's cuts", () => {
  const fixture = parityFixture<LabelCuts>("label-cuts.json");
  /** The bundled font's widths without a canvas: the sum of advances at the size the font string names. */
  const dejaVu: MeasureFn = (text, font) => {
    const size = Number(font.replace("px", ""));
    return Array.from(text).reduce((sum, c) => {
      const a = fixture.advances[c];
      if (a === undefined) throw new Error(`the fixture has no advance for ${JSON.stringify(c)}`);
      return sum + a;
    }, 0) * size;
  };

  it("ends a cut label in the same ellipsis", () => {
    expect(fixture.ellipsis).toBe(ELLIPSIS);
  });

  it("cuts every label where the exporter cuts it", () => {
    expect(fixture.cases.length).toBeGreaterThan(50);
    expect(fixture.cases.some((c) => c.cut !== c.text && c.cut !== "")).toBe(true);
    for (const c of fixture.cases) {
      expect({ ...c, cut: truncate(c.text, `${c.size}px`, c.width, dejaVu) }).toEqual(c);
    }
  });
});
