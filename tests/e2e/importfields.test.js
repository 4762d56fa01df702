// Typed custom fields through File › Import… in the real app (issue 20): a document whose Region field is a choice
// (made with the CLI from a JSON export carrying the definition, version 3), then a CSV imported into a new scenario
// through the dialog: the mapping says the region column is checked as a choice, a value that is no choice is listed
// by its LINE:COLUMN and left out, and the other rows land with their regions spelt as the field spells them.
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { cli, inWorkspace, preflight } from "./harness.js";

before(() => preflight());

const DIALOG = `//div[@role="dialog" and contains(@class, "import-dialog")]`;

/** Writes a CSV of `header` and `rows` (no quoting needed for these values) and answers where. */
function writeCsv(file, header, rows) {
  fs.writeFileSync(file, [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");
  return file;
}

/** Opens the import dialog on `csv` as File › Import… does once a file is chosen. */
async function openImport(app, csv) {
  assert.equal(await app.exec((p) => window.__topographTest.openImport(p), csv), true, "the import host is mounted");
  await (await app.browser.$(DIALOG)).waitForExist({ timeout: 10_000, timeoutMsg: "the import dialog opened" });
}

/** The dialog's preview once it has settled: the counts, a column's menu choice and type, the problems listed. */
function previewOf(app, column) {
  return app.exec((sel, col) => {
    const d = document.evaluate(sel, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const what = d?.querySelector('section[aria-label="What will be imported"] p');
    if (!d || !what || d.textContent.includes("Reading the file…")) return null;
    return {
      counts: what.textContent,
      target: d.querySelector(`select[aria-label="Column ${col}"]`)?.value,
      field: d.querySelector(`.import-field[data-column="${col}"]`)?.textContent ?? null,
      problems: [...d.querySelectorAll('[aria-label="Problems"] li code')].map((c) => c.textContent),
    };
  }, DIALOG, column);
}

/** Clicks the dialog's import button and answers the summary's lines (or fails with the dialog's error). */
async function importAndSummarise(app) {
  const go = await app.browser.$(`${DIALOG}//button[normalize-space()="Import valid rows"]`);
  await go.waitForClickable({ timeout: 10_000, timeoutMsg: "Import valid rows is offered" });
  await go.click();
  const summary = await app.waitFor(() => app.exec((sel) => {
    const d = document.evaluate(sel, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const alert = d?.querySelector('[role="alert"]');
    if (alert) return { error: alert.textContent };
    const s = d?.querySelector('section[aria-label="Summary"]');
    return s ? { lines: [...s.querySelectorAll("li")].map((l) => l.textContent) } : null;
  }, DIALOG), { timeout: 30_000, what: "the import summary" });
  assert.ok(!summary.error, `the import failed: ${summary.error}`);
  await (await app.browser.$(`${DIALOG}//button[normalize-space()="Close"]`)).click();
  return summary.lines;
}

/** The open scenario's people by name with their Region, once it holds `count` people. */
async function regionsOf(app, count) {
  return app.waitFor(async () => {
    const s = await app.exec(() => window.__topographTest.store());
    const persons = s?.records?.persons ?? [];
    if (persons.length !== count) return null;
    return Object.fromEntries(persons.map((x) => [x.name, x.custom?.Region ?? null]));
  }, { what: "the imported scenario's people" });
}

/** A document with Ada and Bo whose Region field is a choice of North and South, made as a script would. */
async function typedDocument(dir) {
  const csv = path.join(dir, "base.csv");
  fs.writeFileSync(csv, "Name,Email,Manager Email,Region\nAda,ada@x.io,,North\nBo,bo@x.io,ada@x.io,South\n");
  const base = path.join(dir, "base.topo");
  await cli("import", base, "--from", csv);
  const exported = JSON.parse(await cli("export", base, "--format", "json", "-o", "-"));
  const region = exported.fields.findIndex((f) => f.name === "Region");
  assert.ok(region >= 0, "the CSV import made a text field of the Region column");
  exported.fields[region] = {
    name: "Region", kind: "choice", on_cards: false,
    choices: [{ name: "North", colour: "#1f77b4" }, { name: "South", colour: "#ff7f0e" }],
  };
  const json = path.join(dir, "typed.json");
  fs.writeFileSync(json, JSON.stringify(exported));
  const typed = path.join(dir, "typed.topo");
  await cli("import", typed, "--from", json);
  const back = JSON.parse(await cli("export", typed, "--format", "json", "-o", "-"));
  assert.equal(back.version, 3, "a document with definitions exports as version 3");
  assert.deepEqual(back.fields.find((f) => f.name === "Region"), exported.fields[region], "the choice field came through the JSON");
  return typed;
}

test("a CSV imported into a document with a choice field is checked by the field: a bad value is listed by its line, the good ones land", async () => {
  await inWorkspace("import typed fields", async (ws) => {
    const file = await typedDocument(ws.docs);
    const rows = [
      ["Cy", "cy@x.io", "north"],
      ["Dee", "dee@x.io", "West"],
      ["Eve", "eve@x.io", "South"],
    ];
    const header = ["Name", "Email", "region"];
    const people = writeCsv(path.join(ws.docs, "more.csv"), header, rows);
    // Expected figures from the file: the header is line 1; columns count from 1.
    const regionColumn = header.indexOf("region") + 1;
    const badLine = rows.findIndex((r) => r[regionColumn - 1] === "West") + 2;

    const app = await ws.launch({ args: [file] });
    await openImport(app, people);
    const p = await app.waitFor(async () => {
      const v = await previewOf(app, "region");
      return v?.field ? v : null;
    }, { timeout: 15_000, what: "the preview with the region column's type" });
    assert.equal(p.target, "field:Region", "the region column's menu shows the Region field its header names");
    assert.equal(p.field, "Region (choice)", "the mapping says the column is checked as the Region choice field");
    assert.deepEqual(p.problems, [`${badLine}:${regionColumn}: 'West' in region is not a choice of 'Region' (North, South); imported without it`]);
    assert.ok(p.counts.startsWith(`${rows.length} people`), p.counts);
    await app.screenshot("typed-preview");

    // The dialog's target is a new scenario of the open document; the valid values go in with the rows.
    const radio = await app.browser.$(`${DIALOG}//fieldset//label[contains(normalize-space(), "a new scenario")]/input[@type="radio"]`);
    assert.equal(await radio.isSelected(), true, "into a new scenario by default");
    const lines = await importAndSummarise(app);
    assert.ok(lines.includes(`${rows.length} people added`), JSON.stringify(lines));
    assert.deepEqual(await regionsOf(app, rows.length), { Cy: "North", Dee: null, Eve: "South" }, "a choice as the field spells it; the refused value left out");
    await app.screenshot("typed-imported");
  });
});

test("a CSV column of another name is mapped to a defined field from its menu and filled, checked by the field's type", async () => {
  await inWorkspace("import into a named field", async (ws) => {
    const file = await typedDocument(ws.docs);
    const header = ["Name", "Email", "Patch"];
    const rows = [
      ["Fay", "fay@x.io", "south"],
      ["Gus", "gus@x.io", "East"],
    ];
    const people = writeCsv(path.join(ws.docs, "patches.csv"), header, rows);
    const patchColumn = header.indexOf("Patch") + 1;
    const badLine = rows.findIndex((r) => r[patchColumn - 1] === "East") + 2;

    const app = await ws.launch({ args: [file] });
    await openImport(app, people);
    const before = await app.waitFor(async () => {
      const p = await previewOf(app, "Patch");
      return p?.field ? p : null;
    }, { timeout: 15_000, what: "the preview of the patches" });
    assert.equal(before.target, "custom", "a header that names no field is a new text field");
    assert.equal(before.field, "Patch (text)");
    assert.deepEqual(before.problems, [], "as text every value fits");

    const menu = await app.browser.$(`${DIALOG}//select[@aria-label="Column Patch"]`);
    await menu.selectByVisibleText("Field: Region (choice)");
    const after = await app.waitFor(async () => {
      const p = await previewOf(app, "Patch");
      return p?.field === "Region (choice)" ? p : null;
    }, { timeout: 15_000, what: "the preview with the Patch column on the Region field" });
    assert.equal(after.target, "field:Region");
    assert.deepEqual(after.problems, [`${badLine}:${patchColumn}: 'East' in Patch is not a choice of 'Region' (North, South); imported without it`]);
    assert.ok(after.counts.startsWith(`${rows.length} people`), after.counts);
    await app.screenshot("patch-on-region");

    const lines = await importAndSummarise(app);
    assert.ok(lines.includes(`${rows.length} people added`), JSON.stringify(lines));
    assert.deepEqual(await regionsOf(app, rows.length), { Fay: "South", Gus: null }, "the Patch column filled Region as the field spells it");
  });
});
