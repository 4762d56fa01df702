// Set by vite.config.ts: true in a build made for tests (`vite build --mode e2e`, `vite dev`, Vitest), false in the
// product build, where the branches it guards (and the testing/ modules they import) are dropped.
declare const __TEST_BUILD__: boolean;
