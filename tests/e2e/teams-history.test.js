// Teams made from scratch, the History panel, undo that follows the focus, and findings that lead to their subject,
// all driven as a person would: real pointer drags from the Unassigned tray, keys sent through the X server.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, inWorkspace, preflight, reachable } from "./harness.js";
import { field, fill, hideInsights, nameTeam, openTeamMap, press, teamMap, tray } from "./views.js";

before(() => preflight());

/** Six people and no team: Ada leads, three report to her, two to Bo. */
const PEOPLE_CSV = [
  "Employee ID,Name,Title,Manager ID",
  "1,Ada Lovelace,CEO,",
  "2,Bo Brummel,Engineering Manager,1",
  "3,Cy Twombly,Engineer,2",
  "4,Di Fossey,Engineer,2",
  "5,Ed Hopper,Designer,1",
  "6,Flo Nightingale,Product Manager,1",
].join("\n");

/** A document made from the CSV with the CLI (as an HR export would be), in the workspace's docs folder. */
async function blankOrg(ws) {
  const csv = path.join(ws.docs, "people.csv");
  fs.writeFileSync(csv, `${PEOPLE_CSV}\n`);
  const doc = path.join(ws.docs, "Start.topo");
  await cli("import", doc, "--from", csv);
  return doc;
}

