// Diagrams that read on paper and on screen (issue 18): the org chart tiled along subtrees from the export dialog
// ("continued on page N" / "from page N" read back with pdftotext), distant dotted lines drawn as labelled stubs
// whose whole route appears when a card at either end is selected, and the legend in an exported SVG.
// Run like the other e2e files (see README.md in this folder).
//
// The native save dialog cannot be driven, so the next save path is preset through the test accessor
// (window.__topographTest.presetSavePath, only in the build made for tests); everything else is the user's path.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { before, test } from "node:test";
import { centre, inWorkspace, KEY, preflight, reachable, waitForQuiet } from "./harness.js";
import { expandAll, exportCheckbox, exportWith, finishExport, openExportDialog } from "./views.js";

const run = promisify(execFile);

before(() => preflight());

test("The export dialog tiles the org chart along subtrees, each page headed and its cut lines marked with page numbers", async () => {
  await inWorkspace("pages-tiled", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const cards = await app.cards({ all: true });
    const root = cards.find((c) => c.manager === null && c.name.trim() !== "");
    const pdf = path.join(ws.dir("exports"), "subtrees.pdf");
    await exportWith(app, pdf, async () => {
      await (await exportCheckbox(app, "Tile across pages")).click();
      // The preview follows the choice: the first page along subtrees, which continues on page 2.
      await app.waitFor(async () => (await app.exec(() => document.querySelector('figure[aria-label="Preview"] img')?.src ?? "")) !== "", { timeout: 20_000, what: "a preview" });
    });
    const { stdout: info } = await run("pdfinfo", [pdf]);
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages > 1, `the sample spans several pages (${pages})`);
    const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 << 20 });
    const sheets = text.split("\f");
    const flat = (s) => s.replace(/\s+/g, " ");
    assert.ok(flat(sheets[0]).includes(root.name), `page 1 is headed by ${root.name}`);
    assert.ok(flat(sheets[0]).includes("continued on page 2"), "a line leaving page 1 says it continues on page 2");
    assert.ok(flat(sheets[1]).includes("from page 1"), "page 2 says its line comes from page 1");
    // Every "continued on page N" names a page that exists and says where it comes from.
    for (const [k, sheet] of sheets.entries()) {
      for (const [, n] of flat(sheet).matchAll(/continued on page (\d+)/g)) {
        const target = Number(n);
        assert.ok(target >= 1 && target <= pages && target !== k + 1, `page ${k + 1} continues on page ${target}, which exists`);
        assert.ok(flat(sheets[target - 1]).includes(`from page ${k + 1}`), `page ${target} says it comes from page ${k + 1}`);
      }
    }
    assert.ok(text.includes(`Page ${pages} of ${pages}`), "the last page is numbered");
  });
});

