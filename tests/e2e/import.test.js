// File › Import… and Export data… in the real app: an HR export with problems into a new scenario through the dialog
// (mapping preview, problems by LINE:COLUMN, import the valid rows, summary, Undo), a cancel that changes nothing, a merge
// of a later export into the open scenario reached through the Import… shortcut and the native file picker, and Export
// data… from the keyboard through the native save dialog.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
//
// Expected figures come from the fixture files themselves (parsed here), never from the app.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { KEY, REPO, cli, inWorkspace, preflight } from "./harness.js";

before(() => preflight());

const FIXTURES = path.join(REPO, "tests/fixtures/import");
const DIALOG = `//div[@role="dialog" and contains(@class, "import-dialog")]`;

/**
 * A UTF-8 CSV as records: its header and rows, each row with the file line it starts on (quoted fields may hold
 * newlines, so lines and rows differ).
 */
function readCsv(file) {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const records = [];
  let row = [], cell = "", quoted = false, line = 1, startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === "\n") line++; cell += ch; }
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== "")) records.push({ line: startLine, cells: row });
      row = []; cell = ""; line++; startLine = line;
    } else cell += ch;
  }
  if (cell !== "" || row.length) { row.push(cell); records.push({ line: startLine, cells: row }); }
  const [header, ...rows] = records;
  const col = (name) => header.cells.indexOf(name);
  return { header: header.cells, rows: rows.map((r) => ({ line: r.line, get: (name) => (r.cells[col(name)] ?? "").trim(), cells: r.cells })) };
}

/**
 * What a Gusto-shaped export holds for an import: a row without a name, or repeating an earlier employee id, is left
 * out; every other row is a person (an unknown manager or a bad value only loses that value).
 */
function gustoRoster(file) {
  const { header, rows } = readCsv(file);
  const seen = new Set();
  const valid = [], skipped = [];
  for (const r of rows) {
    const id = r.get("Employee ID");
    const name = `${r.get("First Name")} ${r.get("Last Name")}`.trim();
    if (name === "" || (id !== "" && seen.has(id))) { skipped.push(r); continue; }
    if (id !== "") seen.add(id);
    valid.push({ ...r, id, name });
  }
  const ids = new Set(valid.map((r) => r.id));
  const unknownManagers = valid.filter((r) => {
    const m = r.get("Manager");
    return m !== "" && !ids.has(m) && !valid.some((o) => o.get("Work Email") === m || o.name === m);
  });
  return { header, valid, skipped, unknownManagers };
}

/** A summary line as the dialog writes it: "1 person added", "4 people added". */
const count = (n, what) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"} ${what}`;

async function dialog(app) {
  const d = await app.browser.$(DIALOG);
  await d.waitForExist({ timeout: 10_000, timeoutMsg: "the import dialog opened" });
  return d;
}

/** Opens the import dialog on a file as File › Import… does after its native picker. */
async function openImport(app, file) {
  assert.equal(await app.exec((p) => window.__topographTest.openImport(p), file), true, "the import host is mounted");
  return dialog(app);
}

