// Entry point: mounts the app. No inline scripts anywhere, so the Tauri CSP can stay `default-src 'self'`.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";
import { fontsReady } from "./canvas/theme";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");
// A build made for tests (`vite build --mode e2e`, `vite dev`) loads the end-to-end accessor before the first
// render, so its hooks are in place when the views attach. Elsewhere the constant is false and the import is dropped.
const testHooks = __TEST_BUILD__ ? import("./testing/e2e") : Promise.resolve();
// The canvases measure labels from their first frame: with the bundled font, as the exporter does.
void Promise.all([fontsReady(), testHooks]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
