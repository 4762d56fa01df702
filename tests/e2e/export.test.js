// End-to-end export of the org chart through File › Export… (Ctrl+E) in the real app: SVG, PDF and PNG written to
// a temporary folder and checked with xmllint, pdftotext (at least 90 % of the cards' names) and the PNG header.
// Run with `make e2e`.
//
// WebDriver cannot drive the native save dialog, so the test presets the next save path through the test accessor
// (window.__topographTest.presetSavePath, only in the build made for tests); everything else is the user's path.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { before, test } from "node:test";
import { inWorkspace, preflight } from "./harness.js";
import { exportCheckbox, exportWith, finishExport, openExportDialog } from "./views.js";

const run = promisify(execFile);

before(() => preflight());

/** Opens the dialog with the menu's shortcut, picks `format`, exports to `file` and waits for the success message. */
async function exportThroughDialog(app, format, file) {
  const message = await exportWith(app, file, () => app.browser.$(`select[aria-label="Format"]`).then((s) => s.selectByAttribute("value", format)));
  assert.match(message, new RegExp(path.basename(file).replace(/\./g, "\\.")), "the message names the file written");
}

test("File › Export… writes the org chart as SVG, PDF and PNG with the names as text", async () => {
  await inWorkspace("export", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const cards = await app.cards({ all: true });
    const root = cards.find((c) => c.manager === null && c.name.trim() !== "");
    assert.ok(root, "the sample's org chart has a named top person");
    const out = ws.dir("exports");
    // The canvas measures with the exporter's font, loaded from the app itself (CSP font-src 'self').
    const bundled = await app.exec(() => [...document.fonts].some((f) => f.family.replace(/"/g, "") === "DejaVu Sans" && f.status === "loaded"));
    assert.ok(bundled, "the bundled DejaVu Sans face is loaded");

    const svg = path.join(out, "chart.svg");
    await exportThroughDialog(app, "svg", svg);
    await run("xmllint", ["--noout", svg]);
    const svgText = fs.readFileSync(svg, "utf8");
    assert.ok(svgText.includes(`>${root.name}<`), `the SVG has ${root.name} as text`);
    const [, w, h] = svgText.match(/<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/) ?? [];
    assert.ok(Number(w) > 0 && Number(h) > 0, "the SVG has a size");

    const pdf = path.join(out, "chart.pdf");
    await exportThroughDialog(app, "pdf", pdf);
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString("latin1"), "%PDF-", "the file is a PDF");
    const { stdout: pdfText } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 << 20 });
    assert.ok(pdfText.includes(root.name), `pdftotext finds ${root.name} in the PDF`);
    // Every card's name is looked for (pdftotext may break a line where glyph runs meet, so spacing is ignored);
    // at least 90 % of the cards must be found.
    const flat = (t) => t.replace(/\s+/g, "");
    const pdfFlat = flat(pdfText);
    const named = cards.filter((c) => c.name.trim() !== "");
    // A name cut to fit its card (the one-page PDF may use the compact name-only cards) is found as its cut:
    // the first 8 or more of its characters followed by the ellipsis.
    const inPdf = (name) => {
      const n = flat(name);
      if (pdfFlat.includes(n)) return true;
      for (let k = n.length - 1; k >= 8; k--) if (pdfFlat.includes(`${n.slice(0, k)}…`)) return true;
      return false;
    };
    const found = named.filter((c) => inPdf(c.name));
    const missing = named.filter((c) => !inPdf(c.name)).map((c) => c.name);
    assert.ok(named.length >= cards.length * 0.9, `${named.length} of ${cards.length} cards have a name to look for`);
    assert.ok(found.length >= cards.length * 0.9, `${found.length} of ${cards.length} card names are text in the PDF; missing: ${missing.slice(0, 20).join(", ")}`);

    // The dialog's PNG default is scale 2: twice the SVG's size, in whole pixels.
    const png = path.join(out, "chart.png");
    await exportThroughDialog(app, "png", png);
    // Read from the PNG header: ImageMagick's default policy refuses images over 16k pixels wide, as this one is.
    const head = fs.readFileSync(png).subarray(0, 24);
    assert.equal(head.subarray(1, 4).toString("latin1"), "PNG", "the file is a PNG");
    const [pw, ph] = [head.readUInt32BE(16), head.readUInt32BE(20)];
    assert.equal(pw, Math.ceil(Number(w) * 2), "the PNG is twice the SVG's width");
    assert.equal(ph, Math.ceil(Number(h) * 2), "the PNG is twice the SVG's height");
  });
});

