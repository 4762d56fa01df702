// App shell: inside Tauri the chart will be fed by IPC (not wired yet); in a plain browser it shows a synthetic org.
import { DevChart } from "./dev/DevChart";

/** Tauri injects this before any page script runs; a plain browser (vite dev, benchmarks) lacks it. */
export function isTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

export function App() {
  if (isTauri()) {
    // Seam for the IPC engineer: load the scene and card content through ./bindings and render
    // <ChartView scene={...} content={...} onDrop={...} canDrop={...} onSelect={...} /> here.
    return (
      <main className="app">
        <p className="placeholder">Waiting for the layout from the Topograph back end…</p>
      </main>
    );
  }
  return <DevChart />;
}
