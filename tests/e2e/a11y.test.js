// Without a mouse and without sight, in the real app: axe-core (tests/e2e/node_modules, pinned in package.json)
// audits the DOM of every main view and dialog and fails on serious or critical violations; and one whole edit of the
// sample (reach the chart with Tab, arrow to a person, open the inspector, change their title and their manager,
// undo both) is made with the keyboard alone, while the live region says the person reached and every edit and undo.
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { before, test } from "node:test";
import { App, inWorkspace, preflight } from "./harness.js";
import { K, openTeamMap, ownership, teamMap } from "./views.js";

before(() => preflight());

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core over the whole page as it is now and answers its serious and critical violations, each with the
 * elements it found them on. The source goes in through WebDriver's script evaluation (the page's CSP allows no
 * inline script), once per page.
 */
async function audit(app, where) {
  const loaded = await app.exec(() => typeof window.axe === "object");
  if (!loaded) await app.browser.execute(`${AXE_SOURCE}\nreturn typeof window.axe;`);
  const found = await app.browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) => done(r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`),
      }))))
      .catch((e) => done([{ id: "axe-failed", impact: "critical", help: String(e), nodes: [] }]));
  });
  return found.map((v) => ({ where, ...v }));
}

const liveText = (app) => app.exec(() => document.getElementById("a11y-live")?.textContent ?? null);

/** Waits until the live region says `expected` (a string, or a predicate on its text); answers the text. */
function heard(app, expected, what) {
  const ok = typeof expected === "function" ? expected : (t) => t === expected;
  return app.waitFor(async () => {
    const t = await liveText(app);
    return t !== null && ok(t) ? t : null;
  }, { timeout: 10_000, what: `the live region to say ${what ?? JSON.stringify(expected)}` }).catch(async (e) => {
    e.message += ` (it says ${JSON.stringify(await liveText(app))})`;
    throw e;
  });
}

const active = (app) => app.exec(() => {
  const el = document.activeElement;
  return el ? { tag: el.tagName.toLowerCase(), cls: el.getAttribute("class") ?? "", field: el.getAttribute("data-field"), label: el.getAttribute("aria-label") } : null;
});

test("no view or main dialog has a serious or critical accessibility violation (axe-core)", async () => {
  await inWorkspace("a11y-axe", async (ws) => {
    const app = await App.launch(ws);
    const found = [];
    const $ = (xpath) => app.browser.$(xpath);

    found.push(...(await audit(app, "org chart")));

    // The chart's dialogs: the shortcut list (?), the delete confirmation, Export… (native Ctrl+E), Settings, History.
    await app.exec(() => document.querySelector(".chart-canvas").focus());
    await app.chord("?");
    await (await $(`//div[@role="dialog" and @aria-label="Keyboard shortcuts"]`)).waitForExist({ timeout: 5000, timeoutMsg: "? showed no shortcut list" });
    found.push(...(await audit(app, "keyboard shortcuts")));
    await app.chord(K.Escape);
    await app.exec(() => document.querySelector(".chart-canvas").focus());
    await app.chord(K.ArrowDown);
    await app.chord(K.ArrowDown);
    await app.chord(K.Delete);
    await (await $(`//div[@role="alertdialog"]`)).waitForExist({ timeout: 5000, timeoutMsg: "Delete showed no confirmation" });
    found.push(...(await audit(app, "delete confirmation")));
    await app.chord(K.Escape);
    await (await $(`//div[@role="alertdialog"]`)).waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "Escape left the confirmation open" });

    await app.xkeys("ctrl+e");
    const exportDialog = await $(`//div[@role="dialog"][.//h2[normalize-space()="Export diagram"]]`);
    await exportDialog.waitForExist({ timeout: 10_000, timeoutMsg: "Ctrl+E opened no export dialog" });
    await (await $(`//figure[@aria-label="Preview"]//img`)).waitForExist({ timeout: 20_000, timeoutMsg: "the export dialog shows no preview" });
    found.push(...(await audit(app, "export dialog")));
    await (await $(`//div[@role="dialog"]//button[normalize-space()="Cancel" or normalize-space()="Close"]`)).click();
    await exportDialog.waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "the export dialog stayed open" });

    await app.xkeys("ctrl+comma");
    const settings = await $(`//div[@role="dialog" and @aria-label="Settings"]`);
    await settings.waitForDisplayed({ timeout: 5000, timeoutMsg: "Ctrl+, opened no Settings" });
    found.push(...(await audit(app, "settings")));
    await app.chord(K.Escape);
    await settings.waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "Escape left Settings open" });

    await app.xkeys("ctrl+shift+h");
    await (await $(`//aside[@aria-label="History"]`)).waitForExist({ timeout: 5000, timeoutMsg: "Ctrl+Shift+H showed no history" });
    found.push(...(await audit(app, "history panel")));
    await app.xkeys("ctrl+shift+h");

    await openTeamMap(app);
    found.push(...(await audit(app, "team map")));

    await app.xkeys("ctrl+3");
    await (await $(`//div[contains(@class, "ownership-map")]//canvas`)).waitForExist({ timeout: 20_000, timeoutMsg: "Ctrl+3 showed no ownership map" });
    found.push(...(await audit(app, "ownership map")));

    await app.xkeys("ctrl+4");
    await (await $(`//div[contains(@class, "plan-view")]//table`)).waitForExist({ timeout: 20_000, timeoutMsg: "Ctrl+4 showed no plan table" });
    found.push(...(await audit(app, "plan")));

    await app.xkeys("ctrl+5");
    await (await $(`//div[@role="grid"][@aria-label="People sheet"]//div[@role="row"][@data-id]`)).waitForExist({ timeout: 20_000, timeoutMsg: "Ctrl+5 showed no sheet rows" });
    found.push(...(await audit(app, "sheet")));

    assert.deepEqual(found, [], `serious or critical violations:\n${found.map((v) => `- ${v.where}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n")}`);
  });
});

