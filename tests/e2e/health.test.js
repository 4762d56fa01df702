// Health findings live while you drag: a move that leaves a manager with too few reports shows the span
// finding in the insights panel, and undo clears it. Run with `make e2e`.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { centre, inWorkspace, preflight, reachable } from "./harness.js";

before(() => preflight());

/** The names the insights panel lists under one check (empty when the check has no finding). */
async function listed(app, check) {
  return app.exec((id) => {
    const section = document.querySelector(`.insights details[data-check="${id}"]`);
    return section ? [...section.querySelectorAll("li .finding strong")].map((e) => e.textContent) : [];
  }, check);
}

/** Cards the pointer can reach: on the chart, clear of the minimap and of the insights panel docked on the right. */
async function reachableCards(app) {
  const area = await app.pointerArea();
  const panel = await app.exec(() => {
    const r = document.querySelector(".insights")?.getBoundingClientRect();
    return r ? r.left : Infinity;
  });
  return (await app.cards()).filter((c) => reachable(c, area) && c.x + c.w < panel - 8);
}

/** The span check a manager fails (the core's defaults: 4-8 reports for managers of ICs, 4-6 for managers of managers), or null. */
function spanFinding(reports, id) {
  const mine = reports.get(id) ?? [];
  if (mine.length === 0) return null;
  const ofManagers = mine.some((r) => (reports.get(r) ?? []).length > 0);
  const [check, min, max] = ofManagers ? ["span-of-control-managers", 4, 6] : ["span-of-control-ics", 4, 8];
  return mine.length < min || mine.length > max ? check : null;
}

/**
 * A drag a user could make on the first screen (a person without reports onto someone else on screen) after which
 * some manager fails a span check they pass now: that manager and check are what the panel must show.
 */
function pickSpanMove(all, onScreen) {
  const reportsOf = (cards) => {
    const m = new Map();
    for (const c of cards) if (c.manager !== null) m.set(c.manager, [...(m.get(c.manager) ?? []), c.id]);
    return m;
  };
  const before = reportsOf(all);
  const byId = new Map(all.map((c) => [c.id, c]));
  for (const person of onScreen) {
    if (person.manager === null || before.has(person.id)) continue;
    for (const target of onScreen) {
      if (target.id === person.id || target.id === person.manager) continue;
      const after = reportsOf(all.map((c) => (c.id === person.id ? { ...c, manager: target.id } : c)));
      for (const id of [person.manager, target.id, target.manager]) {
        const who = byId.get(id);
        const check = id === null ? null : spanFinding(after, id);
        if (who && who.name && check && spanFinding(before, id) !== check) return { person, target, from: byId.get(person.manager), who, check };
      }
    }
  }
  return null;
}

test("a drag that breaks a span of control shows the finding in the insights panel, and undo clears it", async () => {
  await inWorkspace("health", async (ws) => {
    const app = await ws.launch();
    await app.waitFor(async () => app.exec(() => !!document.querySelector(".insights")), { what: "the insights panel" });
    const all = await app.cards({ all: true });
    const move = pickSpanMove(all, await reachableCards(app));
    assert.ok(move, "no drag on the first screen would break a span of control");
    const { person, target, from, who, check } = move;
    assert.ok(!(await listed(app, check)).includes(who.name), `${who.name} is not listed under ${check} yet`);

    await app.drag(centre(person), centre(target));
    await app.waitFor(async () => (await app.card(person.id))?.manager === target.id, { what: `${person.name} to move under ${target.name}` });
    await app.waitFor(async () => (await listed(app, check)).includes(who.name), { timeout: 10_000, what: `the panel to list ${who.name} under ${check}` });

    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await app.card(person.id))?.manager === from.id, { what: "the undo" });
    await app.waitFor(async () => !(await listed(app, check)).includes(who.name), { timeout: 10_000, what: `${who.name}'s ${check} finding to go after undo` });
  });
});

/** People per team as the roll-ups list them ("Cart & Checkout: 12 people, ..."), allocation-weighted. */
async function teamSizes(app) {
  const rows = await app.exec(() =>
    [...document.querySelectorAll('.insights details[data-check="rollups"] li .finding')].map((b) => [
      b.querySelector("strong")?.textContent ?? "",
      b.textContent ?? "",
    ]),
  );
  return new Map(rows.map(([name, text]) => [name, Number(/([\d.]+) (?:people|person)/.exec(text.slice(name.length))?.[1] ?? NaN)]));
}

test("a drag on the team map that makes a team too large shows the team-size finding, and undo clears it", async () => {
  await inWorkspace("health team size", async (ws) => {
    const app = await ws.launch();
    const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Team map"]`);
    await tab.click();
    // The Unassigned tray takes the map's left edge: put it away, as a user making room would.
    const hideTray = await app.browser.$(`//button[@aria-label="Hide unassigned people"]`);
    await hideTray.waitForExist({ timeout: 10_000, timeoutMsg: "no Unassigned tray (the sample has people on no team)" });
    await hideTray.click();
    const map = await app.waitFor(
      async () => {
        const m = await app.exec(() => window.__topographTest.teamMap());
        return m && m.units.length > 0 && m.chips.length > 0 && m.frames > 0 ? m : null;
      },
      { timeout: 20_000, what: "the team map with units and chips" },
    );
    const panelLeft = await app.exec(() => document.querySelector(".insights")?.getBoundingClientRect().left ?? Infinity);
    const c = map.canvas;
    const reachableBox = (b, margin = 10) =>
      b.x >= c.x + margin && b.y >= c.y + margin && b.x + b.w <= Math.min(c.x + c.w, panelLeft) - margin && b.y + b.h <= c.y + c.h - margin;
    // The findings come in after the map: wait for the team sizes they list.
    const sizes = await app.waitFor(async () => { const s = await teamSizes(app); return s.size > 0 ? s : null; }, { timeout: 20_000, what: "the team sizes in the insights panel" });
    const teams = map.units.filter((u) => u.kind !== "group");
    // Nine people is the most a team may have by default: anyone more makes it too large.
    const target = teams.find((u) => sizes.get(u.name) === 9 && reachableBox(u) && u.h > 60);
    assert.ok(target, `no team of exactly nine on screen; sizes: ${[...sizes].map(([n, s]) => `${n}=${s}`).join(", ")}`);
    const chip = map.chips.find(
      (ch) => !ch.open && ch.unit !== target.id && map.chips.filter((o) => o.id === ch.id).length === 1 && reachableBox(ch),
    );
    assert.ok(chip, "no person on one other team on screen to move");
    const listedNow = () => listed(app, "team-size");
    assert.ok(!(await listedNow()).includes(target.name), `${target.name} has no team-size finding yet`);

    await app.drag(centre(chip), { x: target.x + target.w / 2, y: target.y + target.h - 5 });
    await app.waitFor(async () => (await listedNow()).includes(target.name), { timeout: 10_000, what: `the panel to list ${target.name} as too large` });

    await app.xkeys("ctrl+z");
    await app.waitFor(async () => !(await listedNow()).includes(target.name), { timeout: 10_000, what: `${target.name}'s team-size finding to go after undo` });
  });
});
