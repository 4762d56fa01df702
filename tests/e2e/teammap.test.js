// End-to-end flows of the Team map tab in the real app: move and add people, lasso a new team, draw an
// interaction, move a team into another group; each survives a relaunch and undoes. Run with `make e2e`.
import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, info, inWorkspace, preflight } from "./harness.js";
import { hideInsights, press } from "./views.js";

before(() => preflight());

function teamMap(app) {
  return app.exec(() => window.__topographTest.teamMap());
}

/** Opens the Team map tab by its tab button, as a user does, and waits until the map shows units and chips. */
async function openTeamMap(app) {
  const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Team map"]`);
  await tab.waitForExist({ timeout: 5000, timeoutMsg: "no Team map tab" });
  await tab.click();
  // The insights panel floats over the right of every view: put it away, as a user making room would.
  const hide = await app.browser.$(`//button[@aria-label="Hide insights"]`);
  if (await hide.isExisting()) await hide.click();
  return app.waitFor(
    async () => {
      const m = await teamMap(app);
      return m && m.units.length > 0 && m.chips.length > 0 && m.frames > 0 ? m : null;
    },
    { timeout: 20_000, what: "the team map with units and chips" },
  );
}

/** Whether a box lies wholly inside the map's canvas (with a margin), so a press lands on it. */
function onCanvas(m, box, margin = 10) {
  const c = m.canvas;
  return box.x >= c.x + margin && box.y >= c.y + margin && box.x + box.w <= c.x + c.w - margin && box.y + box.h <= c.y + c.h - margin;
}

const isTeam = (u) => u.kind !== "group";
const chipsOf = (m, person) => m.chips.filter((c) => c.id === person);
/** A point in a unit's label band, where a press grabs the unit rather than starting a rubber band. */
const grip = (u) => ({ x: u.x + Math.min(60, u.w / 3), y: u.y + 6 });

/** A person on exactly one team, and another team; both wholly on screen. */
function pickMove(m) {
  for (const chip of m.chips) {
    if (chip.open || chipsOf(m, chip.id).length !== 1 || !onCanvas(m, chip)) continue;
    const target = m.units.find((u) => isTeam(u) && u.id !== chip.unit && onCanvas(m, u) && u.h > 60);
    if (target) return { chip, target };
  }
  assert.fail(`no person on one team and another team both on screen; units: ${m.units.map((u) => `${u.name}@${Math.round(u.x)},${Math.round(u.y)}`).join("; ")}`);
}

/** A point of a team's interior that is not on a chip (dropping on a chip is fine too, but this reads better). */
function inside(u) {
  return { x: u.x + u.w / 2, y: u.y + u.h - 5 };
}

/**
 * Closes the app, checks the file's undo log holds `undo` (the CLI can read it only while no app has it open),
 * relaunches on the same document, opens the team map and returns the new app and map.
 */
async function relaunch(ws, app, doc) {
  await app.close();
  assert.equal((await info(doc.path)).can_undo, doc.undo, "the file's undo log holds the change");
  const next = await ws.launch();
  return { app: next, map: await openTeamMap(next) };
}

async function expectUndoable(app, before) {
  const doc = await app.doc();
  assert.ok(doc.undo && doc.undo !== before, `the change can be undone (undo: ${doc.undo})`);
  assert.match(await app.statusText(), /saved/, "the status bar says the change is saved");
  return doc;
}

test("dragging a person chip to another team moves their membership; it survives a relaunch and undoes", async () => {
  await inWorkspace("teammap move person", async (ws) => {
    let app = await ws.launch();
    let map = await openTeamMap(app);
    const { chip, target } = pickMove(map);
    const before = (await app.doc()).undo;
    await app.drag(centre(chip), inside(target));
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      const seats = chipsOf(m, chip.id);
      return seats.length === 1 && seats[0].unit === target.id ? m : null;
    }, { timeout: 10_000, what: `${chip.name} to sit on ${target.name} only` });
    assert.equal(chipsOf(map, chip.id)[0].allocation, chip.allocation, "the allocation came along");
    const doc = await expectUndoable(app, before);
    await app.screenshot("moved");

    ({ app, map } = await relaunch(ws, app, doc));
    assert.deepEqual(chipsOf(map, chip.id).map((c) => c.unit), [target.id], "still on the new team after a relaunch");

    await app.xkeys("ctrl+z");
    await app.waitFor(async () => {
      const seats = chipsOf(await teamMap(app), chip.id);
      return seats.length === 1 && seats[0].unit === chip.unit;
    }, { timeout: 10_000, what: `Ctrl+Z to put ${chip.name} back on their team` });
  });
});

