// End-to-end flow of scenarios in the real app: fork, move a person and an area, compare, promote.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { ARTIFACTS, centre, cli, inWorkspace, preflight, reachable, waitForQuiet } from "./harness.js";
import { breakdownLine, clickSwitch, switchBreakdown } from "./switchTiming.js";

before(() => preflight());

/** A button or menu item by its visible text (prefix), clicked as a user does. */
async function clickText(app, text, scope = "") {
  const b = await app.browser.$(`${scope}//button[starts-with(normalize-space(), "${text}")]`);
  await b.waitForExist({ timeout: 5000, timeoutMsg: `no "${text}" button` });
  await b.click();
}

async function openScenarioMenu(app) {
  const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
  await bar.waitForExist({ timeout: 5000, timeoutMsg: "no scenario bar" });
  await bar.click();
}

/**
 * Whether what the app shows after a switch (records and chart, however the switch's answer carried them) equals what
 * the back end answers a fresh load with (the chart rebuilt from the columns it crosses as, as the app does).
 */
async function showsWhatAFreshLoadShows(app) {
  return app.exec(async () => {
    const same = (a, b) => {
      if (a === b) return true;
      if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
      if (Array.isArray(a) !== Array.isArray(b)) return false;
      const ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
    };
    const shown = window.__topographTest.store();
    const state = await window.__TAURI_INTERNALS__.invoke("get_state");
    const scene = await window.__topographTest.freshScene();
    return {
      scenario: shown.scenario === state.active_scenario,
      records: same(shown.records, state.records),
      scene: same(shown.scene, scene),
    };
  });
}

async function waitForUndo(app, label) {
  return app.waitFor(async () => (await app.doc())?.undo === label, { timeout: 10_000, what: `undo offers "${label}"` });
}

