// Test and demo code lives in testing/ folders and only a build made for tests bundles it: a production module may
// reach a testing/ folder only through a dynamic import guarded by `__TEST_BUILD__` on the same line, which the
// product build drops (tests/release/check.sh greps the bundle for what would leak).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const inTesting = (p: string) => relative(SRC, p).split(sep).includes("testing");

/** Every import of `file` that lands in a testing/ folder, with whether a `__TEST_BUILD__` guard sits beside it. */
function testingImports(file: string, text: string): { spec: string; guarded: boolean; line: number }[] {
  const out: { spec: string; guarded: boolean; line: number }[] = [];
  const lines = text.split("\n");
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/g;
  lines.forEach((line, i) => {
    for (const m of line.matchAll(pattern)) {
      const spec = m[1] as string;
      if (!spec.startsWith(".")) continue;
      if (!inTesting(resolve(dirname(file), spec))) continue;
      const dynamic = m[0].startsWith("import") && m[0].includes("(");
      out.push({ spec, guarded: dynamic && /__TEST_BUILD__\s*\?/.test(line), line: i + 1 });
    }
  });
  return out;
}

describe("test and demo code stays out of the product", () => {
  const production = sources(SRC).filter((p) => !inTesting(p));

  it("finds the production modules and the testing folders it guards", () => {
    expect(production.length).toBeGreaterThan(50);
    expect(sources(SRC).filter(inTesting).map((p) => relative(SRC, p))).toEqual(expect.arrayContaining([
      join("testing", "e2e.ts"), join("testing", "demo", "DevChart.tsx"), join("teammap", "testing", "synthetic.ts"),
      join("ownership", "testing", "syntheticOwnership.ts"), join("ownership", "testing", "fixture.ts"),
    ]));
  });

  it("no production module imports from a testing folder except behind the __TEST_BUILD__ guard", () => {
    const bad = production.flatMap((file) =>
      testingImports(file, readFileSync(file, "utf8")).filter((x) => !x.guarded).map((x) => `${relative(SRC, file)}:${x.line} imports ${x.spec}`));
    expect(bad).toEqual([]);
  });

  it("the entry points load the accessor and the demo only behind the guard", () => {
    const guarded = production.flatMap((file) => testingImports(file, readFileSync(file, "utf8")).map((x) => `${relative(SRC, file)} ${x.spec} ${x.guarded}`));
    expect(guarded.sort()).toEqual(["App.tsx ./testing/demo/DevChart true", "main.tsx ./testing/e2e true"]);
  });

  it("catches a static import, a side-effect import and an unguarded dynamic one", () => {
    const file = join(SRC, "app", "x.ts");
    const found = testingImports(file, [
      'import { a } from "../testing/e2e";',
      'import "../ownership/testing/fixture";',
      'const m = import("../testing/demo/DevChart");',
      'const n = __TEST_BUILD__ ? import("../testing/e2e") : null;',
      'import { b } from "./drop";',
    ].join("\n"));
    expect(found.map((x) => [x.line, x.guarded])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
  });
});
