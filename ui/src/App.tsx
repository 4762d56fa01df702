// App shell: inside Tauri the chart is fed by the Rust back end over IPC (./app); in a plain browser a build made for
// tests (`vite dev`, `--mode e2e`) shows a synthetic org, and the product says where it runs.
import { lazy, Suspense } from "react";
import { AppShell } from "./app/AppShell";

/** Tauri injects this before any page script runs; a plain browser (vite dev, benchmarks) lacks it. */
export function isTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

const DevChart = __TEST_BUILD__ ? lazy(() => import("./testing/demo/DevChart").then((m) => ({ default: m.DevChart }))) : null;

export function App() {
  if (isTauri()) return <AppShell />;
  if (!DevChart) return <p className="muted">Topograph runs in its desktop app.</p>;
  return (
    <Suspense>
      <DevChart />
    </Suspense>
  );
}