/** The dialog's preview once it has been read: counts line, problems (as shown), column mapping. */
async function preview(app) {
  return app.waitFor(
    () => app.exec((sel) => {
      const d = document.evaluate(sel, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
      const what = d?.querySelector('section[aria-label="What will be imported"] p');
      if (!d || !what || d.textContent.includes("Reading the file…")) return null;
      const mapping = {};
      for (const s of d.querySelectorAll('select[aria-label^="Column "]')) mapping[s.getAttribute("aria-label").slice(7)] = s.value;
      return {
        counts: what.textContent,
        problems: [...d.querySelectorAll('[aria-label="Problems"] li code')].map((c) => c.textContent),
        mapping,
        importLabel: [...d.querySelectorAll("button")].find((b) => b.classList.contains("primary"))?.textContent ?? null,
      };
    }, DIALOG),
    { timeout: 15_000, what: "the import preview" },
  );
}

async function clickIn(app, scope, text) {
  const b = await app.browser.$(`${scope}//button[starts-with(normalize-space(), "${text}")]`);
  await b.waitForClickable({ timeout: 10_000, timeoutMsg: `no enabled "${text}" button` });
  await b.click();
}

async function chooseTarget(app, text) {
  const radio = await app.browser.$(`${DIALOG}//fieldset//label[contains(normalize-space(), "${text}")]/input[@type="radio"]`);
  await radio.waitForEnabled({ timeout: 5000, timeoutMsg: `the target "${text}" can be chosen` });
  await radio.click();
}

/** The summary's lines once the import has finished (or its error, which fails the test with the message). */
async function summary(app) {
  const s = await app.waitFor(
    () => app.exec((sel) => {
      const d = document.evaluate(sel, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
      const alert = d?.querySelector('[role="alert"]');
      if (alert) return { error: alert.textContent };
      const sec = d?.querySelector('section[aria-label="Summary"]');
      return sec ? { heading: sec.querySelector("p")?.textContent ?? "", lines: [...sec.querySelectorAll("li")].map((l) => l.textContent), text: sec.textContent } : null;
    }, DIALOG),
    { timeout: 30_000, what: "the import summary" },
  );
  assert.ok(!s.error, `the import failed: ${s.error}`);
  return s;
}

/** The scenarios the bar's menu lists, with the checked one; the menu is closed again afterwards. */
async function scenarioList(app) {
  const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
  await bar.waitForExist({ timeout: 5000, timeoutMsg: "no scenario bar" });
  await bar.click();
  await (await app.browser.$(`//div[@role="menu" and contains(@class, "scenario-menu")]`)).waitForExist({ timeout: 5000 });
  const items = await app.exec(() => [...document.querySelectorAll('.scenario-menu [role="menuitemradio"]')].map((b) => ({
    name: b.childNodes[0]?.textContent ?? "",
    checked: b.getAttribute("aria-checked") === "true",
  })));
  await bar.click();
  return items;
}

async function switchTo(app, name) {
  const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
  await bar.click();
  await clickIn(app, `//div[contains(@class, "scenario-menu")]`, name);
  await app.waitFor(async () => (await bar.getText()).startsWith(name), { timeout: 20_000, what: `scenario "${name}" open` });
}

/** Who is on the chart, with title and manager, to tell that a scenario did not change. */
async function fingerprint(app) {
  await app.waitForFirstFrame();
  const cards = await app.cards({ all: true });
  return cards.map((c) => `${c.id}:${c.name}:${c.title}:${c.manager}`).sort();
}

/** Waits until the chart shows exactly `expected` (a switch or an undo redraws it a moment after the bar changes). */
async function chartShows(app, expected, what) {
  let last = [];
  await app.waitFor(async () => {
    last = await fingerprint(app);
    return JSON.stringify(last) === JSON.stringify(expected);
  }, { timeout: 20_000, what }).catch((e) => {
    assert.deepEqual(last, expected, e.message);
  });
}

async function undoButton(app) {
  const b = await app.browser.$(`//button[@data-action="undo"]`);
  await b.waitForClickable({ timeout: 10_000, timeoutMsg: "Undo is offered" });
  return b;
}

test("an HR export with problems goes into a new scenario through the dialog, and one Undo takes its people out", async () => {
  await inWorkspace("import new scenario", async (ws) => {
    const file = path.join(FIXTURES, "gusto.csv");
    const roster = gustoRoster(file);
    assert.ok(roster.skipped.length > 0 && roster.valid.length > 0, "the fixture has rows to leave out and rows to import");

    const app = await ws.launch();
    const before = await app.doc();
    const original = (await scenarioList(app)).find((s) => s.checked).name;
    const originalCards = await fingerprint(app);

    await openImport(app, file);
    const p = await preview(app);
    // The mapping suggested from the headers, as the dialog shows it.
    assert.equal(p.mapping["Employee ID"], "employee-id");
    assert.equal(p.mapping["First Name"], "first-name");
    assert.equal(p.mapping["Last Name"], "last-name");
    assert.equal(p.mapping["Work Email"], "email");
    assert.equal(p.mapping["Job Title"], "title");
    assert.equal(p.mapping["Hire Date"], "start-date");
    assert.ok(p.counts.startsWith(`${roster.valid.length} people`), `the preview counts the valid rows: ${p.counts}`);
    // Every left-out row is listed by its line, as LINE:COLUMN: reason.
    for (const r of roster.skipped) {
      assert.ok(p.problems.some((t) => new RegExp(`^${r.line}:\\d+: .*row skipped`).test(t)), `line ${r.line} is listed as skipped in ${JSON.stringify(p.problems)}`);
    }
    assert.ok(p.problems.every((t) => /^\d+:\d+: \S/.test(t)), `every problem reads LINE:COLUMN: reason: ${JSON.stringify(p.problems)}`);
    assert.equal(p.importLabel, "Import valid rows");
    await app.screenshot("preview");

    await chooseTarget(app, "a new scenario");
    const name = await app.browser.$(`${DIALOG}//input[@aria-label="Scenario name"]`);
    assert.equal(await name.getValue(), "Import gusto.csv", "the new scenario is named after the file");
    await clickIn(app, DIALOG, "Import valid rows");
    const s = await summary(app);
    assert.match(s.heading, /Import gusto\.csv/);
    assert.ok(s.lines.includes(count(roster.valid.length, "added")), `the summary counts the people: ${JSON.stringify(s.lines)}`);
    // The scenario and its people are one operation: the summary has no "N steps" line.
    assert.ok(!s.lines.some((l) => /Undo takes it back in/.test(l)), JSON.stringify(s.lines));
    await app.screenshot("summary");
    await clickIn(app, DIALOG, "Close");
    await (await app.browser.$(DIALOG)).waitForExist({ reverse: true, timeout: 5000 });

    // The new scenario is open, listed in the bar, and holds exactly the valid rows.
    const listed = await scenarioList(app);
    assert.deepEqual(listed.map((x) => x.name), [original, "Import gusto.csv"]);
    assert.ok(listed.find((x) => x.name === "Import gusto.csv").checked, "the import's scenario is open");
    await app.waitFor(async () => (await app.doc()).people === roster.valid.length, { what: `${roster.valid.length} people in the new scenario` });
    const expectedNames = JSON.stringify(roster.valid.map((r) => r.name).sort());
    let names = [];
    await app.waitFor(async () => {
      names = (await app.cards({ all: true })).map((c) => c.name).sort();
      return JSON.stringify(names) === expectedNames;
    }, { what: "a card for each valid row" }).catch(() => assert.deepEqual(names, JSON.parse(expectedNames)));
    await app.screenshot("imported");

    // The scenario it was imported from is as it was.
    await switchTo(app, original);
    assert.equal((await app.doc()).people, before.people);
    await chartShows(app, originalCards, "the original scenario's chart as before the import");

    // One Undo takes the whole import back: the scenario and its people go, the original scenario opens again.
    await switchTo(app, "Import gusto.csv");
    await (await undoButton(app)).click();
    await app.waitFor(async () => (await scenarioList(app)).length === 1, { timeout: 15_000, what: "the import's scenario gone after one Undo" });
    await app.waitFor(async () => (await app.doc()).people === before.people, { what: "the original scenario open again" });
    await chartShows(app, originalCards, "the original scenario's chart after the undo");
    assert.equal((await app.doc()).undo, before.undo, "history back where it started");
    await app.screenshot("undone");
  });
});

test("cancelling the import dialog leaves the document as it was", async () => {
  await inWorkspace("import cancel", async (ws) => {
    const app = await ws.launch();
    const before = await app.doc();
    const scenarios = await scenarioList(app);
    const cards = await fingerprint(app);

    // BambooHR names managers: one unknown, one ambiguous; the problems are shown, then the person cancels.
    const file = path.join(FIXTURES, "bamboohr.csv");
    await openImport(app, file);
    const p = await preview(app);
    assert.ok(p.problems.some((t) => /^\d+:\d+: unknown manager 'Dennis Ritchie'/.test(t)), `the unknown manager is listed: ${JSON.stringify(p.problems)}`);
    const line = readCsv(file).rows.find((r) => r.get("Reports To") === "Dennis Ritchie").line;
    assert.ok(p.problems.some((t) => t.startsWith(`${line}:`)), `it is listed on line ${line}`);
    await app.screenshot("before-cancel");
    await clickIn(app, DIALOG, "Cancel");
    await (await app.browser.$(DIALOG)).waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "the dialog closed" });

    const after = await app.doc();
    assert.equal(after.undo, before.undo, "nothing new to undo");
    assert.equal(after.people, before.people);
    assert.deepEqual(await scenarioList(app), scenarios);
    await chartShows(app, cards, "the chart as before");
  });
});

