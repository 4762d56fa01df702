// End-to-end flows of actual effort against the product direction in the real app: moving an area to another team on
// the ownership map moves its effort bar and raises a drift finding, scenario compare shows the shift per area, and
// the matrix edits stance and target while "Where the people go" shows and exports the result.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, preflight, reachable } from "./harness.js";
import { areaNamed, fill, hideInsights, ownership } from "./views.js";

before(() => preflight());

const team = (id, name) => ({ id, name, mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null });
const person = (id, name) => ({
  id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
  employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager: null,
});
const area = (id, name, owner, stance, target_share) => ({
  id, name, description: "", parent: null, complexity: "simple", user_facing: true, owner, stance, target_share, outcome: "",
});

/**
 * Payments Team (6 full-time people) owns Payments, targeted at 60%; Search Team (4) owns Search, targeted at 40%:
 * actual matches the direction, so no drift. Made the way a script would, through the JSON format and the CLI.
 */
async function onTarget(ws) {
  const persons = [], memberships = [];
  for (let i = 0; i < 10; i++) {
    persons.push(person(10 + i, `Person ${i}`));
    memberships.push({ person: 10 + i, unit: i < 6 ? 1 : 2, allocation: 100, role: "engineer" });
  }
  const json = path.join(ws.docs, "effort.json");
  fs.writeFileSync(json, JSON.stringify({
    format: "topograph", version: 1, active_scenario: "Current",
    scenarios: [{
      name: "Current", persons, memberships,
      units: [team(1, "Payments Team"), team(2, "Search Team")],
      areas: [area(3, "Payments", 1, "invest", 60), area(4, "Search", 2, "grow", 40)],
    }],
  }));
  const file = path.join(ws.docs, "effort.topo");
  await cli("import", file, "--from", json);
  return file;
}

/** The first button whose visible text starts with `text`, inside `scope` (XPath), once it exists. */
async function button(app, text, scope = "") {
  const b = await app.browser.$(`${scope}//button[starts-with(normalize-space(), "${text}")]`);
  await b.waitForExist({ timeout: 5000, timeoutMsg: `no "${text}" button${scope ? ` in ${scope}` : ""}` });
  return b;
}

async function openOwnership(app) {
  await (await button(app, "Ownership", `//nav[@role="tablist"]`)).click();
  await hideInsights(app);
  return app.waitFor(async () => {
    const o = await ownership(app);
    return o && o.areas.length === 2 && o.teams.length === 2 && o.frames > 0 ? o : null;
  }, { timeout: 20_000, what: "the ownership map with both areas and teams" });
}

const inspectorText = (app, selector) =>
  app.exec((s) => document.querySelector(`aside[aria-label="Area inspector"] ${s}`)?.textContent ?? "", selector);

const PANEL = `//aside[@aria-label="Compare scenarios"]`;

test("moving an area to another team on the map moves its effort bar and raises a drift finding, and compare shows the shift", async () => {
  await inWorkspace("effort move", async (ws) => {
    const file = await onTarget(ws);
    const app = await ws.launch({ args: [file], waitForChart: false });

    // A proposal to try the move in, forked through the scenario bar.
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    await (await button(app, "New scenario from")).click();
    await app.fill(`//form[@role="dialog"]//input[@aria-label="Scenario name"]`, "Proposal");
    await (await button(app, "Create", `//form[@role="dialog"]`)).click();
    await app.waitFor(async () => (await app.doc())?.undo === "Fork scenario", { timeout: 10_000, what: "the fork" });

    // On target: the bars beside the rows read actual then target, from the core's figures.
    let map = await openOwnership(app);
    const before = map.areas.find((a) => a.name === "Payments");
    assert.equal(before.effort.figure, "60% → 60%");
    assert.equal(before.effort.fill, before.effort.tick, "the bar ends on its target mark");
    await app.click(centre(before));
    await app.waitFor(async () => (await inspectorText(app, "h2")) === "Payments", { timeout: 5000, what: "the inspector on Payments" });
    await app.waitFor(async () => (await inspectorText(app, '[aria-label="Actual effort"]')).startsWith("60% of the effort"),
      { timeout: 10_000, what: "the effort of Payments in the inspector" });
    assert.doesNotMatch(await inspectorText(app, 'section[aria-label="Findings of this area"]'), /Investment drift/i);

    // Drag Payments onto Search Team: Search Team's 4 people now split over two areas, Payments Team's 6 over none.
    map = await ownership(app);
    const payments = map.areas.find((a) => a.name === "Payments"), searchTeam = map.teams.find((t) => t.name === "Search Team");
    assert.ok(reachable(payments, map) && reachable(searchTeam, map), "the row and the team are on the canvas");
    await app.drag(centre(payments), centre(searchTeam));
    const moved = await app.waitFor(async () => {
      const a = await areaNamed(app, "Payments");
      return a && a.owner === searchTeam.id && a.effort.figure === "20% → 60%" ? a : null;
    }, { timeout: 10_000, what: "Payments owned by Search Team at 20% of the effort" });
    assert.ok(moved.effort.fill < moved.effort.tick, "the bar now stops short of its target");
    assert.equal((await areaNamed(app, "Search")).effort.figure, "20% → 40%");
    await app.screenshot("effort-moved");

    // The inspector and the finding follow.
    await app.waitFor(async () => (await inspectorText(app, '[aria-label="Actual effort"]')) === "20% of the effort (2 FTE) · target 60% (-40 pts)",
      { timeout: 10_000, what: "the inspector's effort after the move" });
    const findings = await app.waitFor(async () => {
      const t = await inspectorText(app, 'section[aria-label="Findings of this area"]');
      return /Investment drift/i.test(t) ? t : null;
    }, { timeout: 10_000, what: "a drift finding on Payments" });
    assert.match(findings, /under by 40 points/);

    // Compare the baseline with the proposal: the effort section lists both areas' shifts, largest first.
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    await (await button(app, "Compare")).click();
    const section = `${PANEL}//section[@aria-label="Effort by area"]`;
    const rows = await app.waitFor(async () => {
      const r = await app.exec((s) => {
        const el = document.evaluate(s, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
        return el ? [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent.trim())) : null;
      }, section);
      return r && r.length > 0 ? r : null;
    }, { timeout: 10_000, what: "the effort section of the compare panel" });
    assert.deepEqual(rows.map((r) => [r[0], r[1], r[2], r[4]]), [
      ["Payments", "60% → 20% (target 60%)", "−40 pts", "6 → 2 FTE"],
      ["Search", "40% → 20% (target 40%)", "−20 pts", "4 → 2 FTE"],
    ]);
    await app.screenshot("effort-compare");
  });
});

