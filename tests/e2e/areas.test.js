// End-to-end flows of the product-area tree in the real app, from a document with no areas: add areas with the
// pointer and the keyboard, edit one in the inspector, rename in place, drag to re-parent, delete a branch and undo
// it in one step, relaunch, and pick an area's finding in the insights panel.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, KEY, preflight } from "./harness.js";
import { areaNamed, inspectorSelect, inspectorTitle, ownership, renameField, waitArea } from "./views.js";

before(() => preflight());

/** WebDriver key codes the harness does not name. */
const K = { Insert: "\uE016", Tab: "\uE004", F2: "\uE032", Delete: "\uE017" };

const team = (id, name, kind) => ({ id, name, mission: "", kind, parent: null, lead: null, colour: null, target_size: null });

/**
 * A blank document holding two teams and nothing else (no people, no areas), made the way a script would: the
 * JSON exchange format through `topograph import`. Areas need a team to be owned by; the team map's own
 * "+ Team" is another part of the work.
 */
async function blankWithTeams(ws) {
  const json = path.join(ws.docs, "teams.json");
  fs.writeFileSync(json, JSON.stringify({
    format: "topograph", version: 1, active_scenario: "Current",
    scenarios: [{ name: "Current", units: [team(1, "Checkout Team", "stream-aligned"), team(2, "Platform Team", "platform")] }],
  }));
  const file = path.join(ws.docs, "areas.topo");
  await cli("import", file, "--from", json);
  return file;
}

/** Replaces the text of the focused rename field and presses Enter. */
async function typeName(app, name) {
  await renameField(app);
  await app.chord(KEY.Control, "a");
  await app.type(name);
  await app.chord(KEY.Enter);
}

async function doubleClick(app, at) {
  const x = Math.round(at.x), y = Math.round(at.y);
  await app.browser.performActions([{
    type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
    actions: [
      { type: "pointerMove", duration: 0, origin: "viewport", x, y },
      { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 },
      { type: "pause", duration: 60 },
      { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 },
    ],
  }]);
}

/** The point a quarter-row from the top or bottom of a row, or its middle: before it, after it, into it. */
const spot = (box, zone) => ({ x: box.x + box.w / 3, y: box.y + box.h * (zone === "before" ? 0.1 : zone === "after" ? 0.9 : 0.5) });

function areasOf(exported) {
  const doc = JSON.parse(exported);
  const s = doc.scenarios.find((x) => x.name === doc.active_scenario);
  return { areas: s.areas, contributors: s.contributors ?? [] };
}

