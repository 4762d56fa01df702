// Authoring an org from a blank page in the real app, as a person does: File › New, the first person and more with
// the keyboard, dotted lines added and removed in the inspector, a Ctrl-drop that moves a manager without their
// team, re-parenting through "Reports to" and with Cut/Paste; all of it found again after a relaunch, on the chart
// and in `topograph export --format json`. Run with `make e2e`.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, KEY, preflight } from "./harness.js";
import { cardNamed, dotted, nameNewPerson, onCanvas, roomForTheChart, tree } from "./views.js";

before(() => preflight());

const K = { ...KEY, Insert: "\uE016", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015" };

/** The document's "Current" scenario as `topograph export --format json` writes it: managers and dotted lines by name. */
async function exported(file) {
  const doc = JSON.parse(await cli("export", file, "--format", "json", "-o", "-"));
  const s = doc.scenarios.find((x) => x.name === "Current");
  const name = new Map(s.persons.map((p) => [p.id, p.name]));
  return {
    managers: Object.fromEntries(s.persons.map((p) => [p.name, p.manager === null ? null : name.get(p.manager)])),
    dotted: s.dotted_lines.map((d) => `${name.get(d.person)} → ${name.get(d.manager)}`).sort(),
  };
}

function waitForTree(app, want, what) {
  return app.waitFor(async () => {
    const t = await tree(app);
    return Object.entries(want).every(([p, m]) => t[p] === m) ? t : null;
  }, { timeout: 10_000, what }).catch(async (e) => {
    e.message += `; the chart shows ${JSON.stringify(await tree(app))}`;
    throw e;
  });
}

/** A drag holding Ctrl from before the press, held at the target (the button down) until `release`. */
async function ctrlDragAndHold(app, from, to) {
  const p = (v) => Math.round(v);
  const pointer = [
    { type: "pause", duration: 0 },
    { type: "pointerMove", duration: 0, origin: "viewport", x: p(from.x), y: p(from.y) },
    { type: "pointerDown", button: 0 },
    { type: "pause", duration: 50 },
    { type: "pointerMove", duration: 60, origin: "viewport", x: p(from.x + 8), y: p(from.y + 6) },
    { type: "pointerMove", duration: 400, origin: "viewport", x: p(to.x), y: p(to.y) },
    { type: "pause", duration: 100 },
  ];
  const keys = [{ type: "keyDown", value: K.Control }, ...pointer.slice(1).map(() => ({ type: "pause", duration: 0 }))];
  await app.browser.performActions([
    { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: pointer },
    { type: "key", id: "keyboard", actions: keys },
  ]);
}

/** Clicks a card and waits until it is the selection (the inspector shows it). */
async function select(app, name) {
  const c = await cardNamed(app, name);
  await app.click(centre(c));
  await app.waitFor(async () => (await app.exec(() => window.__topographTest.view().persons[0])) === c.id, { what: `${name} selected by a click` }).catch(async (e) => {
    const at = centre(c);
    const dbg = await app.exec((x, y) => {
      const el = document.elementFromPoint(x, y);
      return { el: el ? `${el.tagName}.${el.className}` : null, active: document.activeElement?.outerHTML.slice(0, 120), view: window.__topographTest.view() };
    }, at.x, at.y);
    e.message += ` DEBUG ${JSON.stringify(dbg)} card ${JSON.stringify(c)}`;
    throw e;
  });
}

async function rightClick(app, at) {
  await app.browser.performActions([{
    type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
    actions: [
      { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(at.x), y: Math.round(at.y) },
      { type: "pointerDown", button: 2 }, { type: "pause", duration: 40 }, { type: "pointerUp", button: 2 },
    ],
  }]);
  await app.browser.releaseActions();
}

/** Types into a type-ahead person field and chooses the first match with Enter. */
async function pick(app, field, text, expect) {
  const input = await app.browser.$(`.inspector input[data-field="${field}"]`);
  await app.waitFor(() => app.exec((f) => document.activeElement?.getAttribute("data-field") === f, field), { what: `the focus in ${field}` });
  await app.type(text);
  const option = await app.browser.$(`//ul[@role="listbox"]/li[@aria-selected="true"]/span[normalize-space()="${expect}"]`);
  await option.waitForExist({ timeout: 5000, timeoutMsg: `${expect} offered first for "${text}" in ${field}` });
  assert.ok(await input.isExisting());
  await app.chord(K.Enter);
}

test("File › New beside the sample makes a blank document in a window of its own, where the keyboard adds the first person and five more, all there after a relaunch and in the JSON export", async () => {
  await inWorkspace("new blank org", async (ws) => {
    let app = await ws.launch();
    const file = path.join(ws.docs, "Blank org.topo");
    await app.exec((p) => window.__topographTest.presetSavePath(p), file);
    await app.xkeys("ctrl+n"); // the native menu's File › New
    const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="New document"]]`);
    await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "File › New asks what to start from" });
    assert.ok(await app.browser.$(`//label[.//strong[normalize-space()="Copy of the sample"]]`).isExisting(), "the sample is offered too");
    assert.ok(await app.browser.$(`//input[@name="template"][@value="blank"]`).isSelected(), "a blank org is the default");
    await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Create…"]`).click();
    // The window shows the sample, so the new document opens in a window of its own.
    await app.followDocument(file);
    assert.equal((await app.browser.getWindowHandles()).length, 2, "the sample's window stays open beside the new one");
    assert.equal((await app.doc()).people, 0, "the new document is empty");
    assert.ok(fs.existsSync(file), "the document is written where the save dialog said");

    const empty = await app.browser.$(`//div[@role="region"][.//button[normalize-space()="Add the first person"]]`);
    await empty.waitForExist({ timeout: 10_000, timeoutMsg: "the empty chart invites to add the first person" });
    await app.screenshot("empty");

    // Insert with nobody selected adds the root; then each Insert adds a report to the selected card.
    await app.chord(K.Insert);
    await nameNewPerson(app, "Ada Lovelace");
    assert.equal(await empty.isExisting(), false, "the invitation goes once there is someone");
    await app.chord(K.Insert);
    await nameNewPerson(app, "Bo Chen");
    await app.chord(K.ArrowUp); // Ada
    await app.chord(K.Insert);
    await nameNewPerson(app, "Cy Diaz");
    await app.chord(K.ArrowLeft); // Bo, Cy's previous sibling
    await app.chord(K.Insert);
    await nameNewPerson(app, "Di Evans");
    await app.chord(K.ArrowUp); // Bo
    await app.chord(K.Insert);
    await nameNewPerson(app, "Ed Fox");
    await app.chord(K.ArrowUp);
    await app.chord(K.ArrowRight); // Cy
    await app.chord(K.Insert);
    await nameNewPerson(app, "Fay Gold");
    const want = { "Ada Lovelace": null, "Bo Chen": "Ada Lovelace", "Cy Diaz": "Ada Lovelace", "Di Evans": "Bo Chen", "Ed Fox": "Bo Chen", "Fay Gold": "Cy Diaz" };
    assert.deepEqual(await tree(app), want, "six people in the shape typed");
    const canvas = await app.canvasRect();
    assert.ok(onCanvas(await app.card("Fay Gold"), canvas), "the view followed the last card it created");
    await app.screenshot("six-people");
    await app.close();

    assert.deepEqual((await exported(file)).managers, want, "the closed file holds the six people and their managers");
    app = await ws.launch();
    assert.equal((await app.doc()).path, file, "the relaunch reopens the new document");
    assert.deepEqual(await tree(app), want, "the relaunched app shows them");

    // A double click on empty canvas adds someone at the top, named like any new person.
    const canvasNow = await app.canvasRect();
    const spot = { x: canvasNow.x + 30, y: canvasNow.y + canvasNow.h - 30 };
    assert.equal(await app.exec((x, y) => document.elementFromPoint(x, y)?.className, spot.x, spot.y), "chart-canvas", "the spot is empty canvas");
    await app.browser.performActions([{
      type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(spot.x), y: Math.round(spot.y) },
        { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }, { type: "pause", duration: 60 },
        { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 },
      ],
    }]);
    await nameNewPerson(app, "Zoe Top");
    assert.equal((await app.card("Zoe Top")).manager, null, "the double click added a person at the top");
  });
});