test("fork the org, move a person and an area, compare and see both changes, promote the proposal", async () => {
  await inWorkspace("scenarios", async (ws) => {
    const app = await ws.launch();

    await openScenarioMenu(app);
    await clickText(app, "New scenario from");
    await app.fill(`//form[@role="dialog"]//input[@aria-label="Scenario name"]`, "Proposal");
    await clickText(app, "Create", `//form[@role="dialog"]`);
    await waitForUndo(app, "Fork scenario");
    const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
    await app.waitFor(async () => (await bar.getText()).startsWith("Proposal"), { what: "the fork is open" });
    await app.waitForFirstFrame();

    // A person without reports onto a manager who is not theirs, both on screen.
    const all = await app.cards({ all: true });
    const managers = new Set(all.map((c) => c.manager).filter((m) => m !== null));
    const area = await app.pointerArea();
    const onScreen = (await app.cards()).filter((c) => reachable(c, area));
    const person = onScreen.find((c) => c.manager !== null && !managers.has(c.id));
    const target = onScreen.find((c) => person && c.id !== person.id && c.id !== person.manager && managers.has(c.id));
    assert.ok(person && target, "a person and a new manager are on screen");
    await app.drag(centre(person), centre(target));
    await app.waitFor(async () => (await app.card(person.id))?.manager === target.id, { what: "the person moved" });

    // An unowned area onto a team on the ownership map.
    await clickText(app, "Ownership", `//nav[@role="tablist"]`);
    const map = await app.waitFor(async () => {
      const o = await app.exec(() => window.__topographTest.ownership());
      return o && o.areas.length > 0 && o.teams.length > 0 ? o : null;
    }, { timeout: 20_000, what: "the ownership map" });
    const inside = (b) => reachable(b, { canvas: map.canvas });
    const unowned = map.areas.find((a) => a.unowned && inside(a));
    const team = map.teams.find(inside);
    assert.ok(unowned && team, "an unowned area and a team are on screen");
    const undoBefore = (await app.doc()).undo;
    await app.drag(centre(unowned), centre(team));
    await app.waitFor(async () => (await app.doc())?.undo !== undoBefore, { what: "the area got its owner" });

    // Back to the baseline (its records come as changes from the proposal's) and to the proposal (kept): each time
    // the app shows what a fresh load shows.
    await clickText(app, "Org chart", `//nav[@role="tablist"]`);
    for (const to of ["Current", "Proposal"]) {
      await openScenarioMenu(app);
      const item = await app.browser.$(`//button[@role="menuitemradio" and starts-with(normalize-space(), "${to}")]`);
      await item.waitForExist({ timeout: 5000, timeoutMsg: `no ${to} in the scenario menu` });
      await item.click();
      await app.waitFor(async () => (await bar.getText()).startsWith(to), { what: `${to} is open` });
      await app.waitFor(async () => (await app.card(person.id))?.manager === (to === "Current" ? person.manager : target.id), { what: `${to}'s manager of the moved person` });
      // A layout the chart asked for with the view's new shape may still be on its way: the store agrees once it is in.
      const agreed = await app.waitFor(async () => { const v = await showsWhatAFreshLoadShows(app); return v.scenario && v.records && v.scene ? v : null; }, { timeout: 10_000, what: `${to} to show what a fresh load shows` }).catch(() => null);
      assert.deepEqual(agreed ?? (await showsWhatAFreshLoadShows(app)), { scenario: true, records: true, scene: true }, `${to} after switching`);
    }

    await openScenarioMenu(app);
    await clickText(app, "Compare");
    const moved = await app.browser.$(`//button[@data-kind="manager-changed" and @data-id="${person.id}"]`);
    await moved.waitForExist({ timeout: 10_000, timeoutMsg: "the compare panel lists the moved person" });
    const owned = await app.browser.$(`//button[@data-kind="owner-changed" and @data-id="${unowned.id}"]`);
    await owned.waitForExist({ timeout: 10_000, timeoutMsg: "the compare panel lists the area's new owner" });
    await app.screenshot("compare");

    // Compare mode: the proposal's chart outlines the moved person.
    const toggle = await app.browser.$(`//aside[@aria-label="Compare scenarios"]//label[contains(., "Show on chart")]/input`);
    await toggle.click();
    await app.waitFor(async () => {
      const h = await app.exec(() => window.__topographTest.highlights());
      return h.marks.some((m) => m.ids.includes(person.id));
    }, { timeout: 10_000, what: "the moved person is marked on the chart" });
    await app.screenshot("compare-on-chart");
    await toggle.click();

    await clickText(app, "Promote", `//aside[@aria-label="Compare scenarios"]`);
    await waitForUndo(app, "Promote scenario");
    await app.waitFor(async () => (await bar.getText()).startsWith("Current"), { what: "the proposal is now Current" });
    const file = (await app.doc()).path;
    await app.close();

    const listed = JSON.parse(await cli("scenario", "list", file, "--json"));
    assert.deepEqual(
      listed.map((s) => [s.name, s.baseline, s.archived]),
      [["Current", true, false], ["Current before Proposal", false, true]],
      `scenarios of ${path.basename(file)}`,
    );
  });
});

/**
 * Waits until the app has done what it does after opening: the first findings are in and drawn as badges, and no
 * chart frame came for half a second. A switch clicked earlier also waited for that redraw (the first visit once
 * took 327-406 ms that way, its answer held up behind a start-up frame), which is start-up time, not switching.
 */
async function startUpDone(app, timeout) {
  await app.waitFor(() => app.exec(() => {
    const count = (name) => performance.getEntriesByName(name).length;
    return count("insights:asked") > 0 && count("insights:asked") === count("insights:in");
  }), { timeout, what: "the first findings" });
  await waitForQuiet(async () => (await app.info()).frames.count, { quietMs: 500, timeout, what: "the chart to stop redrawing after start-up" });
}

