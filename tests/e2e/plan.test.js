// The plan over time in the real app: the Plan tab (Ctrl+4) shows headcount, FTE and cost against budget per unit
// and quarter; a planned hire's target start set there changes the counts, a budget overrun is marked, and both
// survive a relaunch (and the command line reads the same plan from the file).
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { cli, inWorkspace, KEY, preflight } from "./harness.js";

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