test("from a blank org two teams are made and filled from the Unassigned tray, and an interaction gets its dates", async () => {
  await inWorkspace("teams from the tray", async (ws) => {
    const doc = await blankOrg(ws);
    let app = await ws.launch({ args: [doc] });
    await openTeamMap(app);

    // An org without teams says so and offers to make one.
    await press(app, `//div[contains(@class,"teammap-empty")]//button[normalize-space()="Create a team"]`, "Create a team button on the empty map");
    await press(app, `//div[@role="menu" and @aria-label="New team"]//button[contains(normalize-space(), "Stream-aligned")]`, "Stream-aligned in the kind menu");
    let map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.length === 1 ? m : null;
    }, { timeout: 10_000, what: "the first team" });
    assert.equal(map.units[0].kind, "stream-aligned");
    map = await nameTeam(app, "Alpha");

    // The second from the toolbar's "+ Team": pick the kind, then click where it goes.
    await press(app, `//div[@role="toolbar" and @aria-label="Team map"]//button[normalize-space()="+ Team"]`, "+ Team in the toolbar");
    await press(app, `//div[@role="menu" and @aria-label="New team"]//button[contains(normalize-space(), "Platform")]`, "Platform in the kind menu");
    const alpha = map.units.find((u) => u.name === "Alpha");
    // Below the first team, where the canvas is empty.
    const spot = { x: alpha.x + 10, y: Math.min(alpha.y + alpha.h + 40, map.canvas.y + map.canvas.h - 160) };
    assert.ok(spot.y > alpha.y + alpha.h, "room below the first team");
    await app.click(spot);
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.length === 2 ? m : null;
    }, { timeout: 10_000, what: "the second team, placed where clicked" });
    const placed = map.units.find((u) => u.name !== "Alpha");
    assert.equal(placed.kind, "platform");
    map = await nameTeam(app, "Beta");

    // Both teams in view, as a person would make sure before dragging.
    const both = (m) => ["Alpha", "Beta"].every((n) => {
      const u = m.units.find((x) => x.name === n);
      return u && u.x >= m.canvas.x && u.y >= m.canvas.y && u.x + u.w <= m.canvas.x + m.canvas.w && u.y + u.h <= m.canvas.y + m.canvas.h;
    });
    if (!both(map)) await press(app, `//div[@role="toolbar" and @aria-label="Team map"]//button[normalize-space()="Fit"]`, "Fit");
    map = await app.waitFor(async () => { const m = await teamMap(app); return both(m) ? m : null; }, { timeout: 10_000, what: "both teams on screen" });

    // Everyone is in the tray; drag two onto each team.
    let people = await tray(app);
    assert.equal(people.length, 6, "all six people are unassigned");
    const plan = [["Cy Twombly", "Alpha"], ["Di Fossey", "Alpha"], ["Bo Brummel", "Beta"], ["Ed Hopper", "Beta"]];
    for (const [who, team] of plan) {
      people = await tray(app);
      const item = people.find((p) => p.name === who);
      const unit = (await teamMap(app)).units.find((u) => u.name === team);
      assert.ok(item && unit, `${who} in the tray and ${team} on the map`);
      await app.drag(centre(item), { x: unit.x + unit.w / 2, y: unit.y + unit.h / 2 });
      await app.waitFor(async () => {
        const m = await teamMap(app);
        return m.chips.some((c) => c.id === item.id && c.unit === unit.id);
      }, { timeout: 10_000, what: `${who} on ${team}` });
    }
    assert.deepEqual((await tray(app)).map((p) => p.name).sort(), ["Ada Lovelace", "Flo Nightingale"], "the tray keeps who is left");

    // The person inspector: Flo (picked in the tray) joins Alpha by typing its name, at 60%, then leaves it again.
    const flo = (await tray(app)).find((p) => p.name === "Flo Nightingale");
    await app.click(centre(flo));
    await fill(app, `//input[@aria-label="Allocation on the new team"]`, "60", "the allocation of the new seat");
    const add = await app.browser.$(`//input[@aria-label="Add to team"]`);
    await add.click();
    await app.type("alp");
    await app.chord("\uE007");
    await app.waitFor(async () => (await teamMap(app)).chips.some((c) => c.id === flo.id && c.allocation === 60), {
      timeout: 10_000, what: "Flo on Alpha at 60%",
    });
    assert.ok(!(await tray(app)).some((p) => p.id === flo.id), "Flo left the tray");
    await press(app, `//button[@aria-label="Remove Flo Nightingale from Alpha"]`, "the remove button of Flo's seat");
    await app.waitFor(async () => (await tray(app)).some((p) => p.id === flo.id), { timeout: 10_000, what: "Flo back in the tray" });

    // An interaction between them, then its dates in its inspector.
    map = await teamMap(app);
    const [a, b] = ["Alpha", "Beta"].map((n) => map.units.find((u) => u.name === n));
    await app.drag({ x: a.x + a.w, y: a.y + a.h / 2 }, { x: b.x + b.w / 2, y: b.y + b.h - 5 });
    await press(app, `//div[@role="menu" and @aria-label="Interaction mode"]//button[contains(normalize-space(), "Collaboration")]`, "the mode chooser");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.interactions.length === 1 ? m : null;
    }, { timeout: 10_000, what: "the interaction" });
    const p = map.interactions[0].points;
    const mid = Math.floor(p.length / 4) * 2;
    await app.click({ x: (p[mid - 2] + p[mid]) / 2, y: (p[mid - 1] + p[mid + 1]) / 2 });
    await fill(app, field("Interaction inspector", "Start"), "2026-01-05", "the Start field");
    await app.waitFor(async () => (await app.doc()).undo === "Edit interaction", { timeout: 10_000, what: "the start date saved" });
    await fill(app, field("Interaction inspector", "Expected end"), "2026-06-30", "the Expected end field");
    await app.waitFor(async () => {
      const el = await app.browser.$(field("Interaction inspector", "Expected end"));
      return (await el.getValue()) === "2026-06-30" && (await app.statusText()).match(/saved/);
    }, { timeout: 10_000, what: "the expected end saved" });
    // A date the core refuses says why and changes nothing.
    await fill(app, field("Interaction inspector", "Expected end"), "2025-12-31", "the Expected end field");
    await app.waitFor(async () => /before the start/.test(await app.statusText()), { timeout: 10_000, what: "the refusal of an end before the start" });
    await app.screenshot("teams");

    await app.close();
    const out = path.join(ws.docs, "export.json");
    await cli("export", doc, "--format", "json", "--output", out);
    const exported = JSON.parse(fs.readFileSync(out, "utf8"));
    const scenario = exported.scenarios?.[0] ?? exported;
    const interactions = scenario.interactions ?? [];
    assert.equal(interactions.length, 1, "one interaction in the file");
    assert.equal(interactions[0].start, "2026-01-05");
    assert.equal(interactions[0].expected_end, "2026-06-30");
    const teams = (scenario.units ?? []).map((u) => u.name).sort();
    assert.deepEqual(teams, ["Alpha", "Beta"]);
    assert.equal((scenario.memberships ?? []).length, 4, "four seats");

    app = await ws.launch();
    map = await openTeamMap(app, (m) => m.units.length === 2);
    assert.deepEqual((await tray(app)).map((x) => x.name).sort(), ["Ada Lovelace", "Flo Nightingale"], "the tray after a relaunch");
  });
});

