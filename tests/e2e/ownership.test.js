// End-to-end flows of the Ownership tab in the real app: drag areas onto teams on the map, edit the matrix by key.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { centre, info, inWorkspace, KEY, preflight } from "./harness.js";

before(() => preflight());

/** Opens the Ownership tab by its tab button, as a user does, and waits until the map shows areas and teams. */
async function openOwnership(app) {
  const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Ownership"]`);
  await tab.waitForExist({ timeout: 5000, timeoutMsg: "no Ownership tab" });
  await tab.click();
  return app.waitFor(
    async () => {
      const o = await ownership(app);
      return o && o.areas.length > 0 && o.teams.length > 0 ? o : null;
    },
    { timeout: 20_000, what: "the ownership map with areas and teams" },
  );
}

function ownership(app) {
  return app.exec(() => window.__topographTest.ownership());
}

/** WebDriver key codes of the arrows. */
const ARROW = { up: "\uE013", right: "\uE014", down: "\uE015" };

/** Whether a box lies wholly inside the map's canvas (with a margin), so a press lands on it. */
function onCanvas(o, box, margin = 8) {
  const c = o.canvas;
  return box.x >= c.x + margin && box.y >= c.y + margin && box.x + box.w <= c.x + c.w - margin && box.y + box.h <= c.y + c.h - margin;
}

async function area(app, id) {
  return (await ownership(app))?.areas.find((a) => a.id === id) ?? null;
}

/** An unowned area and a team, both wholly on screen. */
async function pickAssignment(app) {
  const o = await ownership(app);
  const candidates = [];
  for (const a of o.areas) if (a.unowned && onCanvas(o, a)) candidates.push(a);
  assert.ok(candidates.length > 0, `an unowned area is on screen; unowned: ${o.areas.filter((a) => a.unowned).map((a) => a.name).join(", ")}`);
  let team = null;
  for (const t of o.teams) if (!team && onCanvas(o, t)) team = t;
  assert.ok(team, `a team is on screen; teams: ${o.teams.map((t) => `${t.name}@${Math.round(t.x)},${Math.round(t.y)}`).join("; ")}`);
  return { area: candidates[0], team };
}

test("dragging an unowned area onto a team makes the team its owner and the highlight goes; it survives a relaunch and undoes", async () => {
  await inWorkspace("ownership drag", async (ws) => {
    let app = await ws.launch();
    await openOwnership(app);
    const { area: unowned, team } = await pickAssignment(app);
    const before = (await app.doc()).undo;
    await app.screenshot("before-drop");
    await app.drag(centre(unowned), centre(team));
    const after = await app.waitFor(async () => {
      const a = await area(app, unowned.id);
      return a && !a.unowned && a.owner === team.id ? a : null;
    }, { timeout: 10_000, what: `${unowned.name} to be owned by ${team.name} after the drop` });
    assert.equal(after.unowned, false, `${unowned.name} is no longer highlighted as unowned`);
    const doc = await app.doc();
    assert.ok(doc.undo && doc.undo !== before, `the assignment can be undone (undo: ${doc.undo})`);
    assert.match(await app.statusText(), /saved/, "the status bar says the change is saved");
    const owner = (await ownership(app)).teams.find((t) => t.id === team.id);
    assert.ok(owner.load > 0, `${team.name}'s load counts the area it now owns (${owner.load})`);
    await app.screenshot("after-drop");
    const file = doc.path;
    await app.close();

    assert.equal((await info(file)).can_undo, doc.undo, "the file's undo log holds the assignment");

    app = await ws.launch();
    await openOwnership(app);
    const reopened = await area(app, unowned.id);
    assert.equal(reopened.owner, team.id, `${unowned.name} is still owned by ${team.name} after the relaunch`);
    assert.equal(reopened.unowned, false, "and still not highlighted");

    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await area(app, unowned.id))?.unowned === true, {
      timeout: 10_000,
      what: `Ctrl+Z to make ${unowned.name} unowned again`,
    });
    assert.equal((await area(app, unowned.id)).owner, null, "undo removed the owner");
    assert.equal((await app.doc()).redo, doc.undo, "the assignment can be redone");
    await app.screenshot("after-undo");
  });
});

test("holding Alt while dropping an area on a team adds the team as a contributor and leaves the owner alone", async () => {
  await inWorkspace("ownership alt drop", async (ws) => {
    const app = await ws.launch();
    await openOwnership(app);
    const { area: unowned, team } = await pickAssignment(app);
    await app.drag(centre(unowned), centre(team), { alt: true });
    const a = await app.waitFor(async () => {
      const x = await area(app, unowned.id);
      return x?.contributors.includes(team.id) ? x : null;
    }, { timeout: 10_000, what: `${team.name} to contribute to ${unowned.name}` });
    assert.equal(a.owner, null, "the area still has no owner");
    assert.equal(a.unowned, true, "so it stays highlighted");
  });
});

test("the matrix is usable with the keyboard: arrows move the focused cell, Enter moves it one step round none, owner, contributor, and Ctrl+Z restores it", async () => {
  await inWorkspace("ownership matrix keys", async (ws) => {
    const app = await ws.launch();
    await openOwnership(app);
    const matrixButton = await app.browser.$(`//div[@role="toolbar" and @aria-label="Ownership"]//button[normalize-space()="Matrix"]`);
    await matrixButton.click();
    const grid = await app.browser.$(`//div[@role="grid"]`);
    await grid.waitForExist({ timeout: 5000, timeoutMsg: "no matrix grid" });
    await app.exec(() => document.querySelector("[role=grid]").focus());
    const focused = () => app.exec(() => {
      const g = document.querySelector("[role=grid]");
      const cell = document.getElementById(g.getAttribute("aria-activedescendant"));
      return cell ? { id: cell.id, label: cell.getAttribute("aria-label") } : null;
    });
    const start = await focused();
    assert.ok(start, "the grid has a focused cell");
    await app.chord(ARROW.down);
    await app.chord(ARROW.right);
    const moved = await focused();
    assert.notEqual(moved.id, start.id, "arrow keys moved the focused cell");
    const role = (label) => label.slice(label.lastIndexOf(": ") + 2);
    const next = { "no role": "owner", owner: "contributor", contributor: "no role" }[role(moved.label)];
    const before = (await app.doc()).undo;
    await app.chord(KEY.Enter);
    await app.waitFor(async () => (await app.doc()).undo !== before, { timeout: 10_000, what: "Enter to change the cell" });
    const label = await app.waitFor(async () => {
      const f = await focused();
      return f && f.id === moved.id && role(f.label) === next ? f.label : null;
    }, { timeout: 10_000, what: `the cell (${moved.label}) to become "${next}"` });
    assert.equal(role(label), next, "Enter moved the cell one step round none, owner, contributor");
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => role((await focused()).label) === role(moved.label), { timeout: 10_000, what: "Ctrl+Z to restore the cell" });
    await app.screenshot("matrix");
  });
});