test("a product leader builds the area tree in the app from a blank document: add, nest, own, rename, move, delete and undo, relaunch, and a finding leads to its area", async () => {
  await inWorkspace("areas tree", async (ws) => {
    const file = await blankWithTeams(ws);
    let app = await ws.launch({ args: [file], waitForChart: false });
    const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Ownership"]`);
    await tab.waitForExist({ timeout: 10_000, timeoutMsg: "no Ownership tab" });
    await tab.click();

    // The empty state says what to do, and never that every area has an owner.
    const add = await app.browser.$(`//button[normalize-space()="Add a product area"]`);
    await add.waitForExist({ timeout: 20_000, timeoutMsg: "no \"Add a product area\" button on an empty ownership view" });
    const text = await app.exec(() => document.querySelector(".ownership-view")?.innerText ?? "");
    assert.match(text, /No product areas yet/, "the empty ownership view says there are no product areas");
    assert.doesNotMatch(text, /Every area has an owner/, "and does not claim every area has an owner");
    await app.screenshot("empty");

    // Pointer: the empty state's button adds the first area and opens its name for typing.
    await add.click();
    await typeName(app, "Payments");
    const payments = await waitArea(app, "Payments");
    assert.equal(payments.parent, null, "Payments is a top-level area");

    // Keyboard: Insert adds a sibling after the selected area, Tab a sub-area of it.
    await app.chord(K.Insert);
    await typeName(app, "Search");
    const search = await waitArea(app, "Search");
    assert.equal(search.parent, null, "Search is a top-level area too");
    await app.chord(K.Tab);
    await typeName(app, "Ranking");
    const ranking = await waitArea(app, "Ranking", "Ranking under Search", (a) => a.parent === search.id);
    assert.equal(ranking.depth, 1, "Ranking is nested one level down");
    const names = (await ownership(app)).areas.map((a) => a.name);
    assert.deepEqual(names, ["Payments", "Search", "Ranking"], "the tree lists the areas in order");

    // The inspector: an owner and a contributor for Payments, picked in its fields.
    await app.click(centre(await areaNamed(app, "Payments")));
    await app.waitFor(async () => (await inspectorTitle(app)) === "Payments", { timeout: 5000, what: "the inspector to show Payments" });
    await inspectorSelect(app, "Owner", "Checkout Team");
    await waitArea(app, "Payments", "Checkout Team to own Payments", (a) => a.owner === 1);
    await inspectorSelect(app, "Add a contributor", "Platform Team");
    await waitArea(app, "Payments", "Platform Team to contribute to Payments", (a) => a.contributors.includes(2));
    await app.screenshot("owned");

    // Rename in place: a double click on the row opens its name.
    await doubleClick(app, centre(await areaNamed(app, "Ranking")));
    assert.equal(await renameField(app), "Ranking", "the field starts with the area's name");
    await typeName(app, "Relevance");
    await waitArea(app, "Relevance", "Ranking renamed to Relevance", (a) => a.id === ranking.id);

    // A move under the area's own descendant is refused while hovering, with the reason, and changes nothing.
    const undoBefore = (await app.doc()).undo;
    await app.drag(centre(await areaNamed(app, "Search")), spot(await areaNamed(app, "Relevance"), "into"), { hold: true });
    const refused = await app.waitFor(async () => {
      const d = (await ownership(app))?.treeDrop;
      return d && !d.ok ? d : null;
    }, { timeout: 5000, what: "the refusal while hovering Search over Relevance" });
    assert.match(refused.reason, /“Search” cannot go under “Relevance”, which is inside it/);
    await app.screenshot("refused-move");
    await app.release();
    await app.waitFor(async () => (await ownership(app))?.treeDrop === null, { timeout: 5000, what: "the drag to end" });
    assert.equal((await areaNamed(app, "Search")).parent, null, "Search did not move");
    assert.equal((await app.doc()).undo, undoBefore, "nothing was added to the history");

    // Drag to re-parent: Payments dropped onto the middle of Search's row goes inside it, after Relevance.
    await app.drag(centre(await areaNamed(app, "Payments")), spot(await areaNamed(app, "Search"), "into"));
    await waitArea(app, "Payments", "Payments to move under Search", (a) => a.parent === search.id);
    assert.deepEqual((await ownership(app)).areas.map((a) => a.name), ["Search", "Relevance", "Payments"]);
    // And between rows: before Relevance, as its sibling.
    await app.drag(centre(await areaNamed(app, "Payments")), spot(await areaNamed(app, "Relevance"), "before"));
    await app.waitFor(async () => {
      const o = await ownership(app);
      return o.areas.map((a) => a.name).join() === "Search,Payments,Relevance" ? o : null;
    }, { timeout: 10_000, what: "Payments to move before Relevance" });
    const built = (await ownership(app)).areas;

    // Delete a branch: Search goes with its two sub-areas, after a question that says so; one undo brings all back.
    await app.click(centre(await areaNamed(app, "Search")));
    await app.waitFor(async () => (await inspectorTitle(app)) === "Search", { timeout: 5000, what: "Search selected" });
    await app.chord(K.Delete);
    const dialog = await app.browser.$(`//div[@role="alertdialog"]`);
    await dialog.waitForExist({ timeout: 5000, timeoutMsg: "no confirmation for deleting an area with sub-areas" });
    const question = await dialog.getText();
    assert.match(question, /Its 2 sub-areas \(“Payments”, “Relevance”\) are deleted with it/, question);
    assert.match(question, /One sub-area loses its owner/, question);
    assert.match(question, /One contribution is removed/, question);
    await (await app.browser.$(`//div[@role="alertdialog"]//button[normalize-space()="Delete"]`)).click();
    await app.waitFor(async () => {
      const t = await app.exec(() => document.querySelector(".ownership-view")?.innerText ?? "");
      return /No product areas yet/.test(t);
    }, { timeout: 10_000, what: "the three areas to be gone" });
    assert.equal((await app.doc()).undo, "Delete area Search", "the delete is one step in the history");
    await app.screenshot("deleted");
    await app.xkeys("ctrl+z");
    const back = await app.waitFor(async () => {
      const o = await ownership(app);
      return o && o.areas.length === 3 ? o.areas : null;
    }, { timeout: 10_000, what: "one Ctrl+Z to bring the branch back" });
    const strip = (as) => as.map((a) => ({ id: a.id, name: a.name, parent: a.parent, owner: a.owner, contributors: a.contributors }));
    assert.deepEqual(strip(back), strip(built), "the same areas, in the same places, with their owner and contributor");
    const doc = await app.doc();
    await app.close();

    // What the file holds, read by the CLI.
    const { areas, contributors } = areasOf(await cli("export", file, "--format", "json", "-o", "-"));
    const byName = Object.fromEntries(areas.map((a) => [a.name, a]));
    assert.deepEqual(Object.keys(byName).sort(), ["Payments", "Relevance", "Search"]);
    assert.equal(byName.Payments.parent, byName.Search.id);
    assert.equal(byName.Relevance.parent, byName.Search.id);
    assert.equal(byName.Payments.owner, 1);
    assert.deepEqual(contributors, [{ area: byName.Payments.id, unit: 2 }]);
    assert.ok(byName.Payments.position < byName.Relevance.position, "Payments is placed before Relevance");

    // Relaunch: the tree is as it was, and the history still offers the redo of the delete.
    app = await ws.launch({ args: [file], waitForChart: false });
    const reopened = await app.waitFor(async () => (await app.doc())?.path ? app.doc() : null, { timeout: 20_000, what: "the document to open" });
    assert.equal(reopened.redo, doc.redo, "the redo survives the relaunch");
    // A finding about an area leads to it: the panel's "no team owns this area" for Relevance, picked from the chart.
    const finding = await app.browser.$(`//aside[@aria-label="Insights"]//button[contains(@class,"finding")][.//strong[normalize-space()="Relevance"]]`);
    await finding.waitForExist({ timeout: 20_000, timeoutMsg: "no insights finding for the unowned area Relevance" });
    await finding.click();
    await app.waitFor(async () => {
      const o = await ownership(app);
      return o && o.selected.includes(ranking.id) ? o : null;
    }, { timeout: 10_000, what: "the finding to select Relevance on the ownership map" });
    assert.equal(await inspectorTitle(app), "Relevance", "the inspector shows the area of the finding");
    const findingsText = await app.exec(() => document.querySelector('aside[aria-label="Area inspector"] section[aria-label="Findings of this area"]')?.textContent ?? "");
    assert.match(findingsText, /no team owns this area/, "and lists its finding");
    assert.deepEqual(strip((await ownership(app)).areas), strip(built), "the relaunched map shows the same tree");
    await app.screenshot("finding-selected");
  });
});

