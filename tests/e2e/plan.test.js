// The plan over time in the real app: the Plan tab (Ctrl+4) shows headcount, FTE and cost against budget per unit
// and quarter; a planned hire's target start set there changes the counts, a budget overrun is marked, and both
// survive a relaunch (and the command line reads the same plan from the file).
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, fixToday, inWorkspace, KEY, preflight, reachable } from "./harness.js";

// The generated org's dates and the table's first quarter follow today: one fixed day makes them the same every run.
const TODAY = fixToday();
before(() => preflight());

/** The figures of one cell of the plan table, as the page shows them; null while it is not on screen. */
async function cell(app, unit, period) {
  return app.exec((u, p) => {
    const b = document.querySelector(`.plan-table button[data-unit="${u}"][data-period="${p}"]`);
    return b ? { headcount: Number(b.dataset.headcount), planned: Number(b.dataset.planned), over: b.classList.contains("over-budget") } : null;
  }, unit, period);
}

async function showPlan(app) {
  await app.xkeys("ctrl+4");
  // An empty list is truthy: wait for the header to have its periods, not for the query to answer.
  return app.waitFor(async () => {
    const periods = await app.exec(() => [...document.querySelectorAll(".plan-table thead th[scope=col]")].slice(1).map((t) => t.textContent));
    return periods.length > 0 ? periods : null;
  }, {
    timeout: 20_000,
    what: "the plan table",
  });
}

test("a planned hire's target start set in the Plan view changes the counts, a budget overrun is marked, and both survive a relaunch", async () => {
  await inWorkspace("plan", async (ws) => {
    const file = path.join(ws.docs, "plan.topo");
    await cli("generate", file, "--people", "300", "--seed", "2");
    let app = await ws.launch({ args: [file] });
    const periods = await showPlan(app);
    assert.ok(periods.length >= 4, `a year of quarters: ${periods}`);
    assert.equal(periods[0], "2026-Q4", `the table starts in the quarter of the fixed today, ${TODAY}`);
    const first = periods[0];

    // An open position on a team whose target start lies after the first quarter.
    const { hire, unit } = await app.exec((q) => {
      const r = window.__topographTest.store().records;
      // Months since year 0 of the first month of "2027-Q3", "2027-07" or "2027-07-15".
      const month = (t) => Number(t.slice(0, 4)) * 12 + (t[5] === "Q" ? (Number(t[6]) - 1) * 3 : Number(t.slice(5, 7)) - 1);
      for (const p of r.persons) {
        if (p.status !== "open-position" || !p.target_start || month(p.target_start) <= month(q) + 2) continue;
        const seat = r.memberships.find((m) => m.person === p.id);
        if (seat) return { hire: { id: p.id, title: p.title }, unit: seat.unit };
      }
      return {};
    }, first);
    assert.ok(hire && unit, "the generated org has an open position planned for later");
    const before = await cell(app, unit, first);
    assert.ok(before, "the team's first quarter is on screen");

    // Click the cell as a person does, then set the hire's target start to the first quarter.
    const button = await app.browser.$(`.plan-table button[data-unit="${unit}"][data-period="${first}"]`);
    await button.scrollIntoView();
    await button.click();
    const input = await app.browser.$(`//aside[@aria-label="Plan details"]//li[@data-person="${hire.id}"]//input`);
    await input.waitForExist({ timeout: 5000, timeoutMsg: "the hire is listed behind the cell" });
    // Typed and entered as a person does: WebDriver's setValue("…\n") types a line feed, which is not the Enter key,
    // so the field never committed and the cell never recounted.
    await input.click();
    await app.chord(KEY.Control, "a");
    await app.type(first);
    await app.chord(KEY.Enter);
    await app.waitFor(async () => (await cell(app, unit, first))?.planned === before.planned + 1, {
      what: "the first quarter counts the hire",
    });
    assert.equal((await cell(app, unit, first)).headcount, before.headcount, "a hire is counted apart from the people there");

    // A budget far below the team's cost: the cell is marked over budget.
    const amount = await app.browser.$(`//form[@aria-label="Budget"]//input[@aria-label="Budget amount"]`);
    await amount.click();
    await app.chord(KEY.Control, "a");
    await app.type("1000");
    const save = await app.browser.$(`//form[@aria-label="Budget"]//button[@type="submit"]`);
    await save.click();
    await app.waitFor(async () => (await cell(app, unit, first))?.over === true, { what: "the cell is marked over budget" });
    await app.close();

    // The file holds both: the command line's plan agrees.
    const firstDay = `${first.slice(0, 4)}-${String((Number(first[6]) - 1) * 3 + 1).padStart(2, "0")}-01`;
    const plan = JSON.parse(await cli("plan", file, "--format", "json", "--from", firstDay, "--to", firstDay));
    const row = plan.rows.find((r) => r.unit === unit);
    assert.equal(plan.periods[0], first);
    assert.equal(row.cells[0].over_budget, true);
    assert.equal(row.cells[0].open_positions + row.cells[0].planned_hires, before.planned + 1);

    // Relaunch: the Plan view shows the same.
    app = await ws.launch({ args: [file] });
    await showPlan(app);
    const after = await app.waitFor(async () => cell(app, unit, first), { what: "the cell after the relaunch" });
    assert.deepEqual(after, { headcount: before.headcount, planned: before.planned + 1, over: true });
  });
});