test("a person's title and manager are changed and both changes undone with the keyboard alone, and the live region says each step", async () => {
  await inWorkspace("a11y-keyboard", async (ws) => {
    const app = await App.launch(ws);
    const cards = await app.cards({ all: true });
    const byId = new Map(cards.map((c) => [c.id, c]));
    const root = cards.find((c) => c.manager === null);
    const reports = (id) => cards.filter((c) => c.manager === id);
    const [first, second] = reports(root.id);
    assert.ok(first && second, "the sample's root has two direct reports");

    // Tab walks the toolbar to the chart's canvas, which is named for what it shows.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await app.chord(K.Tab);
      reached = (await active(app))?.cls.includes("chart-canvas") ?? false;
    }
    assert.ok(reached, "Tab reaches the org chart's canvas");
    const canvas = await active(app);
    assert.match(canvas.label, /^Org chart, \d+ cards\. Arrow keys move between cards/);
    assert.equal(await app.exec(() => document.activeElement.getAttribute("role")), "application");
    await heard(app, (t) => t.length > 0, "something about the focused chart");

    // Arrows: the top of the org, its first report, the next one along; each is said with their place in the tree.
    await app.chord(K.ArrowDown);
    await heard(app, (t) => t.startsWith(`${root.name}, ${root.title}, top of the org, `), `${root.name} at the top`);
    await app.chord(K.ArrowDown);
    await heard(app, (t) => t.startsWith(`${first.name}, `), first.name);
    await app.chord(K.ArrowRight);
    const n = reports(second.id).length;
    await heard(app, `${second.name}, ${second.title}, reports to ${root.name}, ${n === 0 ? "no direct reports" : `${n} direct report${n === 1 ? "" : "s"}`}`);
    assert.deepEqual((await app.highlights()).selected, [second.id], "the arrows selected the person said");
    // The focus ring is drawn around that card (kept as the card's world rectangle, drawn just outside it).
    const ring = await app.waitFor(async () => (await app.highlights()).focusRing, { what: "a focus ring on the chart" });
    const [card, cam, box] = [await app.card(second.id), await app.exec(() => window.__topographTest.camera()), await app.canvasRect()];
    const onScreen = { x: box.x + (ring.x - cam.x) * cam.zoom, y: box.y + (ring.y - cam.y) * cam.zoom, w: ring.w * cam.zoom, h: ring.h * cam.zoom };
    for (const k of ["x", "y", "w", "h"]) assert.ok(Math.abs(onScreen[k] - card[k]) < 1, `the ring goes around ${second.name}'s card (${k}: ${onScreen[k]} against ${card[k]})`);

    // Enter: the inspector, at the name field; Tab on to the title, typed over, Enter applies.
    await app.chord(K.Enter);
    await app.waitFor(async () => (await active(app))?.field === "name", { what: "the inspector's name field to have the focus" });
    for (let i = 0; i < 10 && (await active(app))?.field !== "title"; i++) await app.chord(K.Tab);
    assert.equal((await active(app))?.field, "title", "Tab goes from the name to the title");
    await app.chord(K.Control, "a");
    const newTitle = "Head of Keyboards";
    await app.type(newTitle);
    await app.chord(K.Enter);
    await app.waitFor(async () => (await app.card(second.id))?.title === newTitle, { what: "the new title on the card" });
    const titleLabel = (await app.doc()).undo;
    await heard(app, `Done: ${titleLabel}`);

    // Escape gives the focus back to the chart, where it was.
    await app.chord(K.Escape);
    await app.waitFor(async () => (await active(app))?.cls.includes("chart-canvas"), { what: "Escape to give the focus back to the chart" });

    // M: "Reports to", type-ahead to the other report, Enter moves the person under them.
    await app.chord("m");
    await app.waitFor(async () => (await active(app))?.tag === "input" && (await app.exec(() => document.activeElement.getAttribute("role"))) === "combobox", { what: "M to put the focus in Reports to" });
    await app.type(first.name);
    await app.waitFor(() => app.exec((name) => [...document.querySelectorAll("[role=option]")].some((o) => o.textContent.includes(name)), first.name), { what: `${first.name} offered` });
    await app.chord(K.Enter);
    await app.waitFor(async () => (await app.card(second.id))?.manager === first.id, { what: `${second.name} to report to ${first.name}` });
    const moveLabel = (await app.doc()).undo;
    await heard(app, `Done: ${moveLabel}`);
    // Escape leaves "Reports to" for the chart, where Ctrl+Z is the document's undo (in a text field it is the field's).
    await app.chord(K.Escape);
    await app.waitFor(async () => (await active(app))?.cls.includes("chart-canvas"), { what: "Escape to give the focus back to the chart from Reports to" });
    assert.deepEqual((await app.highlights()).selected, [second.id], "Escape from the inspector keeps the person selected");

    // Undo both with the native menu's shortcut; each undo is said.
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await app.card(second.id))?.manager === root.id, { what: "the move undone" });
    await heard(app, `Undone: ${moveLabel}`);
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await app.card(second.id))?.title === byId.get(second.id).title, { what: "the title undone" });
    await heard(app, `Undone: ${titleLabel}`);
    await app.settled();
  });
});

