// Light or dark: the View › Appearance override kept by the Rust side (preferences.json), and the
// system's setting, which the webview reports through `prefers-color-scheme` and follows live.
import type { Appearance } from "../bindings";
import { DEFAULT_THEME, type Theme } from "../canvas/theme";
import { DARK_THEME } from "./darkTheme";

export type Scheme = "light" | "dark";

/** What the window draws: the override when there is one, else the system's setting. */
export function resolveScheme(appearance: Appearance, systemDark: boolean): Scheme {
  if (appearance === "light" || appearance === "dark") return appearance;
  return systemDark ? "dark" : "light";
}

export function themeFor(scheme: Scheme): Theme {
  return scheme === "dark" ? DARK_THEME : DEFAULT_THEME;
}

/** Where the store learns of changes; the app passes the IPC and matchMedia, tests fakes. */
export interface AppearanceSource {
  initial(): Promise<Appearance>;
  /** Calls back on every override change; returns the unsubscribe. */
  onChange(f: (a: Appearance) => void): Promise<() => void>;
  systemDark(): boolean;
  onSystemChange(f: () => void): () => void;
}

/** The one appearance state of the window: canvases subscribe and redraw with `theme()`. */
export class AppearanceStore {
  private appearance: Appearance = "system";
  private listeners = new Set<(scheme: Scheme) => void>();
  private last: Scheme;

  constructor(private readonly source: AppearanceSource) {
    this.last = this.scheme();
  }

  /** Reads the kept override and starts following both it and the system. */
  async start(): Promise<() => void> {
    const offSystem = this.source.onSystemChange(() => this.changed());
    const offOverride = await this.source.onChange((a) => this.set(a));
    this.set(await this.source.initial());
    return () => {
      offSystem();
      offOverride();
    };
  }

  get override(): Appearance {
    return this.appearance;
  }

  scheme(): Scheme {
    return resolveScheme(this.appearance, this.source.systemDark());
  }

  theme(): Theme {
    return themeFor(this.scheme());
  }

  /** Calls `f` with the scheme now and on every change of it or of the override; returns the unsubscribe. */
  subscribe(f: (scheme: Scheme) => void): () => void {
    this.listeners.add(f);
    f(this.last);
    return () => this.listeners.delete(f);
  }

  private set(a: Appearance): void {
    const was = this.appearance;
    this.appearance = a;
    // The Settings dialog shows the override, which may change while the scheme does not.
    this.changed(a !== was);
  }

  private changed(overrideChanged = false): void {
    const now = this.scheme();
    if (now === this.last && !overrideChanged) return;
    this.last = now;
    for (const f of this.listeners) f(now);
  }
}
