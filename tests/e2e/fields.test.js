// Typed custom fields in the real app (issue 20): from File › New, a choice field with colours is defined in the
// Custom fields dialog (Settings › This document's fields…), set on people in the sheet's typed column, a value that
// is no choice is refused, and the org chart coloured by the field shows the colours and their legend, which File ›
// Export… keeps in the PDF and SVG.
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { before, test } from "node:test";
import { inWorkspace, preflight } from "./harness.js";
import { addThreePeople, exportCheckbox, exportWith, finishExport, K, newDocumentFromMenu, openExportDialog } from "./views.js";

const run = promisify(execFile);

before(() => preflight());

const GRID = `//div[@role="grid"][@aria-label="People sheet"]`;
const FIELDS = `//div[@role="dialog"][@aria-label="Custom fields"]`;

/**
 * The sheet's rows in the DOM, each as { id, <column key>: text }. Only the columns in view have cells: with `key`,
 * its column is scrolled into view first (its cells come with the next frame, so callers wait and ask again).
 */
function rows(app, key = null) {
  return app.exec((k) => {
    if (k) document.querySelector(`[role=grid] [role=columnheader][data-key="${k}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    return [...document.querySelectorAll("[role=grid] [role=row][data-id]")]
      .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
      .map((r) => ({ id: Number(r.dataset.id), ...Object.fromEntries([...r.querySelectorAll("[role=gridcell]")].map((c) => [c.dataset.key, c.textContent])) }));
  }, key);
}

/** Clicks a cell of the sheet with the real pointer. */
async function clickCell(app, id, key) {
  const at = await app.waitFor(() => app.exec((i, k) => {
    const c = document.querySelector(`[role=row][data-id="${i}"] [role=gridcell][data-key="${k}"]`);
    if (!c) {
      document.querySelector(`[role=grid] [role=columnheader][data-key="${k}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
      return null;
    }
    c.scrollIntoView({ block: "nearest", inline: "nearest" });
    const r = c.getBoundingClientRect();
    return { x: r.x + Math.min(20, r.width / 2), y: r.y + r.height / 2 };
  }, id, key), { what: `the ${key} cell of row ${id}` });
  await app.browser.performActions([{
    type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
    actions: [
      { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(at.x), y: Math.round(at.y) },
      { type: "pointerDown", button: 0 },
      { type: "pause", duration: 40 },
      { type: "pointerUp", button: 0 },
    ],
  }]);
  await app.browser.releaseActions();
}

/** Types into the selected cell (typing starts the edit) and commits with Enter. */
async function typeInCell(app, id, key, text) {
  await clickCell(app, id, key);
  await app.type(text);
  await app.chord(K.Enter);
}

