// Entry point: mounts the app. No inline scripts anywhere, so the Tauri CSP can stay `default-src 'self'`.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./styles.css";
import { fontsReady } from "./canvas/theme";
import { startAppearance } from "./appearance/window";

startAppearance();
const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");
// The canvases measure labels from their first frame: with the bundled font, as the exporter does.
void fontsReady().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