/** The History panel's entries, newest first, then the greyed ones Redo would bring. */
function historyEntries(app) {
  return app.exec(() => {
    const rows = (sel) => [...document.querySelectorAll(sel)].map((b) => {
      const r = b.getBoundingClientRect();
      return { label: b.querySelector(".history-label").textContent, x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const panel = document.querySelector('aside[aria-label="History"]');
    if (!panel) return null;
    return { done: rows('ol[aria-label="Done"] .history-entry'), undone: rows('ol[aria-label="Undone, can be redone"] .history-entry') };
  });
}

async function openHistory(app) {
  await app.xkeys("ctrl+shift+h");
  return app.waitFor(async () => {
    const h = await historyEntries(app);
    return h && h.done.length + h.undone.length > 0 ? h : null;
  }, { timeout: 10_000, what: "the History panel (Ctrl+Shift+H) with entries" });
}

/**
 * Clicks a person's card until they are selected: a panel just hidden or shown moves the chart under the pointer
 * (its camera keeps the centre), so positions read a moment before may be stale once.
 */
async function selectCard(app, name) {
  for (let attempt = 1; ; attempt++) {
    const area = await app.pointerArea();
    const card = (await app.cards()).find((c) => c.name === name && reachable(c, area));
    assert.ok(card, `${name}'s card is on screen`);
    await app.click(centre(card));
    const ok = await app.waitFor(async () => (await app.highlights()).selected.includes(card.id), { timeout: 3000, what: `${name} selected` })
      .then(() => true, (e) => { if (attempt >= 3) throw e; return false; });
    if (ok) return card;
  }
}

/** Selects a person by clicking their card and renames them in the inspector (Apply with Enter). */
async function rename(app, from, to) {
  await selectCard(app, from);
  await fill(app, `//input[@data-field="name"]`, to, "the inspector's name field");
  await app.waitFor(async () => (await app.cards({ all: true })).some((c) => c.name === to), { timeout: 10_000, what: `${from} renamed ${to}` });
}

test("the History panel lists every edit, jumps back and forward in one step, and is there after a relaunch", async () => {
  await inWorkspace("history panel", async (ws) => {
    const doc = await blankOrg(ws);
    let app = await ws.launch({ args: [doc] });
    await hideInsights(app);
    await rename(app, "Cy Twombly", "Cy One");
    await rename(app, "Di Fossey", "Di Two");
    await rename(app, "Ed Hopper", "Ed Three");
    // The focus leaves the inspector for the chart, where the shortcuts are the document's.
    await app.browser.$(`//canvas`).then((c) => c.click());

    let h = await openHistory(app);
    assert.equal(h.done.length, 3, "three edits listed");
    assert.equal(h.undone.length, 0);
    const before = (await app.doc()).undo;

    // Back to before the first rename: one click, three steps.
    await app.click(centre(h.done[2]));
    h = await app.waitFor(async () => {
      const x = await historyEntries(app);
      return x.done.length === 0 && x.undone.length === 3 ? x : null;
    }, { timeout: 10_000, what: "all three edits undone by one click" });
    const names = (await app.cards({ all: true })).map((c) => c.name);
    for (const n of ["Cy Twombly", "Di Fossey", "Ed Hopper"]) assert.ok(names.includes(n), `${n} has their name back`);
    assert.equal((await app.doc()).undo, null, "nothing left to undo");

    // Forward up to the second rename.
    await app.click(centre(h.undone[1]));
    h = await app.waitFor(async () => {
      const x = await historyEntries(app);
      return x.done.length === 2 && x.undone.length === 1 ? x : null;
    }, { timeout: 10_000, what: "two edits redone by one click" });
    const after = (await app.cards({ all: true })).map((c) => c.name);
    assert.ok(after.includes("Cy One") && after.includes("Di Two") && after.includes("Ed Hopper"), `redone up to the second: ${after}`);
    assert.notEqual((await app.doc()).undo, null);
    assert.ok(before, "there was an undo label before");
    await app.screenshot("history");

    await app.close();
    app = await ws.launch();
    await hideInsights(app);
    const again = await openHistory(app);
    assert.deepEqual([again.done.map((e) => e.label), again.undone.map((e) => e.label)], [h.done.map((e) => e.label), h.undone.map((e) => e.label)], "the same history after a relaunch");
  });
});

test("Ctrl+Z in the inspector's name field undoes the typing and leaves the document's history alone", async () => {
  await inWorkspace("focus undo", async (ws) => {
    const doc = await blankOrg(ws);
    const app = await ws.launch({ args: [doc] });
    await hideInsights(app);
    await rename(app, "Cy Twombly", "Cy One");
    const history = await app.doc();
    assert.ok(history.undo, "one edit to undo");

    await selectCard(app, "Di Fossey");
    const input = await app.browser.$(`//input[@data-field="name"]`);
    await input.waitForExist({ timeout: 5000 });
    await input.click();
    await app.exec(() => { const e = document.activeElement; e.setSelectionRange(e.value.length, e.value.length); });
    await app.type(" Junior");
    assert.equal(await input.getValue(), "Di Fossey Junior");
    // Ctrl+Z through the X server, as a keyboard sends it: the field's own undo (WebKit may take typing back in one
    // step or a few), never the document's.
    for (let i = 0; i < " Junior".length && (await input.getValue()) !== "Di Fossey"; i++) {
      const was = await input.getValue();
      await app.xkeys("ctrl+z");
      await app.waitFor(async () => (await input.getValue()) !== was, { timeout: 5000, what: "Ctrl+Z to take typing back" });
    }
    assert.equal(await input.getValue(), "Di Fossey", "the typed text is taken back");
    const now = await app.doc();
    assert.deepEqual([now.undo, now.redo], [history.undo, history.redo], "the document's history is as it was");
    assert.ok((await app.cards({ all: true })).some((c) => c.name === "Cy One"), "the earlier rename stands");
  });
});

test("clicking a finding in the insights panel selects its subject, says how to fix it and names the check readably", async () => {
  await inWorkspace("finding selects", async (ws) => {
    const app = await ws.launch();
    // The sample org: a person finding (span of control) and a team finding (team size or trio) at least.
    const section = await app.browser.$(`//aside[@aria-label="Insights"]//details[starts-with(@data-check, "span-of-control")]`);
    await section.waitForExist({ timeout: 20_000, timeoutMsg: "no span-of-control finding in the sample" });
    const summary = await section.$("summary");
    assert.match(await summary.getText(), /^Span of control \((individual contributors|managers of managers)\)/, "a readable check name");
    const fix = await section.$(`.//p[contains(@class,"check-fix")]`);
    assert.match(await fix.getText(), /\w+.*\./, "one line on how to fix it");
    if (!(await section.getAttribute("open"))) await summary.click();
    const first = await section.$(`.//button[contains(@class,"finding")]`);
    const who = await (await first.$("strong")).getText();
    await first.click();
    await app.waitFor(async () => {
      const v = await app.exec(() => window.__topographTest.view());
      return v.view === "org-chart" && v.persons.length === 1;
    }, { timeout: 10_000, what: "the finding's person to be selected" });
    await app.waitFor(async () => (await app.exec(() => document.querySelector(".statusbar .selection")?.textContent ?? "")).startsWith(who), {
      timeout: 10_000, what: `${who} named in the status bar as selected`,
    });
    // The inspector lists the selected person's findings.
    const listed = await app.browser.$(`//section[@aria-label="Findings"]//li`);
    await listed.waitForExist({ timeout: 10_000, timeoutMsg: "the inspector lists no findings for the selected person" });

    const teamFinding = await app.browser.$(`//aside[@aria-label="Insights"]//details[@data-check="team-size" or @data-check="product-trio"]`);
    if (await teamFinding.isExisting()) {
      const s = await teamFinding.$("summary");
      if (!(await teamFinding.getAttribute("open"))) await s.click();
      const btn = await teamFinding.$(`.//button[contains(@class,"finding")]`);
      const team = await (await btn.$("strong")).getText();
      await btn.click();
      const map = await app.waitFor(async () => {
        const v = await app.exec(() => window.__topographTest.view());
        const m = await teamMap(app);
        return v.view === "team-map" && v.units.length === 1 && m ? { v, m } : null;
      }, { timeout: 20_000, what: "the team map with the finding's team selected" });
      assert.equal(map.m.units.find((u) => u.id === map.v.units[0])?.name, team, "the finding's team is the one selected");
    }
  });
});

test("a person selected on the org chart is grouped into a new team on the team map, and Insert adds a team by keyboard alone", async () => {
  await inWorkspace("group from chart", async (ws) => {
    const doc = await blankOrg(ws);
    const app = await ws.launch({ args: [doc] });
    await hideInsights(app);
    const cy = await selectCard(app, "Cy Twombly");
    await openTeamMap(app);
    // Ctrl+G with the selection made on the chart: it used to do nothing until the map had been clicked.
    await app.chord("\uE009", "g");
    const name = await app.browser.$(`//input[@aria-label="Name of the new unit"]`);
    await name.waitForExist({ timeout: 5000, timeoutMsg: "Ctrl+G opened no dialog" });
    await app.type("Founders");
    await app.chord("\uE007");
    let map = await app.waitFor(async () => {
      const m = await teamMap(app);
      const unit = m.units.find((u) => u.name === "Founders");
      return unit && m.chips.some((c) => c.id === cy.id && c.unit === unit.id) ? m : null;
    }, { timeout: 10_000, what: "a team Founders with Cy on it" });
    assert.ok(!(await tray(app)).some((p) => p.id === cy.id), "Cy left the Unassigned tray");

    // Insert, Enter on the first kind (stream-aligned), Enter to put it in the middle of the view.
    const before = map.units.length;
    await (await app.browser.$(`//canvas[@data-testid="team-map-canvas"]`)).click();
    await app.chord("\uE016");
    const first = await app.browser.$(`//div[@role="menu" and @aria-label="New team"]//button[1]`);
    await first.waitForExist({ timeout: 5000, timeoutMsg: "Insert opened no kind menu" });
    await app.waitFor(async () => app.exec(() => document.activeElement?.closest('[aria-label="New team"]') !== null), { timeout: 5000, what: "the kind menu to take the focus" });
    await app.chord("\uE007");
    const hint = await app.browser.$(`//p[contains(@class,"place-team-hint")]`);
    await hint.waitForExist({ timeout: 5000, timeoutMsg: "no hint to place the team" });
    await app.chord("\uE007");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.length === before + 1 ? m : null;
    }, { timeout: 10_000, what: "a new team placed by Enter" });
    const added = map.units.find((u) => u.name === "New team");
    assert.ok(added, "the new team is called New team");
    assert.equal(added.kind, "stream-aligned");
  });
});