/** Word boxes of a PDF (pdftotext -bbox): text and height in points. */
async function pdfWords(file) {
  const { stdout } = await run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ text: m[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"), height: Number(m[4]) - Number(m[2]) }));
}

test("The sample's org chart on one A4 landscape page from the export dialog keeps every name at 6 pt or more", async () => {
  await inWorkspace("export-a4", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const cards = await app.cards({ all: true });
    const out = ws.dir("exports");
    const pdf = path.join(out, "a4.pdf");
    // The dialog opens on a PDF on A4 landscape, one page: the preview is that page, as wide as A4 landscape.
    await openExportDialog(app, pdf);
    await app.waitFor(async () => {
      const [w, h] = await app.exec(() => { const i = document.querySelector('figure[aria-label="Preview"] img'); return i ? [i.naturalWidth, i.naturalHeight] : [0, 0]; });
      return h > 0 && Math.abs(w / h - 841.89 / 595.28) < 0.01;
    }, { timeout: 20_000, what: "an A4 landscape page in the preview" });
    await finishExport(app, { close: false });
    const { stdout: info } = await run("pdfinfo", [pdf]);
    assert.match(info, /Pages:\s+1\n/, "one page");
    const words = await pdfWords(pdf);
    // Word boxes span ascent to descent; the footer is set at 8 pt and gives the ratio.
    const pageWord = words.find((w) => w.text === "Page");
    assert.ok(pageWord, "the footer says which page");
    const pt = (w) => (w.height * 8) / pageWord.height;
    const named = cards.filter((c) => c.name.trim() !== "");
    let checked = 0;
    for (const c of named) {
      for (const word of c.name.split(/\s+/)) {
        const found = words.filter((w) => w.text === word);
        if (found.length === 0) continue; // cut with an ellipsis on a narrow card
        assert.ok(Math.max(...found.map(pt)) >= 6, `${word} of ${c.name} is under 6 pt`);
        checked += 1;
      }
    }
    assert.ok(checked >= named.length, `only ${checked} words of ${named.length} names were found on the page`);
  });
});

test("The export dialog tiles a chart across numbered pages and limits it to its top levels", async () => {
  await inWorkspace("export-tiles", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const out = ws.dir("exports");
    const exportPdf = async (file, pick) => {
      await exportWith(app, file, pick);
      const { stdout } = await run("pdfinfo", [file]);
      return { pages: Number(stdout.match(/Pages:\s+(\d+)/)[1]), text: (await run("pdftotext", [file, "-"])).stdout };
    };

    const tiled = await exportPdf(path.join(out, "tiled.pdf"), async () => {
      await (await exportCheckbox(app, "Tile across pages")).click();
    });
    assert.ok(tiled.pages > 1, `the sample tiles over several pages (${tiled.pages})`);
    assert.ok(tiled.text.includes(`Page ${tiled.pages} of ${tiled.pages}`), "the last page is numbered");

    const cards = await app.cards({ all: true });
    const root = cards.find((c) => c.manager === null && c.name.trim() !== "");
    const deep = cards.filter((c) => c.manager !== null && !cards.some((r) => r.id === c.manager && r.manager === null) && c.name.trim() !== "");
    const top = await exportPdf(path.join(out, "top.pdf"), async () => {
      await (await app.browser.$(`select[aria-label="Levels"]`)).selectByAttribute("value", "2");
    });
    assert.equal(top.pages, 1, "two levels fit one page");
    assert.ok(top.text.includes(root.name), `${root.name} is on the two-level chart`);
    const shown = deep.filter((c) => top.text.includes(c.name));
    assert.equal(shown.length, 0, `people below the second level are left out (${shown.map((c) => c.name).join(", ")})`);
  });
});