test("Alt-dragging a person onto a second team adds them there with a 50/50 split, editable in the inspector", async () => {
  await inWorkspace("teammap alt add", async (ws) => {
    let app = await ws.launch();
    let map = await openTeamMap(app);
    const { chip, target } = pickMove(map);
    const before = (await app.doc()).undo;
    await app.drag(centre(chip), inside(target), { alt: true });
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return chipsOf(m, chip.id).length === 2 ? m : null;
    }, { timeout: 10_000, what: `${chip.name} to sit on two teams` });
    const seats = chipsOf(map, chip.id);
    assert.deepEqual(seats.map((c) => c.unit).sort(), [chip.unit, target.id].sort(), "on the old and the new team");
    assert.deepEqual(seats.map((c) => c.allocation), [50, 50], "split 50/50");
    await expectUndoable(app, before);

    // The split is editable: the person's seats in the inspector (the drop selected them).
    const field = await app.browser.$(`//input[@aria-label="Allocation of ${chip.name} on ${target.name}"]`);
    await field.waitForExist({ timeout: 5000, timeoutMsg: "no allocation field in the inspector" });
    await field.click();
    await app.exec(() => document.activeElement.select());
    await app.type("70");
    await app.chord("\uE007");
    await app.waitFor(async () => chipsOf(await teamMap(app), chip.id).find((c) => c.unit === target.id)?.allocation === 70, {
      timeout: 10_000,
      what: "the allocation on the new team to become 70",
    });
    await app.screenshot("split");

    ({ app, map } = await relaunch(ws, app, await app.doc()));
    assert.deepEqual(chipsOf(map, chip.id).map((c) => [c.unit, c.allocation]).sort(), [[chip.unit, 50], [target.id, 70]].sort(), "kept across a relaunch");
    await app.xkeys("ctrl+z");
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => chipsOf(await teamMap(app), chip.id).length === 1, { timeout: 10_000, what: "two undos to take the second team away" });
  });
});

test("lassoing three people and grouping them makes a new team around them in one undoable step", async () => {
  await inWorkspace("teammap lasso", async (ws) => {
    let app = await ws.launch();
    let map = await openTeamMap(app);
    // A team on screen whose first row holds at least four chips: the band takes the first three of that row.
    let team = null, row = null;
    for (const u of map.units.filter((x) => isTeam(x) && onCanvas(map, x))) {
      const chips = map.chips.filter((c) => c.unit === u.id).sort((a, b) => a.y - b.y || a.x - b.x);
      const first = chips.filter((c) => Math.abs(c.y - chips[0].y) < 1);
      if (first.length >= 4) { team = u; row = first; break; }
    }
    assert.ok(team, "a team with four people in its first row is on screen");
    const picked = row.slice(0, 3);
    const from = { x: team.x + 4, y: picked[0].y - 2 };
    const to = { x: picked[2].x + picked[2].w + 2, y: picked[0].y + picked[0].h + 2 };
    await app.drag(from, to);
    const sel = await app.waitFor(async () => {
      const v = await app.exec(() => window.__topographTest.view());
      return v.persons.length === 3 ? v : null;
    }, { timeout: 5000, what: "the rubber band to select three people" });
    assert.deepEqual([...sel.persons].sort(), picked.map((c) => c.id).sort(), "exactly the three people inside the band");

    const before = (await app.doc()).undo;
    await app.chord("\uE009", "g"); // Ctrl+G
    const name = await app.browser.$(`//input[@aria-label="Name of the new unit"]`);
    await name.waitForExist({ timeout: 5000, timeoutMsg: "Ctrl+G opened no dialog" });
    await app.type("Tiger Team");
    await app.chord("\uE007");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.some((u) => u.name === "Tiger Team") ? m : null;
    }, { timeout: 10_000, what: "the new team on the map" });
    const created = map.units.find((u) => u.name === "Tiger Team");
    assert.equal(created.parent, team.parent, "the new team sits where its people's team was");
    for (const c of picked) assert.deepEqual(chipsOf(map, c.id).map((x) => x.unit), [created.id], `${c.name} moved into the new team`);
    const doc = await expectUndoable(app, before);
    assert.match(doc.undo, /Tiger Team/, "one undo step named after the new team");
    await app.screenshot("grouped");

    ({ app, map } = await relaunch(ws, app, doc));
    assert.ok(map.units.some((u) => u.name === "Tiger Team"), "the new team survives a relaunch");
    await app.xkeys("ctrl+z");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.some((u) => u.name === "Tiger Team") ? null : m;
    }, { timeout: 10_000, what: "one Ctrl+Z to remove the new team" });
    for (const c of picked) assert.deepEqual(chipsOf(map, c.id).map((x) => x.unit), [team.id], `${c.name} is back on ${team.name}`);
  });
});

