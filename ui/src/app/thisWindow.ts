// Each window shows its own document, so the back end sends a window's events to it alone. Listening through this
// window hears those (and app-wide ones); a global `listen` would hear every window's events.
import { getCurrentWindow, type Window } from "@tauri-apps/api/window";

export const thisWindow = (): Window => getCurrentWindow();