test("a later export merges into the open scenario by employee id through Import… and the native picker, leavers listed", async () => {
  await inWorkspace("import merge", async (ws) => {
    const base = gustoRoster(path.join(FIXTURES, "gusto.csv"));
    const updateFile = path.join(FIXTURES, "gusto-update.csv");
    const update = gustoRoster(updateFile);
    const baseById = new Map(base.valid.map((r) => [r.id, r]));
    const added = update.valid.filter((r) => !baseById.has(r.id));
    const updated = update.valid.filter((r) => baseById.has(r.id) && r.cells.join("\u0000") !== baseById.get(r.id).cells.join("\u0000"));
    const leavers = base.valid.filter((r) => !update.valid.some((u) => u.id === r.id)).map((r) => r.name);
    assert.ok(added.length && updated.length && leavers.length && update.unknownManagers.length, "the update adds, changes, drops and names an unknown manager");

    const app = await ws.launch();
    await openImport(app, path.join(FIXTURES, "gusto.csv"));
    await preview(app);
    await chooseTarget(app, "a new scenario");
    await clickIn(app, DIALOG, "Import valid rows");
    await summary(app);
    await clickIn(app, DIALOG, "Close");
    await app.waitFor(async () => (await app.doc()).people === base.valid.length, { what: "the first export imported" });
    const undoBefore = (await app.doc()).undo;

    // Import… from the keyboard runs File › Import…: the native picker, then the same dialog.
    await app.chord(KEY.Control, "i");
    await app.answerFileDialog("Import people and teams", updateFile);
    await dialog(app);
    const p = await preview(app);
    for (const r of update.unknownManagers) {
      assert.ok(p.problems.some((t) => t.startsWith(`${r.line}:`) && t.includes(`unknown manager '${r.get("Manager")}'`)), `line ${r.line}'s manager is unknown: ${JSON.stringify(p.problems)}`);
    }
    await chooseTarget(app, "the open scenario");
    await app.screenshot("merge-preview");
    await clickIn(app, DIALOG, "Import valid rows");
    const s = await summary(app);
    assert.ok(s.lines.includes(count(added.length, "added")), JSON.stringify(s.lines));
    assert.ok(s.lines.includes(count(updated.length, "updated")), JSON.stringify(s.lines));
    assert.ok(s.lines.includes(count(leavers.length, "marked leaving")), JSON.stringify(s.lines));
    for (const n of leavers) assert.ok(s.text.includes(n), `${n} is listed as leaving: ${s.text}`);
    await app.screenshot("merge-summary");
    await clickIn(app, DIALOG, "Close");

    // Leavers stay (marked leaving, never deleted): the scenario has everyone it had plus the new people.
    await app.waitFor(async () => (await app.doc()).people === base.valid.length + added.length, { what: "the new people added, nobody deleted" });
    assert.equal((await scenarioList(app)).length, 2, "a merge makes no scenario");
    let titles = new Map();
    await app.waitFor(async () => {
      titles = new Map((await app.cards({ all: true })).map((c) => [c.name, c.title]));
      return updated.every((r) => titles.get(r.name) === r.get("Job Title"));
    }, { what: "the updated titles on the chart" }).catch(() => {
      for (const r of updated) assert.equal(titles.get(r.name), r.get("Job Title"), `${r.name}'s title updated`);
    });

    // A merge is one undo step.
    await (await undoButton(app)).click();
    await app.waitFor(async () => (await app.doc()).people === base.valid.length, { what: "one Undo takes the merge back" });
    assert.equal((await app.doc()).undo, undoBefore);
  });
});