/** The export dialog's page label ("Page 3 of 12") as [page, pages], or null while there is none. */
async function previewPage(app) {
  const label = await app.exec(() => document.querySelector('nav[aria-label="Preview pages"] output')?.textContent ?? "");
  const m = label.match(/^Page (\d+) of (\d+)$/);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The SVG the preview shows, as the dialog reported it (WebKit will not let a script read the image's blob URL back). */
async function previewSvg(app) {
  return (await app.exec(() => window.__topographTest.exportPreview()?.svg ?? "")) ?? "";
}

const continued = (text) => [...text.replace(/\s+/g, " ").matchAll(/continued on page (\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

test("The export dialog previews every page of a tiled PDF, and the PDF has as many pages as the preview counts", async () => {
  await inWorkspace("pages-preview", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const pdf = path.join(ws.dir("exports"), "stepped.pdf");
    await openExportDialog(app, pdf);
    await (await exportCheckbox(app, "Tile across pages")).click();
    const first = await app.waitFor(async () => { const p = await previewPage(app); return p && p[0] === 1 && p[1] > 1 ? p : null; }, { timeout: 20_000, what: "“Page 1 of N” under the preview" });
    const pages = first[1];
    const next = await app.browser.$(`//nav[@aria-label="Preview pages"]//button[@aria-label="Next page"]`);
    const previous = await app.browser.$(`//nav[@aria-label="Preview pages"]//button[@aria-label="Previous page"]`);
    assert.ok(!(await previous.isEnabled()), "there is no page before the first");
    // Each page as previewed: its "continued on page N" marks, compared with the PDF's below.
    const shown = [];
    for (let k = 1; k <= pages; k++) {
      if (k > 1) {
        await next.click();
        await app.waitFor(async () => (await previewPage(app))?.[0] === k, { timeout: 20_000, what: `“Page ${k} of ${pages}” after Next` });
      }
      const svg = await app.waitFor(async () => { const t = await previewSvg(app); return t.includes(`Page ${k} of ${pages}`) ? t : null; }, { timeout: 20_000, what: `page ${k}'s drawing in the preview` });
      shown.push(continued(svg));
    }
    assert.ok(!(await next.isEnabled()), "there is no page after the last");
    await previous.click();
    await app.waitFor(async () => (await previewPage(app))?.[0] === pages - 1, { timeout: 20_000, what: "Previous going back a page" });
    await app.screenshot("export-preview-pages");
    await finishExport(app);

    const { stdout: info } = await run("pdfinfo", [pdf]);
    assert.equal(Number(info.match(/Pages:\s+(\d+)/)[1]), pages, "the PDF has the pages the preview counted");
    const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 << 20 });
    const sheets = text.split("\f");
    for (let k = 1; k <= pages; k++) {
      assert.deepEqual(continued(sheets[k - 1]), shown[k - 1], `page ${k} of the PDF continues where its preview said`);
    }
  });
});

test("A distant dotted line is a labelled stub until a card at either end is selected, then its whole route shows", async () => {
  await inWorkspace("pages-dotted", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    // The sample opens folded to the levels that read in the window: Expand all lays every dotted line out.
    await expandAll(app);
    const before = await app.exec(() => window.__topographTest.dottedStubs());
    assert.ok(before && before.stubs.length > 0, "the sample has distant dotted lines drawn as stubs");
    assert.deepEqual(before.fullRoutes, [], "no route is drawn whole while nothing is selected");
    const all = new Map((await app.cards({ all: true })).map((c) => [c.id, c]));
    for (const s of before.stubs) {
      const other = all.get(s.other);
      assert.ok(other, "the stub names someone on the chart");
      assert.match(s.label, /^dotted (to|from) /);
      assert.ok(s.label.endsWith(other.name), `${s.label} names ${other.name}`);
    }

    // A person at one end of a stubbed line, reached with the search box as a person would.
    const names = new Map();
    for (const c of all.values()) names.set(c.name, (names.get(c.name) ?? 0) + 1);
    const stub = before.stubs.find((s) => names.get(all.get(s.at).name) === 1);
    const person = all.get(stub.at);
    const box = await app.browser.$('header[role=toolbar] input[type="search"]');
    await box.click();
    await app.type(person.name);
    await app.browser.waitUntil(async () => (await box.getValue()) === person.name, { timeout: 5000, timeoutMsg: "the search box holds the name" });
    await app.chord(KEY.Enter);
    const area = await app.pointerArea();
    await app.waitFor(async () => {
      const c = await app.card(person.id);
      return c && reachable(c, area);
    }, { timeout: 10_000, what: `${person.name}'s card on screen` });
    // Clicked once the view has stopped moving to the card (Enter centres it, possibly animated).
    const still = await waitForQuiet(() => app.card(person.id), { what: `${person.name}'s card to stop moving` });
    await app.click(centre(still));
    await app.waitFor(async () => (await app.highlights()).selected.includes(person.id), { timeout: 5000, what: `${person.name} selected` });
    const after = await app.exec(() => window.__topographTest.dottedStubs());
    assert.ok(after.fullRoutes.includes(stub.line), `${person.name}'s distant dotted line is drawn whole while selected`);
    const others = before.stubs.filter((s) => s.at !== person.id && s.other !== person.id).map((s) => s.line);
    assert.ok(others.every((l) => !after.fullRoutes.includes(l)), "the distant lines of other people stay stubs");
    await app.screenshot("dotted-route-on-selection");
  });
});

test("An SVG exported from the dialog carries the legend, and leaves it out when unticked", async () => {
  await inWorkspace("pages-legend", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    const out = ws.dir("exports");
    const withLegend = path.join(out, "legend.svg");
    await exportWith(app, withLegend, async () => {
      await (await app.browser.$(`select[aria-label="Format"]`)).selectByAttribute("value", "svg");
      assert.ok(await (await exportCheckbox(app, "Include the legend")).isSelected(), "the legend is on by default");
    });
    await run("xmllint", ["--noout", withLegend]);
    const svg = fs.readFileSync(withLegend, "utf8");
    for (const label of ["Legend", "Reports to (solid line)", "Dotted-line manager", "Reports folded into the card"]) {
      assert.ok(svg.includes(`>${label}<`), `the SVG's legend says “${label}”`);
    }
    const without = path.join(out, "plain.svg");
    await exportWith(app, without, async () => {
      await (await app.browser.$(`select[aria-label="Format"]`)).selectByAttribute("value", "svg");
      await (await exportCheckbox(app, "Include the legend")).click();
    });
    assert.ok(!fs.readFileSync(without, "utf8").includes(">Legend<"), "unticked, the SVG has no legend");
  });
});
