// App shell: inside Tauri the chart is fed by the Rust back end over IPC (./app); in a plain browser it shows a synthetic org.
import { AppShell } from "./app/AppShell";
import { DevChart } from "./dev/DevChart";

/** Tauri injects this before any page script runs; a plain browser (vite dev, benchmarks) lacks it. */
export function isTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

export function App() {
  if (isTauri()) return <AppShell />;
  return <DevChart />;
}
