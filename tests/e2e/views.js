// Steps on the app's views that several end-to-end files take the same way (the chart's cards, the team map and its
// Unassigned tray, the ownership map and the area inspector), so a change in the UI is mended in one place.
import { KEY, waitForQuiet } from "./harness.js";

/** WebDriver key codes the steps and tests press. */
export const K = { ...KEY, Insert: "\uE016", Tab: "\uE004", F2: "\uE032", Delete: "\uE017", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015" };

/** The open scenario's people by name: manager's name or null, read from every card. */
export async function tree(app) {
  const cards = await app.cards({ all: true });
  const byId = new Map(cards.map((c) => [c.id, c.name]));
  return Object.fromEntries(cards.map((c) => [c.name, c.manager === null ? null : byId.get(c.manager)]));
}

export async function dotted(app) {
  const names = new Map((await app.cards({ all: true })).map((c) => [c.id, c.name]));
  return (await app.exec(() => window.__topographTest.dottedLines())).map((d) => `${names.get(d.person)} → ${names.get(d.manager)}`).sort();
}

export function cardNamed(app, name, what = `a card named ${name}`) {
  return app.waitFor(() => app.card(name), { timeout: 10_000, what });
}

/** Types `name` over the selected "New person" in the inspector's name field, applies it with Enter, and gives the focus back to the chart with Escape. */
export async function nameNewPerson(app, name) {
  await app.waitFor(() => app.exec(() => document.activeElement?.getAttribute("data-field") === "name" && document.activeElement.value === "New person"), {
    what: "the new person's name field to have the focus",
  });
  await app.type(name);
  await app.chord(K.Enter);
  await cardNamed(app, name, `${name}'s card after Enter`);
  await app.chord(K.Escape);
  await app.waitFor(() => app.exec(() => document.activeElement?.classList.contains("chart-canvas")), { what: "the focus back on the chart" });
}

export function onCanvas(card, canvas) {
  return card.x >= canvas.x && card.y >= canvas.y && card.x + card.w <= canvas.x + canvas.w && card.y + card.h <= canvas.y + canvas.h;
}

/** Puts the insights panel away and fits the chart to what is left beside the inspector. */
export async function roomForTheChart(app) {
  const hide = await app.browser.$(`//button[@aria-label="Hide insights"]`);
  if (await hide.isExisting()) await hide.click();
  await app.browser.$(`//header[@role="toolbar"]//button[@data-action="fit"]`).click();
  await app.waitFor(async () => {
    const [all, canvas] = [await app.cards({ all: true }), await app.canvasRect()];
    return all.length > 0 && all.every((c) => onCanvas(c, canvas));
  }, { what: "every card on the canvas after Fit" });
}

export function teamMap(app) {
  return app.exec(() => window.__topographTest.teamMap());
}

export async function hideInsights(app) {
  const hide = await app.browser.$(`//button[@aria-label="Hide insights"]`);
  if (await hide.isExisting()) await hide.click();
}

export async function openTeamMap(app, until = () => true) {
  const tab = await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Team map"]`);
  await tab.waitForExist({ timeout: 5000, timeoutMsg: "no Team map tab" });
  await tab.click();
  await hideInsights(app);
  return app.waitFor(async () => {
    const m = await teamMap(app);
    return m && m.frames > 0 && until(m) ? m : null;
  }, { timeout: 20_000, what: "the team map" });
}

/** The Unassigned tray's people as drawn, with their boxes in window coordinates. */
export function tray(app) {
  return app.exec(() => [...document.querySelectorAll(".unassigned-tray li[data-person]")].map((li) => {
    const r = li.getBoundingClientRect();
    return { id: Number(li.dataset.person), name: li.querySelector(".tray-name").textContent, x: r.left, y: r.top, w: r.width, h: r.height };
  }));
}

export async function press(app, xpath, what) {
  const el = await app.browser.$(xpath);
  await el.waitForClickable({ timeout: 5000, timeoutMsg: `no ${what}` });
  await el.click();
}

export const field = (inspector, label) => `//aside[@aria-label="${inspector}"]//label[span[normalize-space()="${label}"]]//*[self::input or self::textarea]`;

export async function nameTeam(app, name) {
  await fill(app, field("Unit inspector", "Name"), name, "Name field in the unit inspector");
  return app.waitFor(async () => {
    const m = await teamMap(app);
    return m.units.some((u) => u.name === name) ? m : null;
  }, { timeout: 10_000, what: `a team called ${name}` });
}

export function ownership(app) {
  return app.exec(() => window.__topographTest.ownership());
}

export async function areaNamed(app, name) {
  return (await ownership(app))?.areas.find((a) => a.name === name) ?? null;
}

export function waitArea(app, name, what = name, pred = () => true) {
  return app.waitFor(async () => {
    const a = await areaNamed(app, name);
    return a && pred(a) ? a : null;
  }, { timeout: 10_000, what });
}

export async function renameField(app) {
  return app.waitFor(() => app.exec(() => {
    const el = document.activeElement;
    return el?.getAttribute("aria-label") === "Area name" ? el.value : null;
  }), { timeout: 10_000, what: "the in-place rename field to have the focus" });
}

export async function inspectorSelect(app, label, text) {
  const sel = await app.browser.$(`//aside[@aria-label="Area inspector"]//select[@aria-label="${label}"]`);
  await sel.waitForExist({ timeout: 5000, timeoutMsg: `no "${label}" in the area inspector` });
  await sel.selectByVisibleText(text);
}

export async function inspectorTitle(app) {
  return app.exec(() => document.querySelector('aside[aria-label="Area inspector"] h2')?.textContent ?? null);
}

/** Types `text` over what the field at `xpath` holds and presses Enter. */
export async function fill(app, xpath, text, what) {
  const el = await app.browser.$(xpath);
  await el.waitForExist({ timeout: 5000, timeoutMsg: `no ${what}` });
  await el.click();
  await app.exec(() => document.activeElement.select());
  await app.type(text);
  await app.chord(K.Enter);
}

/** File › Export… with Ctrl+E, the next save path preset to `file` (the native dialog cannot be driven); waits for the dialog's preview. */
export async function openExportDialog(app, file) {
  await app.exec((p) => window.__topographTest.presetSavePath(p), file);
  await app.xkeys("ctrl+e");
  const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="Export diagram"]]`);
  await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "Ctrl+E opened no export dialog" });
  const preview = await app.browser.$(`//figure[@aria-label="Preview"]//img`);
  await preview.waitForExist({ timeout: 20_000, timeoutMsg: "the dialog shows no preview" });
  return dialog;
}

