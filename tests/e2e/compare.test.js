// End-to-end flow of compare mode in the real app: a transferred area marked and focused on the ownership map, and a
// "−N left" badge on the old manager of a deleted person. Run with `make e2e` (see README.md in this folder).
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { centre, inWorkspace, preflight, reachable } from "./harness.js";

before(() => preflight());

/** WebDriver's Delete key. */
const DELETE = "\uE017";

/** The first button whose visible text starts with `text`, inside the element `scope` selects (XPath), once it exists. */
async function button(app, text, scope = "") {
  const b = await app.browser.$(`${scope}//button[starts-with(normalize-space(), "${text}")]`);
  await b.waitForExist({ timeout: 5000, timeoutMsg: `no "${text}" button${scope ? ` in ${scope}` : ""}` });
  return b;
}

const PANEL = `//aside[@aria-label="Compare scenarios"]`;

const ownership = (app) => app.exec(() => window.__topographTest.ownership());

async function showOwnership(app) {
  await (await button(app, "Ownership", `//nav[@role="tablist"]`)).click();
  return app.waitFor(async () => {
    const o = await ownership(app);
    return o && o.areas.length > 0 && o.teams.length > 0 ? o : null;
  }, { timeout: 20_000, what: "the ownership map" });
}

test("compare mode marks a transferred area with its old owner and focuses it from the change list, and badges a leaver's old manager", async () => {
  await inWorkspace("compare mode", async (ws) => {
    const app = await ws.launch();
    await app.waitForFirstFrame();

    // Fork through the scenario bar; the copy opens.
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    await (await button(app, "New scenario from")).click();
    await app.fill(`//form[@role="dialog"]//input[@aria-label="Scenario name"]`, "Proposal");
    // Counted before the click: the copy's chart can be drawn before the fork is seen in the undo label.
    const framesBefore = (await app.info()).frames.count;
    await (await button(app, "Create", `//form[@role="dialog"]`)).click();
    await app.waitFor(async () => (await app.doc())?.undo === "Fork scenario", { timeout: 10_000, what: "the fork" });
    const bar = await app.browser.$(`//button[contains(@class, "scenario-current")]`);
    await app.waitFor(async () => (await bar.getText()).startsWith("Proposal"), { what: "the copy is open" });
    await app.waitForFrameAfter(framesBefore);

    // Delete a person with no reports whose manager's card is on screen.
    const all = await app.cards({ all: true });
    const managers = new Set(all.map((c) => c.manager).filter((m) => m !== null));
    const area = await app.pointerArea();
    const onScreen = (await app.cards()).filter((c) => reachable(c, area));
    const leaver = onScreen.find((c) => c.manager !== null && !managers.has(c.id) && onScreen.some((m) => m.id === c.manager));
    assert.ok(leaver, "a person without reports and their manager are on screen");
    const peopleBefore = (await app.doc()).people;
    await app.click(centre(leaver));
    await app.waitFor(async () => (await app.highlights()).selected.includes(leaver.id), { what: "the person is selected" });
    await app.chord(DELETE);
    await (await button(app, "Delete", `//div[@role="alertdialog"]`)).click();
    await app.waitFor(async () => (await app.doc()).people === peopleBefore - 1, { what: "the person is deleted" });

    // Hand an owned area over to another team on the ownership map.
    const map = await showOwnership(app);
    const inside = (b) => reachable(b, { canvas: map.canvas });
    // A leaf (dropping a parent hands its leaves over instead): in the pre-order rows, the next row is not indented further.
    const rows = [...map.areas].sort((a, b) => a.y - b.y);
    const leaf = (a) => { const next = rows[rows.indexOf(a) + 1]; return !next || next.x <= a.x; };
    const moved = map.areas.find((a) => a.owner !== null && leaf(a) && inside(a) && map.teams.some((t) => t.id !== a.owner && inside(t)));
    assert.ok(moved, `an owned area and another team are on screen; areas: ${map.areas.map((a) => `${a.name}:${a.owner}`).join(", ")}`);
    const newOwner = map.teams.find((t) => t.id !== moved.owner && inside(t));
    const oldOwner = map.teams.find((t) => t.id === moved.owner);
    await app.drag(centre(moved), centre(newOwner));
    await app.waitFor(async () => (await ownership(app))?.areas.find((a) => a.id === moved.id)?.owner === newOwner.id, { what: "the area changed owner" });

    // Compare the baseline with the proposal and turn compare mode on.
    await (await app.browser.$(`//button[contains(@class, "scenario-current")]`)).click();
    await (await button(app, "Compare")).click();
    const row = await app.browser.$(`${PANEL}//button[@data-kind="owner-changed" and @data-id="${moved.id}"]`);
    await row.waitForExist({ timeout: 10_000, timeoutMsg: "the change list lists the transfer" });
    await (await app.browser.$(`${PANEL}//label[contains(., "Show on chart")]/input`)).click();

    // The chart badges the leaver's old manager, naming who left.
    const left = await app.waitFor(async () => (await app.highlights()).left.find((b) => b.id === leaver.manager) ?? null, {
      timeout: 10_000, what: "a left badge on the old manager",
    });
    assert.deepEqual(left.names, [leaver.name]);
    await app.screenshot("left-badge");

    // The ownership map marks the area as transferred, naming its old owner.
    await showOwnership(app);
    const marked = await app.waitFor(async () => (await ownership(app))?.compare?.areas.find((a) => a.id === moved.id) ?? null, {
      timeout: 10_000, what: "the area marked on the ownership map",
    });
    assert.equal(marked.kind, "transferred");
    assert.equal(marked.from, oldOwner.id);
    assert.equal(marked.label, `from ${oldOwner.name}`);
    assert.ok(!(await ownership(app)).selected.includes(moved.id), "the area is not focused yet");

    // Its row in the change list brings the map to it: centred and outlined.
    await (await app.browser.$(`//nav[@role="tablist"]//button[normalize-space()="Org chart"]`)).click();
    await row.click();
    await app.waitFor(async () => {
      const o = await ownership(app);
      return o && o.selected.includes(moved.id) ? o : null;
    }, { timeout: 10_000, what: "the map focuses the area" });
    // The area inspector opens beside the map and narrows it (its effort line arrives a moment later); the map
    // centres the row again after each resize, so the row ends in the middle of what is left.
    let last = null;
    const centred = await app.waitFor(async () => {
      const o = await ownership(app);
      const box = o?.areas.find((a) => a.id === moved.id);
      if (!box) return null;
      const c = centre(box), mid = centre(o.canvas);
      last = { c, mid };
      return Math.abs(c.x - mid.x) < 40 && Math.abs(c.y - mid.y) < 40 ? last : null;
    }, { timeout: 10_000, what: "the focused area in the middle of the map" }).catch(() => null);
    assert.ok(centred, `the area is in the middle of the map: ${JSON.stringify(last)}`);
    assert.equal((await app.exec(() => window.__topographTest.view())).view, "ownership");
    await app.screenshot("area-focused");
    await app.close();
  });
});
