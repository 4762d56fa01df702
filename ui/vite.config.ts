// Vite config: the Tauri webview loads ui/dist, so output must be self-contained (strict CSP, no inline scripts).
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// `vite build --mode e2e` is the build made for tests (make bins): it bundles the end-to-end accessor and the
// browser demo (src/testing/). The product build (`vite build`) leaves them out; tests/release/check.sh greps for them.
export default defineConfig(({ command, mode }) => ({
  plugins: [react()],
  define: { __TEST_BUILD__: JSON.stringify(command === "serve" || mode === "e2e" || mode === "test") },
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
}));