test("the team map is walked with the arrow keys, into a team and out again, with a focus ring and each unit said", async () => {
  await inWorkspace("a11y-teammap", async (ws) => {
    const app = await App.launch(ws);
    const map = await openTeamMap(app, (m) => m.units.length >= 2);
    await app.exec(() => document.querySelector('[data-testid="team-map-canvas"]').focus());
    await heard(app, (t) => t.startsWith("Nothing focused"), "that nothing is focused yet");
    assert.match(await app.exec(() => document.activeElement.getAttribute("aria-label")), /^Team map, \d+ teams and groups\. Arrow keys/);

    // The first arrow starts at the first top-level unit; the ring is drawn around it.
    await app.chord(K.ArrowRight);
    const said = await heard(app, (t) => map.units.some((u) => t.startsWith(`${u.name}, `)), "a unit");
    const unit = map.units.find((u) => said.startsWith(`${u.name}, `));
    await app.waitFor(async () => (await app.exec(() => window.__topographTest.view())).units.includes(unit.id), { what: `${unit.name} selected` });
    const ringed = await app.waitFor(async () => {
      const m = await teamMap(app);
      const u = m.units.find((x) => x.id === unit.id), r = m.focusRing;
      // The ring is kept as the item's rectangle and drawn a few pixels outside it (ui/src/canvas/focusRing.ts).
      const same = r && u && Math.abs(r.x - u.x) < 1 && Math.abs(r.y - u.y) < 1 && Math.abs(r.w - u.w) < 1 && Math.abs(r.h - u.h) < 1;
      return same ? { r, u, canvas: m.canvas } : null;
    }, { what: `the focus ring drawn around ${unit.name}` });
    // The view keeps the focused unit on screen (a group bigger than the window, in part).
    const { u, canvas } = ringed;
    assert.ok(u.x < canvas.x + canvas.w && u.x + u.w > canvas.x && u.y < canvas.y + canvas.h && u.y + u.h > canvas.y, `${unit.name} is on screen`);

    // A step to a neighbour says another unit; Shift+Down goes into it (a unit or a person), Shift+Up back out.
    await app.chord(K.ArrowRight);
    const next = await heard(app, (t) => t !== said && map.units.some((u) => t.startsWith(`${u.name}, `)), "the next unit");
    await app.chord(K.Shift, K.ArrowDown);
    await heard(app, (t) => t !== next, "something inside the unit");
    await app.chord(K.Shift, K.ArrowUp);
    await heard(app, next);

    // Enter opens the inspector on it with the focus inside; Escape comes back to the map.
    await app.chord(K.Enter);
    await app.waitFor(() => app.exec(() => !!document.activeElement?.closest(".teammap-inspector")), { what: "the focus in the unit inspector" });
    await app.chord(K.Escape);
    await app.waitFor(() => app.exec(() => document.activeElement?.getAttribute("data-testid") === "team-map-canvas"), { what: "Escape back to the map" });
  });
});

