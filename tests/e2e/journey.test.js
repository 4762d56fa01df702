// One journey through the real app, as a person makes an org from nothing (issue 13's acceptance): File › New, the
// first person and five more with the keyboard, two teams filled from the Unassigned tray on the team map, three
// areas (one nested) with owners and a contributor on the ownership map, one dotted line in the inspector; then the
// app is closed and relaunched on the document, and everything is found again in the app and in
// `topograph export --format json`. The pieces are tested one by one in authoring.test.js, teams-history.test.js and
// areas.test.js; the helpers here are theirs. Run with `make e2e`.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, KEY, preflight } from "./harness.js";
import { areaNamed, cardNamed, dotted, field, fill, hideInsights, inspectorSelect, inspectorTitle, nameNewPerson, nameTeam, onCanvas, openTeamMap, ownership, press, renameField, roomForTheChart, teamMap, tray, tree, waitArea } from "./views.js";

before(() => preflight());

const K = { ...KEY, Insert: "\uE016", Tab: "\uE004", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015" };

// ---- The org chart (from authoring.test.js) ------------------------------------------------------------------

/** A point on the card where a press lands on it: on the canvas and clear of the minimap (its centre if that is). */
function pressPoint(card, { canvas: c, minimap: m }, margin = 8) {
  for (const [fx, fy] of [[0.5, 0.5], [0.25, 0.3], [0.75, 0.3], [0.25, 0.7], [0.75, 0.7]]) {
    const p = { x: card.x + card.w * fx, y: card.y + card.h * fy };
    const inside = p.x >= c.x + margin && p.y >= c.y + margin && p.x <= c.x + c.w - margin && p.y <= c.y + c.h - margin;
    const overMinimap = m && p.x >= m.x - margin && p.x <= m.x + m.w + margin && p.y >= m.y - margin && p.y <= m.y + m.h + margin;
    if (inside && !overMinimap) return p;
  }
  return null;
}

/**
 * Clicks a card, once it sits still where a press lands on it, until it is the selection: a panel shown or hidden, or
 * a camera still settling, can move the chart under the pointer (as teams-history.test.js's selectCard allows for).
 */
async function select(app, name) {
  for (let attempt = 1; ; attempt++) {
    let prev = null;
    const [c, at] = await app.waitFor(async () => {
      const [card, area] = [await app.card(name), await app.pointerArea()];
      const still = card && prev && JSON.stringify(card) === JSON.stringify(prev);
      prev = card;
      const p = still && pressPoint(card, area);
      return p ? [card, p] : null;
    }, { what: `${name}'s card still and clear to press` });
    await app.click(at);
    const ok = await app.waitFor(async () => (await app.exec(() => window.__topographTest.view().persons[0])) === c.id, { timeout: 3000, what: `${name} selected by a click` })
      .then(() => true, (e) => { if (attempt >= 3) throw e; return false; });
    if (ok) return c;
  }
}

/** Types into a type-ahead person field and chooses the first match with Enter. */
async function pick(app, field, text, expect) {
  await app.waitFor(() => app.exec((f) => document.activeElement?.getAttribute("data-field") === f, field), { what: `the focus in ${field}` });
  await app.type(text);
  const option = await app.browser.$(`//ul[@role="listbox"]/li[@aria-selected="true"]/span[normalize-space()="${expect}"]`);
  await option.waitForExist({ timeout: 5000, timeoutMsg: `${expect} offered first for "${text}" in ${field}` });
  await app.chord(K.Enter);
}

// ---- The team map (from teams-history.test.js) ---------------------------------------------------------------

/** Team name → sorted names of the people on it, from the map's chips. */
async function rosters(app) {
  const m = await teamMap(app);
  const unit = new Map(m.units.map((u) => [u.id, u.name]));
  const out = Object.fromEntries(m.units.map((u) => [u.name, []]));
  for (const c of m.chips) out[unit.get(c.unit)].push(c.name);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

// ---- The ownership map (from areas.test.js) ------------------------------------------------------------------

async function typeName(app, name) {
  await renameField(app);
  await app.chord(K.Control, "a");
  await app.type(name);
  await app.chord(K.Enter);
}

/** Clicks an area's row and waits until the inspector shows it. */
async function selectArea(app, name) {
  await app.click(centre(await waitArea(app, name)));
  await app.waitFor(async () => (await inspectorTitle(app)) === name, { timeout: 5000, what: `the inspector to show ${name}` });
}

/** The areas as the map shows them: name → { parent, owner, contributors } by name, given the teams' names by id. */
async function areaFacts(app, teamName) {
  const as = (await ownership(app)).areas;
  const name = new Map(as.map((a) => [a.id, a.name]));
  return Object.fromEntries(as.map((a) => [a.name, {
    parent: a.parent === null ? null : name.get(a.parent),
    owner: a.owner === null ? null : teamName.get(a.owner),
    contributors: a.contributors.map((u) => teamName.get(u)).sort(),
  }]));
}

/** Everything the journey made, read from `topograph export FILE --format json -o -`, by name. */
async function exported(file) {
  const doc = JSON.parse(await cli("export", file, "--format", "json", "-o", "-"));
  const s = doc.scenarios.find((x) => x.name === doc.active_scenario);
  const person = new Map(s.persons.map((p) => [p.id, p.name]));
  const unit = new Map(s.units.map((u) => [u.id, u.name]));
  const area = new Map(s.areas.map((a) => [a.id, a.name]));
  const teams = Object.fromEntries(s.units.map((u) => [u.name, { kind: u.kind, members: [] }]));
  for (const m of s.memberships) teams[unit.get(m.unit)].members.push(person.get(m.person));
  for (const t of Object.values(teams)) t.members.sort();
  return {
    scenarios: doc.scenarios.map((x) => x.name),
    managers: Object.fromEntries(s.persons.map((p) => [p.name, p.manager === null ? null : person.get(p.manager)])),
    dotted: s.dotted_lines.map((d) => `${person.get(d.person)} → ${person.get(d.manager)}`).sort(),
    teams,
    areas: Object.fromEntries(s.areas.map((a) => [a.name, {
      parent: a.parent === null ? null : area.get(a.parent),
      owner: a.owner === null ? null : unit.get(a.owner),
      contributors: s.contributors.filter((c) => c.area === a.id).map((c) => unit.get(c.unit)).sort(),
    }])),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const PEOPLE = { "Ada Lovelace": null, "Bo Chen": "Ada Lovelace", "Cy Diaz": "Ada Lovelace", "Di Evans": "Bo Chen", "Ed Fox": "Bo Chen", "Fay Gold": "Cy Diaz" };
const ROSTERS = { Alpha: ["Bo Chen", "Di Evans"], Beta: ["Cy Diaz", "Fay Gold"] };
const UNASSIGNED = ["Ada Lovelace", "Ed Fox"];
const AREAS = {
  Payments: { parent: null, owner: "Alpha", contributors: ["Beta"] },
  Search: { parent: null, owner: "Beta", contributors: [] },
  Ranking: { parent: "Search", owner: "Alpha", contributors: [] },
};
const DOTTED = ["Fay Gold → Bo Chen"];

test("a whole org from File › New: six people by keyboard, two teams from the Unassigned tray, three areas with owners and a contributor, a dotted line; all there after a relaunch and in the JSON export", async () => {
  await inWorkspace("journey", async (ws) => {
    let app = await ws.launch();
    const file = path.join(ws.docs, "Journey.topo");

    // File › New (Ctrl+N through the native menu), a blank org.
    await app.exec((p) => window.__topographTest.presetSavePath(p), file);
    await app.xkeys("ctrl+n");
    const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="New document"]]`);
    await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "File › New asks what to start from" });
    assert.ok(await app.browser.$(`//input[@name="template"][@value="blank"]`).isSelected(), "a blank org is the default");
    await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Create…"]`).click();
    // The window shows the sample, so the new document opens in a window of its own.
    await app.followDocument(file);
    assert.equal((await app.doc()).people, 0, "the new document is empty");
    const empty = await app.browser.$(`//div[@role="region"][.//button[normalize-space()="Add the first person"]]`);
    await empty.waitForExist({ timeout: 10_000, timeoutMsg: "the empty chart invites to add the first person" });

    // The first person and five more: Insert adds a report to the selection, the arrows move it.
    await app.chord(K.Insert);
    await nameNewPerson(app, "Ada Lovelace");
    await app.chord(K.Insert);
    await nameNewPerson(app, "Bo Chen");
    await app.chord(K.ArrowUp); // Ada
    await app.chord(K.Insert);
    await nameNewPerson(app, "Cy Diaz");
    await app.chord(K.ArrowLeft); // Bo
    await app.chord(K.Insert);
    await nameNewPerson(app, "Di Evans");
    await app.chord(K.ArrowUp); // Bo
    await app.chord(K.Insert);
    await nameNewPerson(app, "Ed Fox");
    await app.chord(K.ArrowUp);
    await app.chord(K.ArrowRight); // Cy
    await app.chord(K.Insert);
    await nameNewPerson(app, "Fay Gold");
    assert.deepEqual(await tree(app), PEOPLE, "six people in the shape typed");
    await app.screenshot("people");

    // The team map: "Create a team" on the empty map, then "+ Team" and a click below the first.
    let map = await openTeamMap(app);
    await press(app, `//div[contains(@class,"teammap-empty")]//button[normalize-space()="Create a team"]`, "Create a team button on the empty map");
    await press(app, `//div[@role="menu" and @aria-label="New team"]//button[contains(normalize-space(), "Stream-aligned")]`, "Stream-aligned in the kind menu");
    await app.waitFor(async () => (await teamMap(app)).units.length === 1, { timeout: 10_000, what: "the first team" });
    map = await nameTeam(app, "Alpha");
    await press(app, `//div[@role="toolbar" and @aria-label="Team map"]//button[normalize-space()="+ Team"]`, "+ Team in the toolbar");
    await press(app, `//div[@role="menu" and @aria-label="New team"]//button[contains(normalize-space(), "Platform")]`, "Platform in the kind menu");
    const alpha = map.units.find((u) => u.name === "Alpha");
    const spot = { x: alpha.x + 10, y: Math.min(alpha.y + alpha.h + 40, map.canvas.y + map.canvas.h - 160) };
    assert.ok(spot.y > alpha.y + alpha.h, "room below the first team");
    await app.click(spot);
    await app.waitFor(async () => (await teamMap(app)).units.length === 2, { timeout: 10_000, what: "the second team, placed where clicked" });
    map = await nameTeam(app, "Beta");
    const both = (m) => ["Alpha", "Beta"].every((n) => {
      const u = m.units.find((x) => x.name === n);
      return u && u.x >= m.canvas.x && u.y >= m.canvas.y && u.x + u.w <= m.canvas.x + m.canvas.w && u.y + u.h <= m.canvas.y + m.canvas.h;
    });
    if (!both(map)) await press(app, `//div[@role="toolbar" and @aria-label="Team map"]//button[normalize-space()="Fit"]`, "Fit");
    await app.waitFor(async () => both(await teamMap(app)), { timeout: 10_000, what: "both teams on screen" });

    // Everyone starts in the Unassigned tray; four are dragged onto the teams.
    assert.deepEqual((await tray(app)).map((p) => p.name).sort(), Object.keys(PEOPLE).sort(), "all six people are unassigned");
    for (const [team, people] of Object.entries(ROSTERS)) {
      for (const who of people) {
        const item = (await tray(app)).find((p) => p.name === who);
        const unit = (await teamMap(app)).units.find((u) => u.name === team);
        assert.ok(item && unit, `${who} in the tray and ${team} on the map`);
        await app.drag(centre(item), { x: unit.x + unit.w / 2, y: unit.y + unit.h / 2 });
        await app.waitFor(async () => (await teamMap(app)).chips.some((c) => c.id === item.id && c.unit === unit.id), { timeout: 10_000, what: `${who} on ${team}` });
      }
    }
    assert.deepEqual(await rosters(app), ROSTERS, "the teams hold who was dragged onto them");
    assert.deepEqual((await tray(app)).map((p) => p.name).sort(), UNASSIGNED, "the tray keeps who is left");
    const teamName = new Map((await teamMap(app)).units.map((u) => [u.id, u.name]));
    await app.screenshot("teams");

    // The ownership map: the empty state's button, Insert for a sibling, Tab for a sub-area; owners and a contributor in the inspector.
    await press(app, `//nav[@role="tablist"]//button[normalize-space()="Ownership"]`, "the Ownership tab");
    const add = await app.browser.$(`//button[normalize-space()="Add a product area"]`);
    await add.waitForExist({ timeout: 20_000, timeoutMsg: "no \"Add a product area\" button on an empty ownership view" });
    await add.click();
    await typeName(app, "Payments");
    await waitArea(app, "Payments");
    await app.chord(K.Insert);
    await typeName(app, "Search");
    const search = await waitArea(app, "Search");
    await app.chord(K.Tab);
    await typeName(app, "Ranking");
    await waitArea(app, "Ranking", "Ranking under Search", (a) => a.parent === search.id);
    const unitId = (n) => [...teamName].find(([, v]) => v === n)[0];
    for (const [area, { owner, contributors }] of Object.entries(AREAS)) {
      await selectArea(app, area);
      await inspectorSelect(app, "Owner", owner);
      await waitArea(app, area, `${owner} to own ${area}`, (a) => a.owner === unitId(owner));
      for (const c of contributors) {
        await inspectorSelect(app, "Add a contributor", c);
        await waitArea(app, area, `${c} to contribute to ${area}`, (a) => a.contributors.includes(unitId(c)));
      }
    }
    assert.deepEqual(await areaFacts(app, teamName), AREAS, "the ownership map shows the areas as made");
    await app.screenshot("areas");

    // Back on the org chart: a dotted line from Fay to Bo, typed into the inspector's field.
    const framesBefore = (await app.info()).frames.count;
    await press(app, `//nav[@role="tablist"]//button[normalize-space()="Org chart"]`, "the Org chart tab");
    await app.waitFor(() => app.exec(() => window.__topographTest.view().view === "org-chart"), { what: "the org chart" });
    await app.waitForFrameAfter(framesBefore); // the chart mounted again and drew with its own camera
    await roomForTheChart(app);
    await select(app, "Fay Gold");
    await roomForTheChart(app);
    await app.browser.$(`.inspector input[data-field="add-dotted-line"]`).click();
    await pick(app, "add-dotted-line", "bo", "Bo Chen");
    await app.waitFor(async () => JSON.stringify(await dotted(app)) === JSON.stringify(DOTTED), { what: "Fay's dotted line to Bo" });
    await app.screenshot("dotted-line");
    await app.close();

    // The closed file, read by the CLI.
    const out = await exported(file);
    assert.deepEqual(out.scenarios, ["Current"], "one scenario, as File › New made it");
    assert.deepEqual(out.managers, PEOPLE, "the file holds the six people and their managers");
    assert.deepEqual(out.teams, { Alpha: { kind: "stream-aligned", members: ROSTERS.Alpha }, Beta: { kind: "platform", members: ROSTERS.Beta } }, "the two teams and their members");
    assert.deepEqual(out.areas, AREAS, "the three areas with their parent, owner and contributors");
    assert.deepEqual(out.dotted, DOTTED, "the dotted line");

    // Relaunched on the document, the app shows it all again.
    app = await ws.launch({ args: [file] });
    assert.equal((await app.doc()).path, file, "the relaunch opens the journey's document");
    assert.deepEqual(await tree(app), PEOPLE, "the chart after a relaunch");
    assert.deepEqual(await dotted(app), DOTTED, "the dotted line after a relaunch");
    await openTeamMap(app, (m) => m.units.length === 2);
    assert.deepEqual(await rosters(app), ROSTERS, "the teams after a relaunch");
    assert.deepEqual((await tray(app)).map((p) => p.name).sort(), UNASSIGNED, "the tray after a relaunch");
    const relaunchedTeams = new Map((await teamMap(app)).units.map((u) => [u.id, u.name]));
    await press(app, `//nav[@role="tablist"]//button[normalize-space()="Ownership"]`, "the Ownership tab");
    await app.waitFor(async () => (await ownership(app))?.areas.length === 3, { timeout: 20_000, what: "the three areas on the ownership map" });
    assert.deepEqual(await areaFacts(app, relaunchedTeams), AREAS, "the areas after a relaunch");
    await app.screenshot("relaunched");
    assert.ok(fs.existsSync(file));
  });
});