test("the matrix sets a stance and a target, and Where the people go shows and exports actual effort against them", async () => {
  await inWorkspace("effort view", async (ws) => {
    const file = await onTarget(ws);
    const app = await ws.launch({ args: [file], waitForChart: false });
    await openOwnership(app);

    // The matrix: the Search row's stance and target, in place.
    await (await button(app, "Matrix", `//div[@role="radiogroup"]`)).click();
    const stance = await app.browser.$(`//select[@aria-label="Stance of Search"]`);
    await stance.waitForExist({ timeout: 5000, timeoutMsg: "no stance field on the Search row" });
    await stance.selectByVisibleText("Sunset");
    await app.waitFor(async () => (await app.doc()).undo === "Edit area", { timeout: 10_000, what: "the stance to be saved" });
    await fill(app, `//input[@aria-label="Target share of Search (%)"]`, "10", "the target field on the Search row");
    const bar = await app.waitFor(async () => {
      const t = await app.exec(() => document.querySelector('.om-direction [aria-label^="Search:"]')?.getAttribute("aria-label") ?? "");
      return t.includes("target 10%") ? t : null;
    }, { timeout: 10_000, what: "the Search row's bar against its new target" });
    assert.equal(bar, "Search: 40% of the effort (4 FTE) · target 10% · Sunset");
    assert.equal((await app.doc()).undo, "Edit area", "Enter in the field applies the target and cycles no cell");
    await app.screenshot("matrix-direction");

    // Where the people go: the core's scene, drawn.
    await (await button(app, "Where the people go", `//div[@role="radiogroup"]`)).click();
    const view = await app.waitFor(async () => {
      const e = await app.exec(() => window.__topographTest.effort());
      return e && e.frames > 0 && e.scene.rows.find((r) => r.name === "Search")?.target === 10 ? e : null;
    }, { timeout: 10_000, what: "the where-the-people-go view with Search's target" });
    const search = view.scene.rows.find((r) => r.name === "Search");
    assert.equal(search.figures, "40% · 4 FTE · target 10%");
    assert.equal(search.stance, "sunset");
    assert.deepEqual(view.scene.actual.map((s) => [s.label, s.share]), [["Payments", 60], ["Search", 40], ["On no area", 0]]);
    await app.screenshot("where-the-people-go");

    // File › Export… (Ctrl+E) of that view as SVG: each area's name and figures are in the file as text.
    const out = path.join(ws.docs, "people.svg");
    await app.exec((p) => window.__topographTest.presetSavePath(p), out);
    await app.xkeys("ctrl+e");
    const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="Export diagram"]]`);
    await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "Ctrl+E opened no export dialog" });
    // Opened from Where the people go, the dialog starts on that view.
    const viewField = await app.browser.$(`select[aria-label="View"]`);
    assert.equal(await viewField.getValue(), "effort");
    await (await app.browser.$(`select[aria-label="Format"]`)).selectByAttribute("value", "svg");
    await (await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Export…"]`)).click();
    const done = await app.browser.$(`//p[contains(@class, "export-done")]`);
    await done.waitForExist({ timeout: 60_000, timeoutMsg: "the export reported no success" });
    const svg = fs.readFileSync(out, "utf8");
    assert.ok(svg.startsWith("<svg"), "an SVG file");
    assert.match(svg, />Where the people go</);
    for (const r of view.scene.rows) {
      assert.ok(svg.includes(`>${r.name}</text>`), `${r.name} is named in the export`);
      assert.ok(svg.includes(r.figures), `${r.name}'s figures (${r.figures}) are in the export`);
    }
  });
});
