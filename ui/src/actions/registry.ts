// One list of actions feeds the toolbar, the context menu, the shortcut list and the keyboard (Excalidraw style):
// an action is an id, a label, its shortcuts, when it applies and what it does, over a context the app supplies.
import { formatChord, matchChord, parseShortcut, type Chord, type KeyInput, type Platform } from "../keyboard/shortcuts";

export type ActionSource = "keyboard" | "toolbar" | "menu" | "inspector";

export type ActionGroup = "file" | "edit" | "person" | "view" | "navigate" | "search";

export interface Action<C> {
  id: string;
  group: ActionGroup;
  /** Short text for buttons and menus; may depend on the context ("Collapse" / "Expand"). */
  label: string | ((ctx: C) => string);
  /** Longer text for tooltips and the shortcut list. */
  description?: string;
  /** The first is the one shown; all fire. Syntax: see parseShortcut. */
  shortcuts?: readonly string[];
  /**
   * The native menu owns these shortcuts (its accelerators fire before the page sees the key): they are shown,
   * never dispatched from key events, so one press never runs the action twice.
   */
  nativeShortcut?: boolean;
  /**
   * Fires even while the focus is in a text field (Ctrl/Cmd+F), through its shortcuts with Ctrl, Cmd or Alt only:
   * a plain key is always text there. Default: not while typing.
   */
  whileTyping?: boolean;
  /** Fires again while the key is held (arrows, zoom). Default: once per press. */
  repeats?: boolean;
  enabled?: (ctx: C) => boolean;
  perform: (ctx: C, source: ActionSource) => void;
}

/** A key event plus what the focused element is, which the DOM binding works out. */
export interface KeyEventInput extends KeyInput {
  repeat?: boolean;
  /** Focus is in a text field. */
  typing?: boolean;
  /** Focus is on a button, link or checkbox, where Enter and Space press it. */
  activatable?: boolean;
}

interface Entry<C> {
  action: Action<C>;
  chords: Chord[];
}

export class ActionRegistry<C> {
  private readonly byId = new Map<string, Entry<C>>();
  private readonly ordered: Entry<C>[] = [];

  /** Throws on a repeated id or a shortcut two actions share, so conflicts fail a test, not a user. */
  constructor(actions: readonly Action<C>[]) {
    const taken = new Map<string, string>();
    for (const action of actions) {
      if (this.byId.has(action.id)) throw new Error(`action "${action.id}" is registered twice`);
      const chords = (action.shortcuts ?? []).map(parseShortcut);
      for (const c of chords) {
        const k = JSON.stringify(c);
        const other = taken.get(k);
        if (other) throw new Error(`actions "${other}" and "${action.id}" share a shortcut`);
        taken.set(k, action.id);
      }
      const entry = { action, chords };
      this.byId.set(action.id, entry);
      this.ordered.push(entry);
    }
  }

  all(): Action<C>[] {
    return this.ordered.map((e) => e.action);
  }

  get(id: string): Action<C> {
    const e = this.byId.get(id);
    if (!e) throw new Error(`no action "${id}"`);
    return e.action;
  }

  label(id: string, ctx: C): string {
    const a = this.get(id);
    return typeof a.label === "function" ? a.label(ctx) : a.label;
  }

  isEnabled(id: string, ctx: C): boolean {
    const a = this.get(id);
    return a.enabled ? a.enabled(ctx) : true;
  }

  /** The first shortcut as the platform writes it, or "" for none. */
  shortcutText(id: string, platform: Platform): string {
    const c = this.byId.get(id)?.chords[0];
    return c ? formatChord(c, platform) : "";
  }

  /** Every shortcut of an action, formatted (for the shortcut list). */
  shortcutTexts(id: string, platform: Platform): string[] {
    return (this.byId.get(id)?.chords ?? []).map((c) => formatChord(c, platform));
  }

  /** Tooltip: the description (or label) and the shortcut. */
  tooltip(id: string, ctx: C, platform: Platform): string {
    const a = this.get(id);
    const text = a.description ?? this.label(id, ctx);
    const sc = this.shortcutText(id, platform);
    return sc ? `${text} (${sc})` : text;
  }

  /** Runs an action if it applies; says whether it ran. */
  run(id: string, ctx: C, source: ActionSource): boolean {
    const a = this.get(id);
    if (a.enabled && !a.enabled(ctx)) return false;
    a.perform(ctx, source);
    return true;
  }

  /** The action a key event would fire, ignoring whether it is enabled; undefined for none. */
  match(e: KeyEventInput, platform: Platform): Action<C> | undefined {
    return this.find(e, platform)?.action;
  }

  private find(e: KeyEventInput, platform: Platform): { action: Action<C>; chord: Chord } | undefined {
    for (const { action, chords } of this.ordered) {
      const chord = chords.find((c) => matchChord(c, e, platform));
      if (chord) return { action, chord };
    }
    return undefined;
  }

  /**
   * Handles a key press: finds its action and runs it unless the press belongs to something else (typing, a
   * focused button's Enter/Space, a native menu accelerator, key repeat). Returns true when the key was used, so
   * the caller prevents the browser's default for it.
   */
  handleKey(e: KeyEventInput, ctx: C, platform: Platform): boolean {
    const found = this.find(e, platform);
    if (!found || found.action.nativeShortcut) return false;
    const { action, chord } = found;
    if (e.typing && !(action.whileTyping && (chord.mod || chord.ctrl || chord.alt))) return false;
    if (e.activatable && (e.key === "Enter" || e.key === " ")) return false;
    if (e.repeat && !action.repeats) return true;
    if (action.enabled && !action.enabled(ctx)) return false;
    action.perform(ctx, "keyboard");
    return true;
  }
}

/** A line of the shortcut list: what the action does and its keys. */
export interface ShortcutRow {
  id: string;
  text: string;
  keys: string[];
}

/** The actions of a registry that have shortcuts, as shortcut-list lines. */
export function shortcutRows<C>(registry: ActionRegistry<C>, ctx: C, platform: Platform): ShortcutRow[] {
  return registry.all()
    .filter((a) => (a.shortcuts?.length ?? 0) > 0)
    .map((a) => ({ id: a.id, text: a.description ?? registry.label(a.id, ctx), keys: registry.shortcutTexts(a.id, platform) }));
}
