// The plan over time across scenarios and into a deck, in the real app: Compare opens as its own view with headcount
// and cost per period of both scenarios (the figures `topograph diff` gives) and the health finding that appears,
// its pickers change the periods and currency of the figures and of its CSV export;
// the Plan tab shows the headcount chart, File › Export… writes it as SVG with the group names and figures of
// `topograph plan`, and "Export CSV…" writes the plan table through the native save dialog.
// Run with `make e2e` (see README.md in this folder).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { cli, fixToday, inWorkspace, preflight } from "./harness.js";
import { hideInsights } from "./views.js";

before(() => preflight());

const unit = (id, name, kind, parent = null) => ({ id, name, mission: "", kind, parent, lead: null, colour: null, target_size: null });
const person = (id, name, cost, extra = {}) => ({
  id, name, title: "Engineer", discipline: "engineering", level: null, location: null, email: null, employee_id: null,
  employment: "employee", status: "active", start_date: "2020-01-01", cost, custom: {}, manager: null, ...extra,
});
const area = (id, name, owner) => ({
  id, name, description: "", parent: null, complexity: "simple", user_facing: true, owner, stance: null, target_share: null, outcome: "",
});

// The app and the CLI take this day for today, so the periods (and the hire's quarter) are the same every run.
const TODAY = fixToday();

/** The quarter after today's, as a target start ("2027-Q3"). */
function nextQuarter() {
  const d = new Date(`${TODAY}T12:00:00`);
  const q = Math.floor(d.getMonth() / 3) + 1;
  return q === 4 ? `${d.getFullYear() + 1}-Q1` : `${d.getFullYear()}-Q${q + 1}`;
}

/**
 * Commerce (Payments Team, Search Team) and Platform Team, seven people paid in EUR and USD (with a rate); the
 * Proposal adds a designer hire for next quarter paid in USD and an area nobody owns. Made the way a script would,
 * through the JSON format and the CLI.
 */
async function twoScenarios(ws) {
  const units = [unit(1, "Commerce", "group"), unit(2, "Payments Team", "stream-aligned", 1), unit(3, "Search Team", "stream-aligned", 1), unit(4, "Platform Team", "platform")];
  const persons = [], memberships = [];
  for (let i = 0; i < 7; i++) {
    const cost = i % 2 === 0 ? { amount: 120_000, currency: "EUR" } : { amount: 150_000, currency: "USD" };
    persons.push(person(10 + i, `Person ${i}`, cost));
    memberships.push({ person: 10 + i, unit: [2, 2, 3, 3, 4, 4, 4][i], allocation: 100, role: "engineer" });
  }
  const areas = [area(30, "Payments", 2), area(31, "Search", 3)];
  const plan_settings = { reporting_currency: "EUR", rates: { USD: 0.9 } };
  const hire = person(20, "Designer hire", { amount: 100_000, currency: "USD" }, { status: "planned-hire", target_start: nextQuarter(), start_date: null });
  const json = path.join(ws.docs, "plan.json");
  fs.writeFileSync(json, JSON.stringify({
    format: "topograph", version: 2, active_scenario: "Current",
    scenarios: [
      { name: "Current", persons, memberships, units, areas, plan_settings },
      {
        name: "Proposal", units, plan_settings,
        persons: [...persons, hire],
        memberships: [...memberships, { person: 20, unit: 2, allocation: 100, role: "designer" }],
        areas: [...areas, area(32, "Returns", null)],
      },
    ],
  }));
  const file = path.join(ws.docs, "plan.topo");
  await cli("import", file, "--from", json);
  // The app holds its document exclusively: the CLI reads the same figures from a copy.
  const copy = path.join(ws.docs, "plan copy.topo");
  fs.copyFileSync(file, copy);
  return { file, copy };
}

const money = (v) => Math.round(v).toLocaleString("en");
const people = (s) => (s.planned > 0 ? `${s.headcount} (+${s.planned})` : `${s.headcount}`);