test("from File › New a choice field with colours is defined, set on people in the sheet, and colours the org chart with a legend", async () => {
  await inWorkspace("fields new", async (ws) => {
    const app = await ws.launch();
    const file = path.join(ws.docs, "Fields org.topo");
    // The window shows the sample, so the new document opens in a window of its own.
    await newDocumentFromMenu(app, file);

    // Three people from the keyboard: Ada, and Bo and Cy reporting to her.
    await addThreePeople(app);

    // Settings (Ctrl+, in the native menu) leads to the document's fields.
    await app.xkeys("ctrl+comma");
    const fieldsButton = await app.browser.$(`//div[@role="dialog"][@aria-label="Settings"]//button[normalize-space()="This document's fields…"]`);
    await fieldsButton.waitForExist({ timeout: 10_000, timeoutMsg: "Settings offers the document's fields" });
    await fieldsButton.click();
    await (await app.browser.$(FIELDS)).waitForExist({ timeout: 10_000, timeoutMsg: "the Custom fields dialog opens" });
    await (await app.browser.$(`${FIELDS}//input[@aria-label="Field name"]`)).setValue("Office");
    await (await app.browser.$(`${FIELDS}//select[@aria-label="Field type"]`)).selectByVisibleText("Choice");
    const addChoice = await app.browser.$(`${FIELDS}//button[normalize-space()="Add choice"]`);
    await addChoice.click();
    await (await app.browser.$(`${FIELDS}//input[@aria-label="Choice 1"]`)).setValue("North");
    await addChoice.click();
    await (await app.browser.$(`${FIELDS}//input[@aria-label="Choice 2"]`)).setValue("South");
    const colours = await app.exec(() => [...document.querySelectorAll('[aria-label^="Colour of choice"]')].map((i) => i.value));
    assert.equal(colours.length, 2, "each choice has a colour");
    assert.notEqual(colours[0], colours[1], "two choices start with two colours");
    await (await app.browser.$(`${FIELDS}//button[normalize-space()="Add field"]`)).click();
    await (await app.browser.$(`${FIELDS}//td[starts-with(normalize-space(), "Office")]`)).waitForExist({ timeout: 10_000, timeoutMsg: "the dialog lists the new field" });
    assert.equal((await app.doc()).undo, "Add field", "defining a field is an undoable step");
    // Office goes on the cards too, under the title.
    await (await app.browser.$(`${FIELDS}//input[@aria-label="Show Office on cards"]`)).click();
    await app.waitFor(async () => (await app.doc()).undo === "Edit field", { what: "showing the field on cards to be an undoable step" });
    await (await app.browser.$(`${FIELDS}//button[normalize-space()="Done"]`)).click();

    // The sheet has a typed Office column: a choice is taken, anything else is refused with the person named.
    await app.xkeys("ctrl+5");
    await (await app.browser.$(GRID)).waitForExist({ timeout: 20_000, timeoutMsg: "Ctrl+5 shows the sheet" });
    const start = await app.waitFor(async () => {
      const r = await rows(app, "custom:Office");
      return r.length === 3 && "custom:Office" in r[0] ? r : null;
    }, { what: "the sheet's three rows with an Office column" });
    const [ada, bo, cy] = start;
    await typeInCell(app, ada.id, "custom:Office", "North");
    await app.waitFor(async () => (await rows(app, "custom:Office")).find((r) => r.id === ada.id)?.["custom:Office"] === "North", { what: "Ada's office in the sheet" });
    await typeInCell(app, bo.id, "custom:Office", "South");
    await app.waitFor(async () => (await rows(app, "custom:Office")).find((r) => r.id === bo.id)?.["custom:Office"] === "South", { what: "Bo's office in the sheet" });
    await typeInCell(app, cy.id, "custom:Office", "Westward");
    await app.waitFor(async () => {
      const status = await app.exec(() => document.body.innerText);
      return /not a choice of 'Office'/.test(status);
    }, { what: "a value that is no choice to be refused with why" });
    assert.equal((await rows(app, "custom:Office")).find((r) => r.id === cy.id)?.["custom:Office"], "", "the refused value is not kept");
    await app.screenshot("fields-sheet");

    // The org chart coloured by Office: each person with a value is marked in the choice's colour, with a legend.
    await app.xkeys("ctrl+1");
    await app.waitForFirstFrame();
    await (await colourBySelect(app)).selectByVisibleText("Office");
    const legend = await app.browser.$(`//aside[@aria-label="Colour legend"]`);
    await legend.waitForExist({ timeout: 10_000, timeoutMsg: "colouring by a field shows its legend" });
    const entries = await app.exec(() =>
      [...document.querySelectorAll('[aria-label="Colour legend"] li')].map((li) => ({
        name: li.querySelector(".colour-name")?.textContent,
        colour: getComputedStyle(li.querySelector(".colour-swatch")).backgroundColor,
        count: li.querySelector(".muted")?.textContent,
      })),
    );
    assert.deepEqual(entries.map((e) => [e.name, e.count]), [["North", "1"], ["South", "1"]]);
    assert.match(await legend.getText(), /Colour by Office/);
    const marks = await app.waitFor(async () => {
      const m = (await app.highlights()).marks;
      return m.length === 2 ? m : null;
    }, { what: "the chart to mark the two people in their office's colour" });
    assert.deepEqual(marks.map((m) => [m.stroke, m.ids]), [[colours[0], [ada.id]], [colours[1], [bo.id]]]);
    await app.screenshot("fields-colour-by");
    // The cards show each person's office under their title; Cy, refused, shows none.
    await app.waitFor(async () => (await app.card(ada.id))?.fields === "North" && (await app.card(bo.id))?.fields === "South",
      { what: "Ada's and Bo's cards to show their office" });
    assert.equal((await app.card(cy.id))?.fields, null, "a card without a value shows no line");

    // File › Export… keeps the colours: the PDF's legend names Office and its choices with their people, and the
    // SVG draws Ada's and Bo's cards in their office's colour.
    const out = ws.dir("exports");
    const pdf = path.join(out, "coloured.pdf");
    await openExportDialog(app, pdf);
    const keep = await exportCheckbox(app, "Colour by Office, as on screen");
    assert.equal(await keep.isSelected(), true, "the export starts coloured as the screen is");
    await app.waitFor(() => app.exec(() => window.__topographTest.exportPreview()?.svg?.includes("Colour by Office") ?? false),
      { what: "the preview to show the colour legend" });
    await finishExport(app);
    const text = (await run("pdftotext", ["-enc", "UTF-8", pdf, "-"])).stdout.replace(/\s+/g, " ");
    for (const words of ["Colour by Office", "North (1)", "South (1)", "Legend"]) assert.ok(text.includes(words), `the PDF's legend says "${words}": ${text}`);
    const svg = path.join(out, "coloured.svg");
    await exportWith(app, svg, () => app.browser.$(`select[aria-label="Format"]`).then((sel) => sel.selectByAttribute("value", "svg")));
    const drawn = fs.readFileSync(svg, "utf8");
    for (const c of colours) assert.ok(drawn.includes(`<g fill="${c}" fill-opacity="0.25" stroke="${c}"`), `the SVG tints a card in ${c}`);
    assert.ok(drawn.includes(">North<") && drawn.includes(">South<"), "the SVG's cards show the office under the title");

    // Back to the teams' own colours: the marks and the legend go.
    await (await colourBySelect(app)).selectByVisibleText("Teams (no colour by)");
    await app.waitFor(async () => (await app.highlights()).marks.length === 0, { what: "the marks to go" });
    assert.equal(await legend.isExisting(), false, "the legend goes with them");
    await app.close();
  });
});

