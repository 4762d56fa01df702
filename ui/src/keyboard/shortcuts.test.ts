import { describe, expect, it } from "vitest";
import { formatChord, isActivatable, isTextEntry, matchChord, parseShortcut, type KeyInput } from "./shortcuts";

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("parseShortcut", () => {
  it("reads modifiers and keys, including the plus key", () => {
    expect(parseShortcut("Mod+Shift+Z")).toEqual({ key: "z", mod: true, ctrl: false, alt: false, shift: true });
    expect(parseShortcut("+")).toMatchObject({ key: "+", mod: false });
    expect(parseShortcut("Mod++")).toMatchObject({ key: "+", mod: true });
    expect(parseShortcut("Space").key).toBe(" ");
    expect(parseShortcut("ArrowUp").key).toBe("ArrowUp");
    expect(() => parseShortcut("Hyper+X")).toThrow(/unknown modifier/);
  });
});

describe("matchChord", () => {
  const undo = parseShortcut("Mod+Z"), redo = parseShortcut("Mod+Shift+Z");
  it("maps Mod to Cmd on macOS and Ctrl elsewhere", () => {
    expect(matchChord(undo, key("z", { ctrlKey: true }), "other")).toBe(true);
    expect(matchChord(undo, key("z", { metaKey: true }), "mac")).toBe(true);
    expect(matchChord(undo, key("z", { ctrlKey: true }), "mac")).toBe(false);
    expect(matchChord(undo, key("z", { metaKey: true }), "other")).toBe(false);
  });

  it("tells undo from redo by Shift, whatever the letter's case", () => {
    expect(matchChord(undo, key("Z", { ctrlKey: true, shiftKey: true }), "other")).toBe(false);
    expect(matchChord(redo, key("Z", { ctrlKey: true, shiftKey: true }), "other")).toBe(true);
    expect(matchChord(redo, key("z", { ctrlKey: true }), "other")).toBe(false);
  });

  it("does not fire a plain key when a modifier is held", () => {
    const f = parseShortcut("F");
    expect(matchChord(f, key("f"), "other")).toBe(true);
    expect(matchChord(f, key("f", { ctrlKey: true }), "other")).toBe(false);
    expect(matchChord(f, key("F", { shiftKey: true }), "other")).toBe(false);
    expect(matchChord(parseShortcut("ArrowUp"), key("ArrowUp", { altKey: true }), "other")).toBe(false);
  });

  it("ignores Shift for punctuation, which needs it on some layouts", () => {
    expect(matchChord(parseShortcut("+"), key("+", { shiftKey: true }), "other")).toBe(true);
    expect(matchChord(parseShortcut("+"), key("+"), "other")).toBe(true);
    expect(matchChord(parseShortcut("?"), key("?", { shiftKey: true }), "mac")).toBe(true);
  });

  it("matches letters by physical key on non-Latin layouts", () => {
    expect(matchChord(undo, { ...key("я", { ctrlKey: true }), code: "KeyZ" }, "other")).toBe(true);
    // On a Latin layout the typed letter wins over the physical key (AZERTY's Z is where QWERTY has W).
    expect(matchChord(undo, { ...key("w", { ctrlKey: true }), code: "KeyZ" }, "other")).toBe(false);
  });

  it("reads Space and Esc", () => {
    expect(matchChord(parseShortcut("Space"), key(" "), "other")).toBe(true);
    expect(matchChord(parseShortcut("Esc"), key("Escape"), "other")).toBe(true);
  });
});

describe("formatChord", () => {
  it("shows symbols on macOS and words elsewhere", () => {
    expect(formatChord(parseShortcut("Mod+Shift+Z"), "mac")).toBe("⇧⌘Z");
    expect(formatChord(parseShortcut("Mod+Shift+Z"), "other")).toBe("Ctrl+Shift+Z");
    expect(formatChord(parseShortcut("Delete"), "other")).toBe("Del");
    expect(formatChord(parseShortcut("ArrowUp"), "other")).toBe("↑");
    expect(formatChord(parseShortcut("Space"), "mac")).toBe("Space");
    expect(formatChord(parseShortcut("+"), "other")).toBe("+");
  });
});

describe("typing targets", () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, getAttribute: () => null, ...extra }) as unknown as EventTarget;
  it("treats text fields as typing and buttons as activatable", () => {
    expect(isTextEntry(el("INPUT", { type: "text" }))).toBe(true);
    expect(isTextEntry(el("INPUT", { type: "search" }))).toBe(true);
    expect(isTextEntry(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTextEntry(el("TEXTAREA"))).toBe(true);
    expect(isTextEntry(el("SELECT"))).toBe(true);
    expect(isTextEntry(el("DIV", { isContentEditable: true }))).toBe(true);
    expect(isTextEntry(el("CANVAS"))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
    expect(isActivatable(el("BUTTON"))).toBe(true);
    expect(isActivatable(el("CANVAS"))).toBe(false);
  });
});