test("Compare opens as its own view with headcount and cost per period of both scenarios and the finding that appears", async () => {
  await inWorkspace("plan compare", async (ws) => {
    const { file, copy } = await twoScenarios(ws);
    const app = await ws.launch({ args: [file] });
    await app.waitForFirstFrame();
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    const compare = await app.browser.$(`//button[starts-with(normalize-space(), "Compare")]`);
    await compare.waitForExist({ timeout: 5000, timeoutMsg: "the scenario menu has no Compare" });
    await compare.click();

    const section = `//aside[@aria-label="Compare scenarios"]//section[@aria-label="Headcount and cost per period"]`;
    await app.browser.$(`${section}//tbody/tr`).then((r) => r.waitForExist({ timeout: 20_000, timeoutMsg: "compare shows no periods" }));
    // The core's figures for the same pair, today.
    const diff = JSON.parse(await cli("diff", copy, "--from", "Current", "--to", "Proposal", "--format", "json"));
    const shown = await app.exec(() => [...document.querySelectorAll(".compare-periods tbody tr")].map((tr) => ({
      period: tr.dataset.period,
      cells: Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.className, td.textContent])),
    })));
    assert.equal(shown.length, diff.over_time.periods.length, "one row per period");
    for (const [i, p] of diff.over_time.periods.entries()) {
      const row = shown[i];
      assert.equal(row.period, p.period);
      assert.equal(row.cells["hc-before"], people(p.before), `${p.period}: Current's headcount`);
      assert.equal(row.cells["hc-after"], people(p.after), `${p.period}: Proposal's headcount`);
      assert.equal(row.cells["cost-before"], money(p.before.cost + p.before.planned_cost), `${p.period}: Current's cost`);
      assert.equal(row.cells["cost-after"], money(p.after.cost + p.after.planned_cost), `${p.period}: Proposal's cost`);
    }
    assert.ok(diff.over_time.periods.slice(1).every((p) => p.after.planned === 1), "the hire counts from next quarter on");
    assert.ok(shown.slice(1).every((r) => r.cells["hc-after"].endsWith("(+1)")), "the view shows the hire from next quarter on");

    // The finding that appears, named with its subject.
    const appear = diff.findings.appear.find((f) => f.entity_name === "Returns");
    assert.ok(appear, `the core finds Returns without an owner: ${JSON.stringify(diff.findings.appear)}`);
    const listed = await app.browser.$(`//div[contains(@class, "compare-findings-appear")]//li[@data-check="${appear.check}"][contains(., "Returns")]`);
    await listed.waitForExist({ timeout: 5000, timeoutMsg: "compare does not list the finding that appears" });

    // Its own view: the whole width below the toolbar, the two charts side by side.
    const layout = await app.exec(() => {
      const r = (el) => el.getBoundingClientRect();
      const panel = document.querySelector(`aside[aria-label="Compare scenarios"]`);
      const charts = [...document.querySelectorAll(".compare-chart")].map(r);
      return { panel: r(panel), width: window.innerWidth, charts: charts.map((c) => ({ x: c.x, y: c.y })) };
    });
    assert.ok(layout.panel.x <= 1 && layout.panel.width >= layout.width - 2, `compare spans the window: ${JSON.stringify(layout.panel)}`);
    assert.equal(layout.charts.length, 2, "a headcount chart and a cost chart");
    assert.ok(Math.abs(layout.charts[0].y - layout.charts[1].y) < 1 && layout.charts[1].x > layout.charts[0].x, "the charts stand side by side");
    await app.screenshot("compare-over-time");
  });
});

