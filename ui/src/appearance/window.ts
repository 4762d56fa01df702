// The app's one AppearanceStore, wired to the Rust side and the webview's colour-scheme query, and the
// page's root element kept in step (the dark CSS keys on data-appearance; color-scheme styles form controls).
import { commands, events } from "../bindings";
import { AppearanceStore, type AppearanceSource } from "./appearance";
import "./appearance.css";

const DARK_QUERY = "(prefers-color-scheme: dark)";

const source: AppearanceSource = {
  initial: () => commands.appearance(),
  onChange: (f) => events.appearanceChanged.listen((e) => f(e.payload.appearance)),
  systemDark: () => typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches,
  onSystemChange: (f) => {
    if (typeof matchMedia !== "function") return () => {};
    const mq = matchMedia(DARK_QUERY);
    mq.addEventListener("change", f);
    return () => mq.removeEventListener("change", f);
  },
};

export const appearance = new AppearanceStore(source);

/** Starts following the appearance; the root element carries the scheme from the first change on. */
export function startAppearance(): void {
  appearance.subscribe((scheme) => {
    document.documentElement.dataset.appearance = scheme;
    document.documentElement.style.colorScheme = scheme;
  });
  // Without the Rust side (UI tests in a plain browser) the system setting alone decides.
  appearance.start().catch(() => {});
}
