// Every command goes through the generated `commands.*`, so a renamed command or a changed argument is a type
// error rather than a failure at run time; this scan keeps string-named invokes from creeping back in.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The places in `text` that call Tauri's invoke by a string name, or import it to do so. */
function stringInvokes(text: string): string[] {
  const found = [...text.matchAll(/\binvoke\s*(?:<[^>]*>)?\s*\(\s*["'`]/g)].map((m) => m[0]);
  if (/from\s+["']@tauri-apps\/api\/core["']/.test(text)) found.push("import from @tauri-apps/api/core");
  return found;
}

describe("typed commands", () => {
  it("finds a string invoke and an import of invoke, so the scan below can fail", () => {
    expect(stringInvokes(`import { invoke } from "@tauri-apps/api/core";\nawait invoke<null>("export_diff", {});`)).toHaveLength(2);
    expect(stringInvokes(`invoke('apply', { op })`)).toHaveLength(1);
    expect(stringInvokes(`await commands.apply(op); // invoke by name is refused`)).toEqual([]);
  });

  it("leaves calling commands by name to the generated bindings", () => {
    const files = sources(SRC).filter((f) => relative(SRC, f) !== "bindings.ts");
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((f) => stringInvokes(readFileSync(f, "utf8")).map((s) => `${relative(SRC, f)}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