test("dragging from a team's edge handle to another team and choosing Collaboration draws a collaboration", async () => {
  await inWorkspace("teammap interaction", async (ws) => {
    let app = await ws.launch();
    let map = await openTeamMap(app);
    const linked = new Set(map.interactions.flatMap((i) => [`${i.from}-${i.to}`, `${i.to}-${i.from}`]));
    const teams = map.units.filter((u) => isTeam(u) && onCanvas(map, u, 20));
    let pair = null;
    for (const a of teams) for (const b of teams) if (!pair && a.id !== b.id && !linked.has(`${a.id}-${b.id}`)) pair = [a, b];
    assert.ok(pair, "two teams on screen without an interaction yet");
    const [a, b] = pair;
    const before = (await app.doc()).undo;
    await app.drag({ x: a.x + a.w, y: a.y + a.h / 2 }, inside(b));
    const item = await app.browser.$(`//div[@role="menu" and @aria-label="Interaction mode"]//button[contains(normalize-space(), "Collaboration")]`);
    await item.waitForExist({ timeout: 5000, timeoutMsg: "no mode chooser after the drag" });
    await item.click();
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.interactions.some((i) => i.from === a.id && i.to === b.id) ? m : null;
    }, { timeout: 10_000, what: `an interaction from ${a.name} to ${b.name}` });
    assert.equal(map.interactions.find((i) => i.from === a.id && i.to === b.id).mode, "collaboration");
    const doc = await expectUndoable(app, before);
    await app.screenshot("collaboration");

    ({ app, map } = await relaunch(ws, app, doc));
    assert.ok(map.interactions.some((i) => i.from === a.id && i.to === b.id && i.mode === "collaboration"), "kept across a relaunch");
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => !(await teamMap(app)).interactions.some((i) => i.from === a.id && i.to === b.id), {
      timeout: 10_000,
      what: "Ctrl+Z to remove the interaction",
    });
  });
});

test("dragging a team by its name into another group moves it there", async () => {
  await inWorkspace("teammap move team", async (ws) => {
    let app = await ws.launch();
    let map = await openTeamMap(app);
    // Only the left end of a group's label band needs to be on screen: groups are often wider than the window.
    const band = (u) => ({ x: u.x, y: u.y, w: Math.min(u.w, 240), h: 30 });
    const groups = map.units.filter((u) => !isTeam(u) && u.w > 240 && onCanvas(map, band(u), 4));
    let pair = null;
    for (const t of map.units.filter((u) => isTeam(u) && u.parent !== null && onCanvas(map, band(u)))) {
      const g = groups.find((x) => x.id !== t.parent);
      if (g) { pair = [t, g]; break; }
    }
    assert.ok(pair, "a team in a group and another group's label band on screen");
    const [team, group] = pair;
    const before = (await app.doc()).undo;
    // Dropped on the other group's label band: inside that group and no deeper.
    await app.drag(grip(team), { x: group.x + 220, y: group.y + 8 });
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m.units.find((u) => u.id === team.id)?.parent === group.id ? m : null;
    }, { timeout: 10_000, what: `${team.name} to move into ${group.name}` });
    const doc = await expectUndoable(app, before);
    await app.screenshot("team-moved");

    ({ app, map } = await relaunch(ws, app, doc));
    assert.equal(map.units.find((u) => u.id === team.id).parent, group.id, "still in the new group after a relaunch");
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await teamMap(app)).units.find((u) => u.id === team.id)?.parent === team.parent, {
      timeout: 10_000,
      what: `Ctrl+Z to put ${team.name} back in its group`,
    });
  });
});

