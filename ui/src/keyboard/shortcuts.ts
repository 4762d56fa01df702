// Keyboard shortcuts as data: "Mod+Shift+Z" parsed once, matched against key events, shown per platform.

/** What the matcher needs of a KeyboardEvent (so tests need no DOM). */
export interface KeyInput {
  key: string;
  /** KeyboardEvent.code, to match letter shortcuts on non-Latin layouts ("KeyZ" while `key` is "я"). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Platform = "mac" | "other";

export interface Chord {
  /** Normalised key: lowercase letters, " " for Space, KeyboardEvent.key names otherwise ("ArrowUp", "Delete", "+"). */
  key: string;
  /** Cmd on macOS, Ctrl elsewhere. */
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

const ALIASES: Record<string, string> = { space: " ", esc: "Escape", del: "Delete", plus: "+", up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight" };

function normaliseKey(key: string): string {
  if (key.length === 1) return key.toLowerCase();
  return ALIASES[key.toLowerCase()] ?? key;
}

/** "Mod+Shift+Z", "Ctrl+Y", "ArrowUp", "+", "Mod++", "Space". Throws on an unknown modifier. */
export function parseShortcut(spec: string): Chord {
  let parts = spec.split("+");
  // A trailing "+" is the plus key itself: "+" splits to ["", ""], "Mod++" to ["Mod", "", ""].
  let key: string;
  if (spec.endsWith("+")) {
    key = "+";
    parts = parts.slice(0, -2);
  } else {
    key = parts.pop() ?? "";
  }
  if (key === "") throw new Error(`shortcut "${spec}" names no key`);
  const chord: Chord = { key: normaliseKey(key), mod: false, ctrl: false, alt: false, shift: false };
  for (const p of parts) {
    switch (p.toLowerCase()) {
      case "mod": chord.mod = true; break;
      case "ctrl": case "control": chord.ctrl = true; break;
      case "alt": case "option": chord.alt = true; break;
      case "shift": chord.shift = true; break;
      default: throw new Error(`shortcut "${spec}" has an unknown modifier "${p}"`);
    }
  }
  return chord;
}

const isLetter = (k: string) => k.length === 1 && k >= "a" && k <= "z";

/**
 * Whether the event is this chord. Modifiers must match exactly, except that Shift is ignored for punctuation and
 * digits ("+" is Shift+= on many layouts, "?" is Shift+/), whose key already says whether Shift was down.
 */
export function matchChord(chord: Chord, e: KeyInput, platform: Platform): boolean {
  const wantCtrl = chord.ctrl || (chord.mod && platform !== "mac");
  const wantMeta = chord.mod && platform === "mac";
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== chord.alt) return false;
  const key = normaliseKey(e.key);
  const printable = chord.key.length === 1 && chord.key !== " ";
  if (!(printable && !isLetter(chord.key)) && e.shiftKey !== chord.shift) return false;
  if (key === chord.key) return true;
  // Letters by physical key when the layout types something else (Cyrillic, Greek...).
  return isLetter(chord.key) && e.code === `Key${chord.key.toUpperCase()}` && !isLetter(key);
}

const MAC_SYMBOLS: Record<string, string> = {
  ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→", Enter: "↩", Escape: "⎋", Delete: "⌦", Backspace: "⌫", " ": "Space",
};
const OTHER_NAMES: Record<string, string> = {
  ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→", Escape: "Esc", Delete: "Del", " ": "Space",
};

/** How a menu or tooltip shows the chord: "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere. */
export function formatChord(c: Chord, platform: Platform): string {
  const key = c.key.length === 1 && c.key !== " " ? c.key.toUpperCase() : ((platform === "mac" ? MAC_SYMBOLS : OTHER_NAMES)[c.key] ?? c.key);
  if (platform === "mac") {
    return `${c.ctrl ? "⌃" : ""}${c.alt ? "⌥" : ""}${c.shift ? "⇧" : ""}${c.mod ? "⌘" : ""}${key}`;
  }
  return [c.ctrl || c.mod ? "Ctrl" : "", c.alt ? "Alt" : "", c.shift ? "Shift" : "", key].filter(Boolean).join("+");
}

export function currentPlatform(): Platform {
  if (typeof navigator === "undefined") return "other";
  const p = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? navigator.userAgent;
  return /mac|iphone|ipad/i.test(p) ? "mac" : "other";
}

/** Where the keys are text: a shortcut there would eat the user's typing. */
export function isTextEntry(el: EventTarget | null): boolean {
  if (!el || typeof (el as Element).tagName !== "string") return false;
  const e = el as HTMLElement;
  const tag = e.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") {
    const type = ((e as HTMLInputElement).type || "text").toLowerCase();
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"].includes(type);
  }
  return e.isContentEditable === true;
}

/** Where Enter and Space already mean "press this" (buttons, links, checkboxes). */
export function isActivatable(el: EventTarget | null): boolean {
  if (!el || typeof (el as Element).tagName !== "string") return false;
  const tag = (el as HTMLElement).tagName.toLowerCase();
  return tag === "button" || tag === "a" || tag === "summary" || tag === "input" || tag === "select" || (el as HTMLElement).getAttribute?.("role") === "button";
}