test("colour by discipline on the sample colours every chip of the team map as the legend says, and the chart's cards alike", async () => {
  await inWorkspace("fields team map", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();
    await (await colourBySelect(app)).selectByVisibleText("Discipline");
    await app.xkeys("ctrl+2");
    const map = await app.waitFor(async () => {
      const m = await app.exec(() => window.__topographTest.teamMap());
      return m && m.chips.length > 0 && m.chips.some((c) => c.colour) ? m : null;
    }, { timeout: 20_000, what: "the team map's chips in colour" });
    const legend = await app.browser.$(`//aside[@aria-label="Colour legend"]`);
    await legend.waitForExist({ timeout: 10_000, timeoutMsg: "the team map shows the colour legend" });
    assert.match(await legend.getText(), /Colour by Discipline/);
    const people = await app.exec(() => window.__topographTest.store().records.persons.map((p) => [p.id, p.discipline]));
    const discipline = new Map(people);
    // Each discipline has one colour on the map, and two disciplines never share one.
    const colourOf = new Map();
    for (const c of map.chips) {
      assert.ok(c.colour, `${c.name}'s chip is coloured`);
      const d = discipline.get(c.id);
      if (colourOf.has(d)) assert.equal(c.colour, colourOf.get(d), `every ${d} chip has one colour`);
      else colourOf.set(d, c.colour);
    }
    assert.equal(new Set(colourOf.values()).size, colourOf.size, "a colour per discipline");
    await app.screenshot("team-map-colour-by");
    // The org chart marks each person in the same colour as their chips.
    await app.xkeys("ctrl+1");
    await app.waitForFirstFrame();
    const marks = await app.waitFor(async () => {
      const m = (await app.highlights()).marks;
      return m.length > 0 ? m : null;
    }, { what: "the chart's colour marks" });
    for (const m of marks) for (const id of m.ids) if (colourOf.has(discipline.get(id))) assert.equal(m.stroke, colourOf.get(discipline.get(id)));
    await app.close();
  });
});

/** The toolbar's Colour by choice: in the toolbar when it fits, else under More, where a narrow window folds it first. */
async function colourBySelect(app) {
  const inBar = await app.browser.$(`//header[@role="toolbar"]//select[@aria-label="Colour by"]`);
  if (await inBar.isExisting()) return inBar;
  await app.browser.$(`//header[@role="toolbar"]//button[contains(@class, "toolbar-more")]`).click();
  const inMore = await app.browser.$(`//*[contains(@class, "toolbar-overflow")]//select[@aria-label="Colour by"]`);
  await inMore.waitForExist({ timeout: 5000, timeoutMsg: "More offers Colour by" });
  return inMore;
}