test("a big org's team map opens on its groups, each named at Fit and kept folded; C opens the selected group, Expand all opens every one, and nothing folds again", async () => {
  await inWorkspace("teammap first fold", async (ws) => {
    const file = path.join(ws.docs, "Big.topo");
    await cli("generate", file, "--people", "3000");
    const app = await ws.launch({ args: [file] });
    const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Team map"]`);
    await tab.waitForExist({ timeout: 5000, timeoutMsg: "no Team map tab" });
    await tab.click();
    let map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m && m.units.length > 0 && m.frames > 0 ? m : null;
    }, { timeout: 30_000, what: "the team map" });
    const folded = map.units.filter((u) => u.collapsed);
    assert.ok(folded.length > 0, `a 3,000-person map opens on collapsed groups (${map.units.length} units, ${map.chips.length} chips)`);
    assert.ok(map.units.length < 200 && map.chips.length < 3000, `the first map is small: ${map.units.length} units, ${map.chips.length} chips`);
    // Fit: every box on screen, each collapsed group big enough to carry its name (drawMap.ts FAR_MIN_BOX).
    for (const u of map.units) assert.ok(onCanvas(map, u, 0), `${u.name} is on screen`);
    for (const u of folded) assert.ok(u.w >= 48 && u.h >= 20, `${u.name} is drawn ${Math.round(u.w)} × ${Math.round(u.h)} px, room for its name`);
    await app.screenshot("first-fold");

    // The folding is the document's now: another tab and back asks the map again, unfolded, and it comes folded.
    const asked = () => app.exec(() => performance.getEntriesByName("team-map:in").length);
    const before = await asked();
    await (await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Org chart"]`)).click();
    await tab.click();
    await app.waitFor(async () => (await asked()) > before, { timeout: 15_000, what: "the team map asked again" });
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m && m.frames > 0 ? m : null;
    }, { timeout: 15_000, what: "the team map again" });
    assert.deepEqual(map.units.filter((u) => u.collapsed).map((u) => u.id).sort(), folded.map((u) => u.id).sort(), "the same groups are collapsed");

    // C on a selected group opens it: its teams show, with their people.
    const group = map.units.find((u) => u.collapsed && onCanvas(map, u));
    await app.click(grip(group));
    await app.waitFor(async () => (await app.exec(() => window.__topographTest.view().units)).includes(group.id), { timeout: 10_000, what: `${group.name} selected` });
    await app.xkeys("c");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m && !m.units.find((u) => u.id === group.id)?.collapsed && m.units.some((u) => u.parent === group.id) ? m : null;
    }, { timeout: 15_000, what: `C to open ${group.name}` });
    assert.ok(map.units.some((u) => u.collapsed), "the other groups stay collapsed");

    // Expand all, from the toolbar (with the insights put away, as a user making room would: in a 1280 px window
    // beside them the folding buttons are under More): every team and person shows, and nothing folds it again.
    await hideInsights(app);
    await press(app, `//div[@role="toolbar"][@aria-label="Team map"]//button[normalize-space()="Expand all"]`, "Expand all button");
    map = await app.waitFor(async () => {
      const m = await teamMap(app);
      return m && m.units.length > 0 && m.units.every((u) => !u.collapsed) && m.chips.length >= 2500 ? m : null;
    }, { timeout: 30_000, what: "Expand all to open every group" });
    const again = await asked();
    await (await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Org chart"]`)).click();
    await tab.click();
    await app.waitFor(async () => (await asked()) > again, { timeout: 15_000, what: "the team map asked again" });
    await app.waitFor(async () => (await app.exec(() => window.__topographTest.inStep())), { timeout: 10_000, what: "the app in step" });
    map = await teamMap(app);
    assert.ok(map.units.every((u) => !u.collapsed) && map.chips.length >= 2500, "the expanded map stays expanded");
  });
});