const ARROW = { up: "\uE013", left: "\uE012", right: "\uE014", down: "\uE015" };

async function order(app) {
  return (await ownership(app)).areas.map((a) => `${"  ".repeat(a.depth)}${a.name}`);
}

async function selectedName(app) {
  const o = await ownership(app);
  return o.areas.find((a) => o.selected.includes(a.id))?.name ?? null;
}

/** A matrix row header's rectangle in viewport pixels. */
function rowHeader(app, name) {
  return app.exec((n) => {
    // The header's first node is the name (a badge and the "+" follow it).
    const el = [...document.querySelectorAll("[role=rowheader]")].find((h) => h.firstChild?.textContent === n);
    const r = el?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
  }, name);
}

test("the area tree by keyboard alone (Insert, arrows, Alt+arrows to move, F2 to rename), and in the matrix a row dragged onto another and a sub-area added with its +", async () => {
  await inWorkspace("areas keyboard", async (ws) => {
    const file = await blankWithTeams(ws);
    const app = await ws.launch({ args: [file], waitForChart: false });
    await (await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Ownership"]`)).click();
    const addButton = await app.browser.$(`//div[@role="toolbar" and @aria-label="Ownership"]//button[normalize-space()="+ Area"]`);
    await addButton.waitForExist({ timeout: 20_000, timeoutMsg: "no \"+ Area\" on the ownership toolbar" });
    await addButton.click();
    await typeName(app, "Alpha");
    for (const name of ["Beta", "Gamma"]) {
      await app.chord(K.Insert);
      await typeName(app, name);
      await waitArea(app, name);
    }
    assert.deepEqual(await order(app), ["Alpha", "Beta", "Gamma"]);

    // Arrows select, Alt+Up moves the selected area above its neighbour.
    await app.chord(ARROW.up);
    await app.waitFor(async () => (await selectedName(app)) === "Beta", { timeout: 5000, what: "ArrowUp to select Beta" });
    await app.chord(KEY.Alt, ARROW.up);
    await app.waitFor(async () => (await order(app)).join() === "Beta,Alpha,Gamma", { timeout: 10_000, what: "Alt+Up to move Beta first" });

    // Alt+Right puts Gamma inside the area above it; F2 renames it; Alt+Left takes it out again, right after Alpha.
    await app.chord(ARROW.down);
    await app.chord(ARROW.down);
    await app.waitFor(async () => (await selectedName(app)) === "Gamma", { timeout: 5000, what: "two ArrowDowns to select Gamma" });
    await app.chord(KEY.Alt, ARROW.right);
    await app.waitFor(async () => (await order(app)).join() === "Beta,Alpha,  Gamma", { timeout: 10_000, what: "Alt+Right to nest Gamma in Alpha" });
    await app.chord(K.F2);
    assert.equal(await renameField(app), "Gamma", "F2 opens the name of the selected area");
    await typeName(app, "Gamma two");
    await waitArea(app, "Gamma two");
    await app.chord(KEY.Alt, ARROW.left);
    await app.waitFor(async () => (await order(app)).join() === "Beta,Alpha,Gamma two", { timeout: 10_000, what: "Alt+Left to take Gamma two out of Alpha" });
    await app.screenshot("keyboard");

    // The matrix's row headers are the same tree: drag Beta onto the middle of Gamma two's row to nest it there.
    await (await app.browser.$(`//div[@role="toolbar" and @aria-label="Ownership"]//button[normalize-space()="Matrix"]`)).click();
    const from = await app.waitFor(() => rowHeader(app, "Beta"), { timeout: 5000, what: "the matrix row of Beta" });
    const to = await rowHeader(app, "Gamma two");
    await app.drag(centre(from), centre(to));
    // The rows as the matrix lists them, each with its indent.
    const rowsShown = () => app.exec(() => [...document.querySelectorAll("[role=rowheader]")].map((h) => `${h.style.paddingLeft} ${h.firstChild?.textContent}`));
    const moved = await app.waitFor(async () => {
      const r = await rowsShown();
      return r.join() === "8px Alpha,8px Gamma two,22px Beta" ? r : null;
    }, { timeout: 10_000, what: "the matrix drop to put Beta inside Gamma two" });
    assert.ok(moved);
    assert.equal((await app.doc()).undo, "Move area");
    // The moved row stays selected; its "+" adds a sub-area, named in place in the matrix.
    await (await app.browser.$(`//div[@role="rowheader"]//button[@aria-label="Add a sub-area to Beta"]`)).click();
    await typeName(app, "Delta");
    await app.waitFor(async () => {
      const r = await rowsShown();
      return r.join() === "8px Alpha,8px Gamma two,22px Beta,36px Delta" ? r : null;
    }, { timeout: 10_000, what: "Delta as a sub-area of Beta in the matrix" });
    await app.screenshot("matrix-moved");
    await (await app.browser.$(`//div[@role="toolbar" and @aria-label="Ownership"]//button[normalize-space()="Map"]`)).click();
    await app.waitFor(async () => (await ownership(app))?.areas.length === 4 || null, { timeout: 10_000, what: "the map again" });
    assert.deepEqual(await order(app), ["Alpha", "Gamma two", "  Beta", "    Delta"], "Beta sits inside Gamma two, Delta inside Beta");
  });
});