test("compare's pickers show headcount and cost per month in another currency, the figures of topograph diff --by month --currency, and its CSV export follows them", async () => {
  await inWorkspace("compare pickers", async (ws) => {
    const { file, copy } = await twoScenarios(ws);
    const app = await ws.launch({ args: [file] });
    await app.waitForFirstFrame();
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    const compare = await app.browser.$(`//button[starts-with(normalize-space(), "Compare")]`);
    await compare.waitForExist({ timeout: 5000, timeoutMsg: "the scenario menu has no Compare" });
    await compare.click();
    const section = `//aside[@aria-label="Compare scenarios"]//section[@aria-label="Headcount and cost per period"]`;
    await app.browser.$(`${section}//tbody/tr`).then((r) => r.waitForExist({ timeout: 20_000, timeoutMsg: "compare shows no periods" }));

    // Months instead of quarters, then the costs in USD (the document reports in EUR, with a rate for USD).
    await (await app.browser.$(`${section}//select[@aria-label="Compare periods by"]`)).selectByAttribute("value", "month");
    await app.waitFor(() => app.exec(() => document.querySelector(".compare-periods tbody tr")?.dataset.period?.length === 7),
      { timeout: 20_000, what: "periods by month" });
    await (await app.browser.$(`${section}//select[@aria-label="Compare currency"]`)).selectByAttribute("value", "USD");
    await app.waitFor(() => app.exec(() => document.querySelector(".compare-periods thead")?.textContent.includes("Cost in USD")),
      { timeout: 20_000, what: "the costs in USD" });

    const diff = JSON.parse(await cli("diff", copy, "--from", "Current", "--to", "Proposal", "--format", "json", "--by", "month", "--currency", "USD"));
    const shown = await app.exec(() => [...document.querySelectorAll(".compare-periods tbody tr")].map((tr) => ({
      period: tr.dataset.period,
      cells: Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.className, td.textContent])),
    })));
    assert.equal(diff.over_time.reporting_currency, "USD");
    assert.ok(diff.over_time.periods.length >= 12, `a year of months: ${diff.over_time.periods.length}`);
    assert.deepEqual(shown.map((r) => r.period), diff.over_time.periods.map((p) => p.period), "the months of the command line");
    for (const [i, p] of diff.over_time.periods.entries()) {
      assert.equal(shown[i].cells["hc-after"], people(p.after), `${p.period}: Proposal's headcount`);
      assert.equal(shown[i].cells["cost-before"], money(p.before.cost + p.before.planned_cost), `${p.period}: Current's cost in USD`);
      assert.equal(shown[i].cells["cost-after"], money(p.after.cost + p.after.planned_cost), `${p.period}: Proposal's cost in USD`);
    }
    await app.screenshot("compare-pickers");

    // "Export CSV…" writes what the pickers show: the months, with the costs in USD.
    await (await app.browser.$(`//aside[@aria-label="Compare scenarios"]//button[normalize-space()="Export CSV…"]`)).click();
    const csv = path.join(ws.docs, "compare.csv");
    await app.answerFileDialog("Export the changes as CSV", csv);
    const written = await app.waitFor(async () => {
      if (fs.existsSync(csv) && fs.statSync(csv).size > 0) return "written";
      const status = await app.status();
      return status.kind === "error" ? `refused: ${JSON.stringify(status)}` : null;
    }, { timeout: 10_000, what: "the comparison's CSV to be written" });
    assert.equal(written, "written");
    const overTime = (text) => text.split("\n").filter((l) => l.startsWith("over-time,"));
    const rows = overTime(fs.readFileSync(csv, "utf8"));
    assert.ok(rows.some((l) => l.startsWith("over-time,cost-USD,")), "the costs are in USD");
    assert.ok(!rows.some((l) => l.includes("cost-EUR")), "not in the document's EUR");
    const expected = await cli("diff", copy, "--from", "Current", "--to", "Proposal", "--format", "csv", "--by", "month", "--currency", "USD");
    assert.deepEqual(rows, overTime(expected), "the rows of topograph diff --by month --currency USD");
    assert.equal(rows.length, 3 * diff.over_time.periods.length, "three rows per month");
    await app.close();
  });
});