/** An open position whose target start lies after `first`, with the unit of its seat. */
function laterHire(app, first) {
  return app.exec((q) => {
    const r = window.__topographTest.store().records;
    const month = (t) => Number(t.slice(0, 4)) * 12 + (t[5] === "Q" ? (Number(t[6]) - 1) * 3 : Number(t.slice(5, 7)) - 1);
    for (const p of r.persons) {
      if (p.status !== "open-position" || !p.target_start || month(p.target_start) <= month(q) + 2) continue;
      const seat = r.memberships.find((m) => m.person === p.id);
      if (seat) return { id: p.id, unit: seat.unit };
    }
    return null;
  }, first);
}

function targetStartOf(app, id) {
  return app.exec((i) => window.__topographTest.store().records.persons.find((p) => p.id === i)?.target_start ?? null, id);
}

/** Clicks a cell of the table as a person does, and waits for its side panel. */
async function pickCell(app, unit, period) {
  const button = await app.browser.$(`.plan-table button[data-unit="${unit}"][data-period="${period}"]`);
  await button.scrollIntoView();
  await button.click();
  await app.browser.$(`//aside[@aria-label="Plan details"]`).then((a) => a.waitForExist({ timeout: 5000, timeoutMsg: "the cell's side panel" }));
}

test("a planned hire dragged along the timeline to the first quarter is counted there, and the arrow keys move it on by a quarter", async () => {
  await inWorkspace("plan timeline", async (ws) => {
    const file = path.join(ws.docs, "plan.topo");
    await cli("generate", file, "--people", "300", "--seed", "2");
    const app = await ws.launch({ args: [file] });
    const periods = await showPlan(app);
    const [first, second] = periods;
    const hire = await laterHire(app, first);
    assert.ok(hire, "the generated org has an open position planned for later");
    const before = await app.waitFor(async () => cell(app, hire.unit, first), { what: "the team's first quarter" });
    await pickCell(app, hire.unit, first);

    // Press the hire's marker and drop it over the first period of its track.
    const track = await app.browser.$(`//aside[@aria-label="Plan details"]//li[@data-hire="${hire.id}"]//*[@role="slider"]`);
    await track.waitForExist({ timeout: 5000, timeoutMsg: "the hire on the timeline" });
    await track.scrollIntoView();
    const geo = await app.exec((id) => {
      const t = document.querySelector(`aside[aria-label="Plan details"] li[data-hire="${id}"] [role=slider]`);
      const m = t.querySelector(".plan-timeline-marker").getBoundingClientRect();
      const r = t.getBoundingClientRect();
      return { marker: { x: m.left + m.width / 2, y: m.top + m.height / 2 }, track: { x: r.left, y: r.top + r.height / 2, w: r.width } };
    }, hire.id);
    const slot = geo.track.w / periods.length;
    await app.drag(geo.marker, { x: geo.track.x + slot / 2, y: geo.track.y });
    await app.waitFor(async () => (await targetStartOf(app, hire.id)) === first, { what: `the target start dropped on ${first}` });
    await app.waitFor(async () => (await cell(app, hire.unit, first))?.planned === before.planned + 1, { what: "the first quarter counts the dragged hire" });

    // The keyboard does the same: the focused track, one period on with the right arrow.
    await track.click();
    await app.chord("\uE014"); // ArrowRight
    await app.waitFor(async () => (await targetStartOf(app, hire.id)) === second, { what: `the target start moved on to ${second}` });
    await app.waitFor(async () => (await cell(app, hire.unit, first))?.planned === before.planned, { what: "the first quarter no longer counts the hire" });
    assert.equal((await app.doc()).undo !== null, true, "the moves are undoable edits");
    await app.close();
  });
});