test("reporting lines are edited in the inspector and on the chart: dotted lines added and removed, a Ctrl-drop, Reports to, Cut and Paste", async () => {
  await inWorkspace("reporting lines", async (ws) => {
    // A document made with `topograph new`, filled by `topograph import` (no new scenario).
    const file = path.join(ws.docs, "Org.topo");
    const csv = path.join(ws.docs, "hr.csv");
    fs.writeFileSync(csv, [
      "Employee ID,Name,Manager Employee ID", "1,Ada Lovelace,", "2,Bo Chen,1", "3,Cy Diaz,1", "4,Di Evans,2", "5,Ed Fox,2", "6,Fay Gold,3",
    ].join("\n") + "\n");
    await cli("new", file);
    await cli("import", file, "--from", csv);
    let app = await ws.launch({ args: [file] });
    const start = { "Ada Lovelace": null, "Bo Chen": "Ada Lovelace", "Cy Diaz": "Ada Lovelace", "Di Evans": "Bo Chen", "Ed Fox": "Bo Chen", "Fay Gold": "Cy Diaz" };
    assert.deepEqual(await tree(app), start, "the import filled the new document's scenario");
    const card = (name) => cardNamed(app, name);

    // Two dotted lines from the inspector (a field and the card menu), then one removed with its button.
    await select(app, "Fay Gold");
    await roomForTheChart(app);
    await app.browser.$(`.inspector input[data-field="add-dotted-line"]`).click();
    await pick(app, "add-dotted-line", "bo", "Bo Chen");
    await app.waitFor(async () => (await dotted(app)).includes("Fay Gold → Bo Chen"), { what: "Fay's dotted line to Bo" });
    // A right click opens the card menu. (WebKitGTK delivers its release as a left-button mouseup and no pointerup,
    // after which presses come as mouse events only: the chart takes those too, which the clicks below rely on.)
    await rightClick(app, centre(await card("Di Evans")));
    const menuItem = await app.browser.$(`//ul[@role="menu"]//button[@data-action="add-dotted-line"]`);
    await menuItem.waitForExist({ timeout: 5000, timeoutMsg: "the card menu offers Add dotted line…" });
    for (const a of ["add-report", "change-manager", "add-to-team", "delete"]) {
      assert.ok(await app.browser.$(`//ul[@role="menu"]//button[@data-action="${a}"]`).isExisting(), `the card menu offers ${a}`);
    }
    await menuItem.click();
    await pick(app, "add-dotted-line", "cy", "Cy Diaz");
    await app.waitFor(async () => (await dotted(app)).includes("Di Evans → Cy Diaz"), { what: "Di's dotted line to Cy" });
    await select(app, "Fay Gold");
    const remove = await app.browser.$(`//button[@aria-label="Remove the dotted line to Bo Chen"]`);
    await remove.waitForExist({ timeout: 5000, timeoutMsg: "Fay's dotted line is listed with a remove button" });
    await remove.click();
    await app.waitFor(async () => JSON.stringify(await dotted(app)) === JSON.stringify(["Di Evans → Cy Diaz"]), { what: "only Di's dotted line left" });

    // Ctrl-drop Bo (who leads Di and Ed) onto Cy: Bo alone moves; Di and Ed go to Ada. The hint says so first.
    const bo = await card("Bo Chen"), cy = await card("Cy Diaz");
    const drop = centre(cy);
    await ctrlDragAndHold(app, centre(bo), drop);
    const hint = await app.waitFor(async () => (await app.highlights()).dropTarget?.hint, { what: "the drop hint over Cy" });
    assert.equal(hint, "Move only Bo Chen under Cy Diaz; their 2 reports go to Ada Lovelace");
    await app.release();
    const afterDrop = { ...start, "Bo Chen": "Cy Diaz", "Di Evans": "Ada Lovelace", "Ed Fox": "Ada Lovelace" };
    await waitForTree(app, afterDrop, "Bo under Cy, his reports under Ada");
    const moved = await app.waitFor(async () => {
      const c = await app.card("Bo Chen");
      return Math.hypot(centre(c).x - drop.x, centre(c).y - drop.y) < 40 ? c : null;
    }, { what: "Bo's card where he was dropped" });
    assert.ok(onCanvas(moved, await app.canvasRect()), "the moved card stays on screen");

    // Reports to, by keyboard: M on the selected card, a name, Enter. Ed (with the team) goes under Cy.
    await roomForTheChart(app);
    await select(app, "Ed Fox");
    await app.chord("m");
    await pick(app, "reports-to", "cy d", "Cy Diaz");
    await waitForTree(app, { ...afterDrop, "Ed Fox": "Cy Diaz" }, "Ed under Cy through Reports to");

    // Cut Fay, paste onto Bo.
    await roomForTheChart(app);
    await select(app, "Fay Gold");
    await app.chord(K.Control, "x");
    await app.waitFor(async () => /Cut Fay Gold/.test(await app.statusText()), { what: "the status bar to say Fay is cut" });
    await select(app, "Bo Chen");
    await app.chord(K.Control, "v");
    const final = { ...afterDrop, "Ed Fox": "Cy Diaz", "Fay Gold": "Bo Chen" };
    await waitForTree(app, final, "Fay under Bo after Cut and Paste");

    // Each view keeps its camera: to the Team map and back, the chart is where it was.
    const camera = await app.exec(() => window.__topographTest.camera());
    await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Team map"]`).click();
    await app.waitFor(() => app.exec(() => window.__topographTest.view().view === "team-map"), { what: "the team map" });
    await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Org chart"]`).click();
    const back = await app.waitFor(async () => {
      const c = await app.exec(() => window.__topographTest.camera());
      return (await app.exec(() => window.__topographTest.view().view)) === "org-chart" && c ? c : null;
    }, { what: "the org chart again" });
    assert.deepEqual(back, camera, "the chart's camera is as it was left");
    await app.screenshot("reporting-lines");
    await app.close();

    const out = await exported(file);
    assert.deepEqual(out.managers, final, "the closed file holds every reporting line");
    assert.deepEqual(out.dotted, ["Di Evans → Cy Diaz"], "and the one dotted line left");
    app = await ws.launch({ args: [file] });
    assert.deepEqual(await tree(app), final, "the relaunched app shows the same chart");
    assert.deepEqual(await dotted(app), ["Di Evans → Cy Diaz"], "and the same dotted line");
  });
});