test("the Plan tab shows the headcount chart, exports it as SVG with the core's groups and figures, and saves the plan as CSV", async () => {
  await inWorkspace("plan charts", async (ws) => {
    const { file, copy } = await twoScenarios(ws);
    const app = await ws.launch({ args: [file] });
    await app.waitForFirstFrame();
    await hideInsights(app);
    await app.xkeys("ctrl+4");
    const range = await app.waitFor(async () => app.exec(() => {
      const from = document.querySelector(`input[aria-label="From"]`), to = document.querySelector(`input[aria-label="To"]`);
      return document.querySelector(".plan-table") && from && to ? { from: from.value, to: to.value } : null;
    }), { timeout: 20_000, what: "the plan table" });
    const plan = JSON.parse(await cli("plan", copy, "--from", range.from, "--to", range.to, "--format", "json"));

    // The chart on screen.
    await (await app.browser.$(`select[aria-label="Plan display"]`)).selectByAttribute("value", "headcount");
    const img = await app.browser.$(`//figure[@aria-label="Headcount chart"]//img`);
    await img.waitForExist({ timeout: 20_000, timeoutMsg: "the Plan tab shows no headcount chart" });
    await app.waitFor(() => img.getProperty("naturalWidth").then((w) => w > 0), { timeout: 10_000, what: "the chart image to load" });
    await app.screenshot("plan-headcount-chart");

    // File › Export… starts on the chart; written as SVG.
    const out = ws.dir("exports");
    const svg = path.join(out, "headcount.svg");
    await app.exec((p) => window.__topographTest.presetSavePath(p), svg);
    await app.xkeys("ctrl+e");
    const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="Export diagram"]]`);
    await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "Ctrl+E opened no export dialog" });
    assert.equal(await (await app.browser.$(`select[aria-label="View"]`)).getValue(), "headcount", "the dialog starts on the chart shown");
    await (await app.browser.$(`//figure[@aria-label="Preview"]//img`)).waitForExist({ timeout: 20_000, timeoutMsg: "no preview" });
    await (await app.browser.$(`select[aria-label="Format"]`)).selectByAttribute("value", "svg");
    await (await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Export…"]`)).click();
    await (await app.browser.$(`//p[contains(@class, "export-done")]`)).waitForExist({ timeout: 60_000, timeoutMsg: "the SVG export reported no success" });
    await (await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Close"]`)).click();
    const text = fs.readFileSync(svg, "utf8");
    const groups = plan.rows.filter((r) => r.unit !== null && r.depth === 0);
    assert.deepEqual(groups.map((g) => g.name).sort(), ["Commerce", "Platform Team"]);
    for (const g of groups) {
      assert.ok(text.includes(`>${g.name}<`), `the SVG names ${g.name}`);
      for (const c of g.cells) assert.ok(text.includes(`>${c.headcount}<`), `the SVG has ${g.name}'s headcount ${c.headcount}`);
    }
    for (const p of plan.periods) assert.ok(text.includes(`>${p}<`), `the SVG labels ${p}`);

    // The plan table as CSV, through the native save dialog: the rows `topograph plan --format csv` writes.
    await (await app.browser.$(`//div[contains(@class, "plan-controls")]//button[normalize-space()="Export CSV…"]`)).click();
    const csv = path.join(out, "plan.csv");
    await app.answerFileDialog("Export the plan as CSV", csv);
    const written = await app.waitFor(async () => {
      if (fs.existsSync(csv) && fs.statSync(csv).size > 0) return "written";
      const status = await app.status();
      return status.kind === "error" ? `refused: ${JSON.stringify(status)}` : null;
    }, { timeout: 10_000, what: "the CSV to be written" });
    assert.equal(written, "written");
    const lines = fs.readFileSync(csv, "utf8").trim().split("\n");
    assert.equal(lines[0].split(",").slice(0, 5).join(), "unit_id,unit,depth,period,headcount");
    assert.equal(lines.length, 1 + plan.rows.length * plan.periods.length, "a line per unit and period");
    const expected = await cli("plan", copy, "--from", range.from, "--to", range.to, "--format", "csv");
    assert.equal(lines.join("\n"), expected.trim(), "the app writes the rows the CLI writes");
    assert.ok(lines.some((l) => l.startsWith(",Whole org,0,")), "the whole org's rows are there");
  });
});