test("a target start that is not a date and a budget in an unknown currency show their errors beside the field and nothing is written", async () => {
  await inWorkspace("plan errors", async (ws) => {
    const file = path.join(ws.docs, "plan.topo");
    await cli("generate", file, "--people", "300", "--seed", "2");
    const app = await ws.launch({ args: [file] });
    const [first] = await showPlan(app);
    const hire = await laterHire(app, first);
    assert.ok(hire, "the generated org has an open position");
    const was = await targetStartOf(app, hire.id);
    const undo = (await app.doc()).undo;
    await pickCell(app, hire.unit, first);

    const input = await app.browser.$(`//aside[@aria-label="Plan details"]//ul[@class="plan-people"]/li[@data-person="${hire.id}"]//input`);
    await input.waitForExist({ timeout: 5000, timeoutMsg: "the hire is listed behind the cell" });
    await input.click();
    await app.chord(KEY.Control, "a");
    await app.type("soon");
    await app.chord(KEY.Enter);
    const said = await app.waitFor(() => app.exec((id) => document.querySelector(`ul.plan-people li[data-person="${id}"] [role=alert]`)?.textContent ?? null, hire.id),
      { timeout: 5000, what: "the target start's error beside it" });
    assert.match(said, /'soon' is not a month/);
    assert.equal(await targetStartOf(app, hire.id), was, "the target start is unchanged");

    // A currency the document has no rate for: the core refuses it, and says so beside the currency.
    const budgets = await app.exec(() => JSON.stringify(window.__topographTest.store().records.budgets));
    const currency = await app.browser.$(`//form[@aria-label="Budget"]//input[@aria-label="Budget currency"]`);
    await currency.click();
    await app.chord(KEY.Control, "a");
    await app.type("XYZ");
    const amount = await app.browser.$(`//form[@aria-label="Budget"]//input[@aria-label="Budget amount"]`);
    await amount.click();
    await app.chord(KEY.Control, "a");
    await app.type("5000");
    await app.chord(KEY.Enter);
    const refusal = await app.waitFor(() => app.exec(() => {
      const f = [...document.querySelectorAll('form[aria-label="Budget"] .field')].find((d) => d.querySelector('input[aria-label="Budget currency"]'));
      return f?.querySelector("[role=alert]")?.textContent ?? null;
    }), { timeout: 5000, what: "the currency's error beside it" });
    assert.match(refusal, /XYZ/);
    assert.equal(await app.exec(() => JSON.stringify(window.__topographTest.store().records.budgets)), budgets, "no budget written");
    assert.equal((await app.doc()).undo, undo, "nothing was applied");
    await app.close();
  });
});

