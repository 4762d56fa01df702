// End-to-end flow of the product direction in the real app: a product leader sets a stance, a target share and an
// outcome on an area in the area inspector, sees the actual effort against the target and a drift finding, and the
// command line reads the same direction and finding from the file.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, KEY, preflight } from "./harness.js";
import { areaNamed, ownership } from "./views.js";

before(() => preflight());

const team = (id, name) => ({ id, name, mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null });
const person = (id, name) => ({
  id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
  employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager: null,
});
const area = (id, name, owner) => ({ id, name, description: "", parent: null, complexity: "simple", user_facing: true, owner });

/**
 * Two teams of 6 and 4 full-time people, each owning one area: actual shares 60% and 40%, by hand. Made the way a
 * script would, through the JSON format and `topograph import`.
 */
async function twoTeams(ws) {
  const persons = [], memberships = [];
  for (let i = 0; i < 10; i++) {
    const id = 10 + i;
    persons.push(person(id, `Person ${i}`));
    memberships.push({ person: id, unit: i < 6 ? 1 : 2, allocation: 100, role: "engineer" });
  }
  const json = path.join(ws.docs, "direction.json");
  fs.writeFileSync(json, JSON.stringify({
    format: "topograph", version: 1, active_scenario: "Current",
    scenarios: [{
      name: "Current", persons, memberships,
      units: [team(1, "Payments Team"), team(2, "Search Team")],
      areas: [area(3, "Payments", 1), area(4, "Search", 2)],
    }],
  }));
  const file = path.join(ws.docs, "direction.topo");
  await cli("import", file, "--from", json);
  return file;
}

const inspector = (rest) => `//aside[@aria-label="Area inspector"]${rest}`;

async function inspectorText(app, selector) {
  return app.exec((s) => document.querySelector(`aside[aria-label="Area inspector"] ${s}`)?.textContent ?? "", selector);
}

/** Clicks a field of the inspector, replaces its text as a person would, and presses Enter. */
async function typeInto(app, label, text) {
  const field = await app.browser.$(inspector(`//input[@aria-label="${label}"]`));
  await field.waitForExist({ timeout: 5000, timeoutMsg: `no "${label}" field in the area inspector` });
  await field.click();
  await app.chord(KEY.Control, "a");
  await app.type(text);
  await app.chord(KEY.Enter);
}

test("a product leader sets a stance and a target on an area, sees actual effort against it and a drift finding, and the CLI agrees", async () => {
  await inWorkspace("direction", async (ws) => {
    const file = await twoTeams(ws);
    const app = await ws.launch({ args: [file], waitForChart: false });
    const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Ownership"]`);
    await tab.waitForExist({ timeout: 10_000, timeoutMsg: "no Ownership tab" });
    await tab.click();
    const search = await app.waitFor(() => areaNamed(app, "Search"), { timeout: 20_000, what: "the Search row on the map" });
    await app.click(centre(search));
    await app.waitFor(async () => (await inspectorText(app, "h2")) === "Search", { timeout: 5000, what: "the inspector to show Search" });

    // Before any direction: the actual share, worked out by the core (4 of 10 FTE).
    await app.waitFor(async () => (await inspectorText(app, '[aria-label="Actual effort"]')).startsWith("40% of the effort (4 FTE)"),
      { timeout: 10_000, what: "the actual effort of Search" });

    // Stance, target and outcome, in the inspector's fields.
    const stance = await app.browser.$(inspector(`//select[@aria-label="Stance"]`));
    await stance.waitForExist({ timeout: 5000, timeoutMsg: "no Stance field in the area inspector" });
    await stance.selectByVisibleText("Invest");
    await app.waitFor(async () => (await app.doc()).undo === "Edit area", { timeout: 10_000, what: "the stance to be saved" });
    await typeInto(app, "Target share (%)", "70");
    await typeInto(app, "Outcome", "Half of all visits start with a search");

    // Actual against target, and the drift and understaffing findings on this area.
    const line = await app.waitFor(async () => {
      const t = await inspectorText(app, '[aria-label="Actual effort"]');
      return t.includes("target 70%") ? t : null;
    }, { timeout: 10_000, what: "actual effort against the 70% target" });
    assert.equal(line, "40% of the effort (4 FTE) · target 70% (-30 pts)");
    const findings = await app.waitFor(async () => {
      const t = await inspectorText(app, 'section[aria-label="Findings of this area"]');
      return /Investment drift/i.test(t) ? t : null;
    }, { timeout: 10_000, what: "a drift finding on Search" });
    assert.match(findings, /under by 30 points/, findings);
    assert.match(findings, /only 4 FTE work on it/, "an invest area with 4 FTE is understaffed");
    await app.screenshot("drift");

    // A target over 100% is taken, not refused, and reported.
    await typeInto(app, "Target share (%)", "120");
    await app.waitFor(async () => (await inspectorText(app, '[role="alert"]')).includes("from 0 to 100"),
      { timeout: 5000, what: "the target field to say what it accepts" });
    await app.close();

    // The file holds the direction; the CLI counts it and finds the same drift.
    const info = JSON.parse(await cli("info", file, "--json"));
    assert.equal(info.areas_with_stance, 1);
    const exported = path.join(ws.docs, "out.json");
    await cli("export", file, "--format", "json", "-o", exported);
    const saved = JSON.parse(fs.readFileSync(exported, "utf8")).scenarios[0].areas.find((a) => a.name === "Search");
    assert.deepEqual([saved.stance, saved.target_share, saved.outcome], ["invest", 70, "Half of all visits start with a search"]);
    const check = await cli("check", file, "--format", "json").catch((e) => e.stdout ?? String(e));
    assert.match(String(check), /investment-drift/);
  });
});