test("the ownership map is stepped with the arrow keys, each area said with its owner, and Escape in its inspector returns to the map", async () => {
  await inWorkspace("a11y-ownership", async (ws) => {
    const app = await App.launch(ws);
    await app.xkeys("ctrl+3");
    const map = await app.waitFor(async () => {
      const m = await ownership(app);
      return m && m.frames > 0 && m.areas.length >= 2 ? m : null;
    }, { timeout: 20_000, what: "the ownership map" });
    await app.exec(() => document.querySelector(".ownership-map canvas").focus());
    assert.match(await app.exec(() => document.activeElement.getAttribute("aria-label")), /^Ownership map: \d+ product areas/);
    await heard(app, (t) => t.startsWith("No area selected"), "that no area is selected yet");

    // Down starts at the first area; the next Down goes to the row below, said with its parent and its owner.
    await app.chord(K.ArrowDown);
    await app.chord(K.ArrowDown);
    const m = await app.waitFor(async () => {
      const o = await ownership(app);
      return o.selected.length === 1 ? o : null;
    }, { what: "an area selected by the arrows" });
    const area = m.areas.find((a) => a.id === m.selected[0]);
    const parent = map.areas.find((a) => a.id === area.parent);
    const owner = map.teams.find((t) => t.id === area.owner);
    const said = await heard(app, (t) => t.startsWith(`${area.name}, `), area.name);
    if (parent) assert.ok(said.includes(`in ${parent.name}`), `"${said}" names the parent area ${parent.name}`);
    if (owner) assert.ok(said.includes(`owned by ${owner.name}`), `"${said}" names the owner ${owner.name}`);

    // Tab into the inspector and Escape from an unchanged field: back on the map with the area still selected.
    const inInspector = await app.exec(() => {
      const el = document.querySelector('aside[aria-label="Area inspector"] select, aside[aria-label="Area inspector"] input');
      el?.focus();
      return document.activeElement === el && !!el;
    });
    assert.ok(inInspector, "the area inspector has a field");
    await app.chord(K.Escape);
    await app.waitFor(() => app.exec(() => !!document.activeElement?.closest(".ownership-map")), { what: "Escape back to the ownership map" });
    assert.deepEqual((await ownership(app)).selected, [area.id], "the area stays selected");
  });
});