test("a leaver's end date set in the inspector before their start date is refused beside the field, a later one is kept through a relaunch", async () => {
  await inWorkspace("plan inspector", async (ws) => {
    const file = path.join(ws.docs, "plan.topo");
    await cli("generate", file, "--people", "300", "--seed", "2");
    let app = await ws.launch({ args: [file] });
    const people = await app.exec(() => Object.fromEntries(window.__topographTest.store().records.persons.map((p) => [p.id, p])));
    // A person with a start date whose card can be pressed.
    const area = await app.pointerArea();
    const card = (await app.cards()).find((c) => reachable(c, area) && people[c.id]?.status === "active" && people[c.id]?.start_date);
    assert.ok(card, "an active person's card is on screen");
    const start = people[card.id].start_date;
    await app.click(centre(card));
    await app.waitFor(async () => (await app.highlights()).selected.includes(card.id), { timeout: 5000, what: `${card.name} selected` });

    const setEndDate = async (text) => {
      const field = await app.browser.$(`//aside[@aria-label="Inspector"]//input[@data-field="endDate"]`);
      await field.waitForExist({ timeout: 5000, timeoutMsg: "the inspector's End date field" });
      await field.click();
      await app.chord(KEY.Control, "a");
      await app.type(text);
      await app.chord(KEY.Enter);
    };
    const endDateOf = () => app.exec((id) => window.__topographTest.store().records.persons.find((p) => p.id === id)?.end_date ?? null, card.id);
    const undo = (await app.doc()).undo;
    const before = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
    await setEndDate(before);
    const said = await app.waitFor(() => app.exec(() => {
      const f = document.querySelector('aside[aria-label="Inspector"] [data-field="endDate"]')?.closest(".field");
      return f?.querySelector(".field-error")?.textContent ?? null;
    }), { timeout: 5000, what: "the end date's error beside it" });
    assert.match(said, /before the start date/);
    assert.equal(await endDateOf(), null, "no end date written");
    assert.equal((await app.doc()).undo, undo, "nothing was applied");

    await setEndDate("2027-06-30");
    await app.waitFor(async () => (await endDateOf()) === "2027-06-30", { what: "the end date saved" });
    await app.close();

    app = await ws.launch({ args: [file] });
    assert.equal(await endDateOf(), "2027-06-30", "the end date after a relaunch");
  });
});

/** Opens `to` from the scenario menu with the pointer and waits until the bar names it. */
async function switchScenario(app, to) {
  const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
  await bar.click();
  const item = await app.browser.$(`//button[@role="menuitemradio" and starts-with(normalize-space(), "${to}")]`);
  await item.waitForExist({ timeout: 5000, timeoutMsg: `no ${to} in the scenario menu` });
  await item.click();
  await app.waitFor(async () => (await bar.getText()).startsWith(to), { what: `${to} is open` });
}

/** Whether the page's budgets are the back end's for the open scenario (what a fresh load would show). */
async function budgetsAsLoaded(app) {
  return app.exec(async () => {
    const shown = window.__topographTest.store().records.budgets;
    const state = await window.__TAURI_INTERNALS__.invoke("get_state");
    return JSON.stringify(shown) === JSON.stringify(state.records.budgets);
  });
}

test("a budget set in a proposal stays the proposal's: after a relaunch, switching to Current shows its plan without it, and back shows it again", async () => {
  await inWorkspace("plan scenarios", async (ws) => {
    const file = path.join(ws.docs, "plan.topo");
    await cli("generate", file, "--people", "300", "--seed", "2");
    await cli("scenario", "fork", file, "Proposal");
    let app = await ws.launch({ args: [file] });
    await switchScenario(app, "Proposal");
    const [first] = await showPlan(app);
    const unit = await app.exec((q) => document.querySelector(`.plan-table button[data-period="${q}"]:not(.over-budget)`)?.dataset.unit, first);
    assert.ok(unit, "a team within its budget is on screen");

    // A budget far below the team's cost, set in the proposal: the cell is marked over budget.
    const button = await app.browser.$(`.plan-table button[data-unit="${unit}"][data-period="${first}"]`);
    await button.click();
    const amount = await app.browser.$(`//form[@aria-label="Budget"]//input[@aria-label="Budget amount"]`);
    await amount.click();
    await app.chord(KEY.Control, "a");
    await app.type("1000");
    await (await app.browser.$(`//form[@aria-label="Budget"]//button[@type="submit"]`)).click();
    await app.waitFor(async () => (await cell(app, unit, first))?.over === true, { what: "the proposal's cell is marked over budget" });
    await app.close();

    // The relaunch opens the proposal, so the page holds its records: Current's come as changes from them.
    app = await ws.launch({ args: [file] });
    await showPlan(app);
    await switchScenario(app, "Current");
    await app.waitFor(async () => (await cell(app, unit, first))?.over === false, { timeout: 10_000, what: "Current's cell without the proposal's budget" });
    assert.equal(await budgetsAsLoaded(app), true, "Current's budgets as a fresh load shows them");
    await switchScenario(app, "Proposal");
    await app.waitFor(async () => (await cell(app, unit, first))?.over === true, { timeout: 10_000, what: "the proposal's budget again" });
    assert.equal(await budgetsAsLoaded(app), true, "the proposal's budgets as a fresh load shows them");
  });
});