/** Export… in the open export dialog, then the success message (returned), then Close unless `close` is false. */
export async function finishExport(app, { close = true, timeout = 90_000 } = {}) {
  await (await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Export…"]`)).click();
  const done = await app.browser.$(`//p[contains(@class, "export-done")]`);
  await done.waitForExist({ timeout, timeoutMsg: "the export reported no success" });
  const message = await done.getText();
  if (close) {
    await (await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Close"]`)).click();
    const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="Export diagram"]]`);
    await dialog.waitForExist({ reverse: true, timeout: 5000, timeoutMsg: "the dialog stayed open after Close" });
  }
  return message;
}

/** The export dialog from Ctrl+E to Close: `pick` sets the options in between; returns the success message. */
export async function exportWith(app, file, pick = async () => {}) {
  await openExportDialog(app, file);
  await pick();
  return finishExport(app);
}

/** The export dialog's checkbox labelled `label`. */
export const exportCheckbox = (app, label) => app.browser.$(`//label[contains(normalize-space(), "${label}")]/input`);

/**
 * Expand all (Shift+E on the chart), for steps that need every card laid out: the sample, like any org whose
 * deeper levels do not read in the window, opens folded to the levels that do.
 */
export async function expandAll(app) {
  await app.waitForFirstFrame();
  const everyone = () => app.exec(() => window.__topographTest.store().records?.persons.length ?? -1);
  await app.waitFor(async () => (await everyone()) > 0, { what: "the document's people" });
  await app.exec(() => document.querySelector(".chart-canvas")?.focus());
  if ((await app.cards({ all: true })).length < (await everyone())) await app.chord(KEY.Shift, "E");
  await app.waitFor(async () => (await app.cards({ all: true })).length >= (await everyone()), { timeout: 15_000, what: "every card laid out after Expand all" });
  await waitForQuiet(() => app.cards({ all: true }), { what: "the unfolded chart to settle" });
}

/**
 * File › New from the native menu (Ctrl+N) into `file`, then follows the new document: a window that shows a
 * document opens the new one in a window of its own.
 */
export async function newDocumentFromMenu(app, file) {
  await app.exec((p) => window.__topographTest.presetSavePath(p), file);
  await app.xkeys("ctrl+n");
  const dialog = await app.browser.$(`//div[@role="dialog"][.//h2[normalize-space()="New document"]]`);
  await dialog.waitForExist({ timeout: 10_000, timeoutMsg: "File › New asks what to start from" });
  await app.browser.$(`//div[@role="dialog"]//button[normalize-space()="Create…"]`).click();
  await app.followDocument(file);
}

/** From a new document's chart, by keyboard: Ada Lovelace, and Bo Chen and Cy Diaz reporting to her. */
export async function addThreePeople(app) {
  await app.chord(K.Insert);
  await nameNewPerson(app, "Ada Lovelace");
  await app.chord(K.Insert);
  await nameNewPerson(app, "Bo Chen");
  await app.chord(K.ArrowUp);
  await app.chord(K.Insert);
  await nameNewPerson(app, "Cy Diaz");
}