test("Export data… from the keyboard lists the formats and writes the people as CSV through the native save dialog", async () => {
  await inWorkspace("export data", async (ws) => {
    const app = await ws.launch();
    const people = (await app.doc()).people;
    const out = path.join(ws.docs, "people.csv");

    await app.chord(KEY.Control, KEY.Shift, "e");
    const menu = await app.browser.$(`//ul[contains(@class, "action-menu")]`);
    await menu.waitForExist({ timeout: 5000, timeoutMsg: "Export data… lists its formats" });
    const items = await app.exec(() => [...document.querySelectorAll(".action-menu [data-action]")].map((b) => b.getAttribute("data-action")));
    assert.equal(items.length, 6, JSON.stringify(items));
    assert.ok(items.every((id) => id.startsWith("export-data:")), JSON.stringify(items));
    await app.screenshot("formats");
    await (await app.browser.$(`//ul[contains(@class, "action-menu")]//button[@data-action="export-data:csv-people"]`)).click();
    await app.answerFileDialog("Export data", out);

    // One row per person of the open scenario, under a header.
    const csv = await app.waitFor(() => {
      try {
        const c = readCsv(out);
        return c.rows.length === people ? c : null;
      } catch {
        return null;
      }
    }, { timeout: 20_000, what: `${out} with a row per person` });
    assert.ok(csv.header.length > 1, `a header: ${csv.header}`);
    assert.equal((await app.doc()).undo, null, "exporting changes nothing");
    const file = (await app.doc()).path;
    await app.close();

    // Every column of every row: the CLI writes the same table from the closed file, and the table imported into a
    // new document and exported again is the same (ids are renumbered, but the file names people by employee id).
    const cells = (c) => [c.header, ...c.rows.map((r) => r.cells)];
    const compare = (got, want, what) => {
      assert.deepEqual(got.header, want.header, `${what}: the header`);
      assert.equal(got.rows.length, want.rows.length, `${what}: the rows`);
      let n = 0;
      want.rows.forEach((r, i) => want.header.forEach((column, c) => {
        assert.equal(got.rows[i].cells[c] ?? "", r.cells[c] ?? "", `${what}: row ${i + 2}, column ${column}`);
        n++;
      }));
      assert.equal(n, people * want.header.length, `${what}: every cell was compared`);
    };
    const fromCli = path.join(ws.docs, "people-cli.csv");
    fs.writeFileSync(fromCli, await cli("export", file, "--format", "csv", "-o", "-"));
    compare(readCsv(fromCli), csv, "the CLI's export of the closed file");
    const copy = path.join(ws.docs, "reimported.topo");
    await cli("import", copy, "--from", out);
    const again = path.join(ws.docs, "people-again.csv");
    fs.writeFileSync(again, await cli("export", copy, "--format", "csv", "-o", "-"));
    compare(readCsv(again), csv, "the table imported into a new document and exported again");
    assert.ok(cells(csv).flat().filter((c) => c.trim() !== "").length > people * 3, "the table holds more than names");
  });
});