// A measurement like perf.test.js: printed and written to perf-switch-10k.json; the only assertion is a sanity bound.
test("switching scenarios of a 10,000-person document repaints the chart (switch time is printed)", async (t) => {
  const TARGET_MS = 300, SANITY_MS = 20_000, SWITCHES = 4;
  await inWorkspace("perf switch", async (ws) => {
    const file = path.join(ws.docs, "switch-10k.topo");
    await cli("generate", file, "--people", "10000");
    await cli("scenario", "fork", file, "Proposal");
    const app = await ws.launch({ args: [file] });
    await app.waitForFirstFrame(SANITY_MS + 10_000);
    await startUpDone(app, SANITY_MS);
    const runs = [], breakdowns = [];
    for (let i = 0; i < SWITCHES; i++) {
      const to = i % 2 === 0 ? "Proposal" : "Current";
      await openScenarioMenu(app);
      const item = await app.browser.$(`//button[@role="menuitemradio" and starts-with(normalize-space(), "${to}")]`);
      await item.waitForExist({ timeout: 5000, timeoutMsg: `no ${to} in the scenario menu` });
      const t0 = await clickSwitch(app, to);
      const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
      await app.waitFor(async () => (await bar.getText()).startsWith(to), { timeout: SANITY_MS, what: `${to} is open` });
      // Settled: a chart frame after the click, then none for half a second; the switch ends with the last one drawn.
      let last = await app.waitFor(async () => {
        const f = (await app.info()).frames;
        return f.lastMs !== null && f.lastMs > t0 ? f : null;
      }, { timeout: SANITY_MS, what: "a chart frame after the switch" });
      last = await waitForQuiet(async () => (await app.info()).frames, { quietMs: 500, timeout: SANITY_MS, key: (f) => f.count, what: `the chart to stop redrawing after switching to ${to}` });
      // A big org's scenarios show folded: Current from the first opening, the proposal (forked before it) from its
      // first visit on.
      const cards = (await app.doc()).sceneCards;
      assert.ok(cards > 0 && cards < 10_000, `${cards} cards laid out after the switch to ${to}`);
      runs.push(Math.round(last.lastMs - t0));
      breakdowns.push(await switchBreakdown(app, t0, i));
      assert.deepEqual(await showsWhatAFreshLoadShows(app), { scenario: true, records: true, scene: true }, `${to} after switching`);
    }
    // The app says when it paints on the CPU (src-tauri/src/painting.rs): without a GPU, WebKit's GPU painting
    // through a software rasteriser stalled one switch in four by 250-340 ms.
    const painting = /topograph: painting on the CPU \(([^)]*)\)/.exec(fs.readFileSync(app.logFile, "utf8"));
    const paintingSays = painting ? `CPU (${painting[1]})` : "WebKit's default";
    for (const [i, b] of breakdowns.entries()) t.diagnostic(`switch ${i + 1}: ${breakdownLine(b)}`);
    await app.close();
    // Every switch counts: the target is for each one, not the best (a stall in one of four is what a user feels).
    const within = runs.filter((ms) => ms <= TARGET_MS).length;
    const worst = Math.max(...runs);
    fs.writeFileSync(path.join(ARTIFACTS, "perf-switch-10k.json"), JSON.stringify({ people: 10_000, painting: paintingSays, targetMs: TARGET_MS, runsMs: runs, breakdowns, firstVisitMs: runs[0], worstMs: worst, withinTarget: within, meetsTarget: within === runs.length }, null, 2) + "\n");
    t.diagnostic(`10k scenario switch to settled chart: ${runs.join(", ")} ms (first visit ${runs[0]} ms, worst ${worst} ms; target ${TARGET_MS} ms met by ${within} of ${runs.length}; painting: ${paintingSays}; a measurement, not an assertion)`);
    assert.ok(Math.max(...runs) < SANITY_MS, `a switch took ${Math.max(...runs)} ms (sanity bound ${SANITY_MS} ms)`);
  });
});
