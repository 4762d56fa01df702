// Vite config: the Tauri webview loads ui/dist, so output must be self-contained (strict CSP, no inline scripts).
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // Tauri serves the files from a custom protocol, so relative asset paths keep working there and in `vite preview`.
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Inlined assets become data: URLs, which a `default-src 'self'` CSP blocks.
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
