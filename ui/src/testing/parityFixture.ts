// Reads a golden fixture the Rust tests write (tests/fixtures/parity/, TOPOGRAPH_WRITE_FIXTURES=1): the canvas and
// the exporter check against the same file, so neither can change a shared value alone. Tests only.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function parityFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, "../../../tests/fixtures/parity", name), "utf8")) as T;
}