test("an import into a new document from a window that shows one opens in a window of its own, and the first window keeps its document", async () => {
  await inWorkspace("import new document", async (ws) => {
    const file = path.join(FIXTURES, "gusto.csv");
    const roster = gustoRoster(file);
    const app = await ws.launch();
    const first = await app.doc();
    const target = path.join(ws.docs, "From Gusto.topo");

    await openImport(app, file);
    await preview(app);
    await chooseTarget(app, "a new document");
    await clickIn(app, DIALOG, "Choose file…");
    await app.answerFileDialog("New document for the import", target);
    await app.waitFor(() => app.exec((sel) => document.evaluate(sel, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.textContent ?? "", `${DIALOG}//fieldset`)
      .then((t) => t.includes("From Gusto.topo")), { what: "the dialog to show the chosen file" });
    await clickIn(app, DIALOG, "Import valid rows");
    const s = await summary(app);
    assert.ok(s.lines.includes(count(roster.valid.length, "added")), `the summary counts the people: ${JSON.stringify(s.lines)}`);
    assert.match(s.text, /opened in a window of its own/);
    await clickIn(app, DIALOG, "Close");

    // This window still shows its document, unchanged.
    const here = await app.doc();
    assert.equal(here.path, first.path, "the first window keeps its document");
    assert.equal(here.people, first.people);
    assert.equal(here.undo, first.undo, "and its history");

    // The import is a window of its own, holding the valid rows.
    assert.equal((await app.browser.getWindowHandles()).length, 2, "a second window");
    await app.followDocument(target);
    await app.waitFor(async () => (await app.doc())?.people === roster.valid.length, { what: `${roster.valid.length} people in the new document's window` });
    await app.screenshot("new-window");
    await app.close();
    assert.equal(JSON.parse(await cli("info", target, "--json")).people, roster.valid.length, "the file holds the imported people");
  });
});