test("File › Import… into an empty document fills its one scenario, dotted lines included, in one undo step", async () => {
  await inWorkspace("import into empty", async (ws) => {
    const file = path.join(ws.docs, "Empty.topo");
    const csv = path.join(ws.docs, "people.csv");
    fs.writeFileSync(csv, [
      "Employee ID,Name,Manager Employee ID,Dotted Line Manager IDs", "1,Ada Lovelace,,", "2,Bo Chen,1,", "3,Cy Diaz,1,2", "4,Di Evans,3,E404",
    ].join("\n") + "\n");
    await cli("new", file);
    const app = await ws.launch({ args: [file], waitForChart: false });
    await app.waitFor(async () => (await app.doc())?.path === file, { what: "the empty document open" });
    assert.equal(await app.exec((p) => window.__topographTest.openImport(p), csv), true, "the import host is mounted");
    const dialogXp = `//div[@role="dialog" and contains(@class, "import-dialog")]`;
    const radio = await app.browser.$(`${dialogXp}//label[contains(normalize-space(), "the open scenario, which is empty")]/input`);
    await radio.waitForExist({ timeout: 10_000, timeoutMsg: "the dialog offers the empty open scenario" });
    assert.ok(await radio.isSelected(), "filling the empty scenario is the default");
    const mapping = await app.browser.$(`${dialogXp}//select[@aria-label="Column Dotted Line Manager IDs"]`);
    await app.waitFor(async () => (await mapping.isExisting()) && (await mapping.getValue()) === "dotted-line-managers", { what: "the dotted-line column recognised" });
    await app.waitFor(() => app.exec((x) => document.evaluate(x, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue?.textContent.includes("5:4: unknown dotted-line manager 'E404'"), dialogXp), {
      what: "the unknown dotted-line manager listed as LINE:COLUMN: reason",
    });
    const go = await app.browser.$(`${dialogXp}//button[starts-with(normalize-space(), "Import valid rows")]`);
    await go.waitForClickable({ timeout: 10_000, timeoutMsg: "Import valid rows" });
    await go.click();
    await app.browser.$(`${dialogXp}//button[normalize-space()="Close"]`).then((b) => b.waitForClickable({ timeout: 20_000 }).then(() => b.click()));
    await waitForTree(app, { "Ada Lovelace": null, "Bo Chen": "Ada Lovelace", "Cy Diaz": "Ada Lovelace", "Di Evans": "Cy Diaz" }, "the imported people on the chart");
    assert.deepEqual(await dotted(app), ["Cy Diaz → Bo Chen"]);
    assert.equal((await app.doc()).undo, "Import people.csv", "one undo step");
    await app.close();
    const facts = JSON.parse(await cli("info", "--json", file));
    assert.deepEqual(facts.scenarios, ["Current"], "no scenario was added");
    assert.equal(facts.people, 4);
  });
});
