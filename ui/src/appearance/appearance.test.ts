import { describe, expect, it } from "vitest";
import type { Appearance } from "../bindings";
import { DEFAULT_THEME } from "../canvas/theme";
import { AppearanceStore, resolveScheme, themeFor, type AppearanceSource } from "./appearance";
import { DARK_THEME } from "./darkTheme";

/** A source whose override and system setting the test changes by hand. */
function fakeSource(initial: Appearance, systemDark: boolean) {
  let dark = systemDark;
  let onOverride: ((a: Appearance) => void) | null = null;
  let onSystem: (() => void) | null = null;
  const source: AppearanceSource = {
    initial: () => Promise.resolve(initial),
    onChange: (f) => { onOverride = f; return Promise.resolve(() => { onOverride = null; }); },
    systemDark: () => dark,
    onSystemChange: (f) => { onSystem = f; return () => { onSystem = null; }; },
  };
  return {
    source,
    setSystem(d: boolean) { dark = d; onSystem?.(); },
    setOverride(a: Appearance) { onOverride?.(a); },
    get listening() { return onOverride !== null || onSystem !== null; },
  };
}

describe("appearance", () => {
  it("follows the system unless light or dark is chosen", () => {
    expect(resolveScheme("system", true)).toBe("dark");
    expect(resolveScheme("system", false)).toBe("light");
    expect(resolveScheme("light", true)).toBe("light");
    expect(resolveScheme("dark", false)).toBe("dark");
  });

  it("gives the canvas a dark background only in the dark scheme", () => {
    expect(themeFor("light")).toBe(DEFAULT_THEME);
    expect(themeFor("dark")).toBe(DARK_THEME);
    expect(DARK_THEME.background).not.toBe(DEFAULT_THEME.background);
    // Sizes and fonts are shared: only colours differ, so cards lay out the same in both.
    expect(DARK_THEME.nameFont).toBe(DEFAULT_THEME.nameFont);
    expect(DARK_THEME.padX).toBe(DEFAULT_THEME.padX);
  });

  it("tells subscribers the kept override at start and every later change of the system or the override", async () => {
    const fake = fakeSource("dark", false);
    const store = new AppearanceStore(fake.source);
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s));
    const stop = await store.start();
    expect(store.override).toBe("dark");
    expect(store.theme()).toBe(DARK_THEME);

    fake.setOverride("system");
    expect(store.scheme()).toBe("light");
    fake.setSystem(true);
    expect(store.scheme()).toBe("dark");
    fake.setOverride("light");
    expect(seen).toEqual(["light", "dark", "light", "dark", "light"]);

    // The system changing under an override changes nothing.
    fake.setSystem(false);
    fake.setSystem(true);
    expect(seen).toHaveLength(5);

    stop();
    expect(fake.listening).toBe(false);
  });

  it("tells subscribers an override change that leaves the scheme as it was, for the Settings dialog", async () => {
    const fake = fakeSource("system", false);
    const store = new AppearanceStore(fake.source);
    await store.start();
    const overrides: Appearance[] = [];
    store.subscribe(() => overrides.push(store.override));
    fake.setOverride("light");
    expect(overrides).toEqual(["system", "light"]);
  });
});
