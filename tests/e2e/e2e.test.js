// End-to-end flows of the real Topograph app: built binary, real webview, real pointer and keyboard.
// Run with `make e2e` (builds everything, runs under xvfb-run). See README.md in this folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { centre, cli, info, inWorkspace, KEY, preflight, reachable, sha256 } from "./harness.js";
import { expandAll } from "./views.js";

before(() => preflight());

/** Unique colours in a PNG (ImageMagick): a blank or failed paint has a handful, a drawn chart hundreds. */
function colours(png) {
  return Number(execFileSync("identify", ["-format", "%k", png]).toString().trim());
}

/** person id -> manager id over the whole scene, for "nothing changed" checks. */
async function managerMap(app) {
  return new Map((await app.cards({ all: true })).map((c) => [c.id, c.manager]));
}

/** Ids of people somebody reports to. */
function managersIn(cards) {
  return new Set(cards.map((c) => c.manager).filter((m) => m !== null));
}

/**
 * A move a user could make on the first screen: a person without reports (not the top) onto a manager who is not
 * already theirs, both cards wholly on screen and clear of the minimap.
 */
async function pickMove(app, { except = [] } = {}) {
  const all = await app.cards({ all: true });
  const managers = managersIn(all);
  const area = await app.pointerArea();
  const onScreen = (await app.cards()).filter((c) => reachable(c, area));
  const person = onScreen.find((c) => c.manager !== null && !managers.has(c.id) && !except.includes(c.id));
  assert.ok(person, `no person without reports wholly on screen; on screen: ${onScreen.map((c) => c.name).join(", ")}`);
  const target = onScreen.find((c) => c.id !== person.id && c.id !== person.manager && managers.has(c.id));
  assert.ok(target, `no manager on screen to move ${person.name} to`);
  const from = all.find((c) => c.id === person.manager);
  return { person, target, from };
}

async function waitForManager(app, personId, managerId, what) {
  return app.waitFor(async () => (await app.card(personId))?.manager === managerId, { timeout: 10_000, what });
}

/** A toolbar button by its action id (data-action) or its text. */
async function toolbarButton(app, label) {
  const b = await app.browser.$(`//header[@role="toolbar"]//button[@data-action="${label.toLowerCase()}" or normalize-space()="${label}"]`);
  await b.waitForExist({ timeout: 5000, timeoutMsg: `no "${label}" button in the toolbar` });
  return b;
}

test("first run shows the sample org's chart with the CEO on screen and the document's name in the window title", async () => {
  await inWorkspace("first run", async (ws) => {
    const app = await ws.launch();
    const doc = await app.doc();
    assert.equal(doc.name, "Sample", "the first run opens the sample document");
    assert.equal(doc.path, path.join(ws.dataDir, "Sample.topo"), "the sample is written into the app's data folder");
    assert.ok(fs.existsSync(doc.path), "the sample file exists on disk");
    assert.ok(doc.people > 100, `the sample has its people (${doc.people})`);

    const cards = await app.cards();
    assert.ok(cards.length >= 5, `several cards are on screen (${cards.length})`);
    const ceo = cards.find((c) => c.title === "Chief Executive Officer");
    assert.ok(ceo, `the CEO's card is on screen; on screen: ${cards.map((c) => `${c.name} (${c.title})`).join("; ")}`);
    assert.equal(ceo.manager, null, "the CEO reports to nobody");
    const canvas = await app.canvasRect();
    assert.ok(ceo.x >= canvas.x && ceo.x + ceo.w <= canvas.x + canvas.w && ceo.y >= canvas.y, "the CEO's card lies inside the chart");

    assert.equal(await app.nativeTitle(), "Sample — Topograph", "the window title names the document");
    const toolbar = await app.browser.$("header[role=toolbar] strong").getText();
    assert.equal(toolbar, "Sample", "the toolbar names the document");
    assert.equal((await app.status()).kind, "idle", `no error at start: ${JSON.stringify(await app.status())}`);

    const shot = await app.screenshot("chart");
    assert.ok(colours(shot) > 50, `the screenshot shows a drawn chart (${colours(shot)} colours in ${shot})`);
    await app.displayShot("chart");
  });
});

test("dragging a person onto a new manager moves them, and the move is still there after the app is closed and relaunched", async () => {
  await inWorkspace("drag to new manager", async (ws) => {
    let app = await ws.launch();
    // Every card laid out (the sample opens folded), so every person can be checked to still have one.
    await expandAll(app);
    const { person, target, from } = await pickMove(app);
    await app.drag(centre(person), centre(target));
    await waitForManager(app, person.id, target.id, `${person.name} to report to ${target.name} after the drop`);
    const doc = await app.doc();
    assert.ok(doc.undo, "the move can be undone");
    assert.match(await app.statusText(), /saved/, "the status bar says the change is saved");
    assert.equal((await app.cards({ all: true })).length, doc.people, "every person still has a card");
    await app.screenshot("after-drop");
    const sample = doc.path;
    await app.close();

    const facts = await info(sample);
    assert.equal(facts.can_undo, doc.undo, "the file's undo log holds the move");

    app = await ws.launch();
    assert.equal((await app.doc()).path, sample, "the relaunch reopens the last document");
    // The relaunch paints the folded first view, then the whole chart the user had unfolded.
    const moved = await app.waitFor(() => app.card(person.id), { what: `${person.name}'s card after the relaunch` });
    assert.equal(moved.manager, target.id, `${person.name} still reports to ${target.name} (was ${from.name})`);
    assert.equal((await app.doc()).undo, doc.undo, "the undo history survived the restart");
    await app.screenshot("relaunched");
  });
});

/** Everyone below `id` (not `id` itself), from a person id -> manager id map. */
function below(managers, id) {
  const out = new Set();
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, m] of managers) {
      if ((m === id || out.has(m)) && !out.has(p)) {
        out.add(p);
        grew = true;
      }
    }
  }
  return out;
}

/** The "Current" scenario of a closed file as `topograph export --format json` writes it: person id -> manager id. */
async function managersInFile(file) {
  const doc = JSON.parse(await cli("export", file, "--format", "json", "-o", "-"));
  const s = doc.scenarios.find((x) => x.name === "Current");
  return new Map(s.persons.map((p) => [p.id, p.manager]));
}

test("dragging a manager onto another manager moves their whole team with them, in the app and in the closed file", async () => {
  await inWorkspace("drag a team", async (ws) => {
    const app = await ws.launch();
    // Every card laid out, so the team's whole reporting lines can be compared before and after.
    await expandAll(app);
    const before = await managerMap(app);
    const area = await app.pointerArea();
    const onScreen = (await app.cards()).filter((c) => reachable(c, area));
    // The manager with the largest team of those on screen (below the top), and a manager outside that team, in
    // another branch if one is on screen (not above them), so the team lands somewhere new.
    const candidates = onScreen
      .filter((c) => c.manager !== null)
      .map((c) => ({ card: c, team: below(before, c.id) }))
      .filter((x) => x.team.size > 0)
      .sort((a, b) => b.team.size - a.team.size);
    let pick = null;
    for (const { card, team } of candidates) {
      const targets = onScreen.filter((c) => c.id !== card.id && c.id !== card.manager && !team.has(c.id) && below(before, c.id).size > 0);
      const target = targets.find((c) => !below(before, c.id).has(card.id)) ?? targets[0];
      if (target) {
        pick = { manager: card, team, target };
        break;
      }
    }
    assert.ok(pick, `no manager with reports and no other manager on screen: ${onScreen.map((c) => c.name).join(", ")}`);
    const { manager, team, target } = pick;
    assert.ok(team.size >= 2, `${manager.name} has a team to move (${team.size} below them)`);

    await app.drag(centre(manager), centre(target));
    await waitForManager(app, manager.id, target.id, `${manager.name} to report to ${target.name} after the drop`);
    await app.settled("the page and the back end to agree after the drop");
    // A plain drop issues move-subtree (Ctrl would move the person alone): the undo step says so.
    assert.equal((await app.doc()).undo, "Move team under new manager", "the edit moved the team");

    // Only the manager's own line changed: everyone in their team keeps their manager, so the team moved with them.
    const want = new Map(before);
    want.set(manager.id, target.id);
    const after = await managerMap(app);
    assert.deepEqual(after, want, "every other reporting line is as before");
    const underTarget = below(after, target.id);
    assert.ok([manager.id, ...team].every((id) => underTarget.has(id)), `${manager.name} and all ${team.size} of their team are below ${target.name}`);
    // The chart draws the moved team under the new manager.
    const cards = new Map((await app.cards({ all: true })).map((c) => [c.id, c]));
    const top = cards.get(target.id);
    for (const id of [manager.id, ...team]) {
      const c = cards.get(id);
      assert.ok(c && c.y > top.y, `${c?.name ?? id} is drawn below ${target.name}`);
    }

    const file = (await app.doc()).path;
    await app.close();
    assert.deepEqual(await managersInFile(file), want, "the closed file holds the moved team, and nothing else changed");
  });
});

test("holding Shift while dropping adds a dotted line instead of moving the person", async () => {
  await inWorkspace("shift drop", async (ws) => {
    const app = await ws.launch();
    const { person, target } = await pickMove(app);
    const before = (await app.doc()).undo;
    // Shift goes in the same WebDriver actions call as the pointer, held from before the press to after the release.
    await app.drag(centre(person), centre(target), { shift: true });
    await app.waitFor(async () => (await app.doc()).undo !== before, { what: "the Shift-drop to be saved" });
    assert.match((await app.doc()).undo, /dotted/i, "the edit is a dotted line");
    assert.equal((await app.card(person.id)).manager, person.manager, `${person.name} keeps their manager`);
    const file = (await app.doc()).path;
    await app.close();
    const fresh = path.join(ws.docs, "fresh sample.topo");
    await cli("sample", fresh);
    assert.equal((await info(file)).dotted_lines, (await info(fresh)).dotted_lines + 1, "the file has one dotted line more than a fresh sample");
  });
});

test("dropping a manager onto one of their own reports is refused with a visible message and changes nothing", async () => {
  await inWorkspace("refused drop", async (ws) => {
    const app = await ws.launch();
    const all = await app.cards({ all: true });
    const area = await app.pointerArea();
    const onScreen = (await app.cards()).filter((c) => reachable(c, area));
    // A manager with a report, both wholly on screen; a manager below the top, so the drop is not trivially odd.
    let manager, report;
    for (const r of onScreen) {
      const m = onScreen.find((c) => c.id === r.manager && c.manager !== null);
      if (m) { manager = m; report = r; break; }
    }
    assert.ok(manager && report, `no manager and report both on screen: ${onScreen.map((c) => c.name).join(", ")}`);
    const before = await managerMap(app);
    const docBefore = await app.doc();
    const framesBefore = (await app.info()).frames.count;

    // Press, glide onto the report and hold: the refusal shows while the card hovers there.
    await app.drag(centre(manager), centre(report), { hold: true });
    const refused = await app.waitFor(
      async () => {
        const h = await app.highlights();
        return h.dropTarget?.id === report.id && h.dropTarget.ok === false ? h.dropTarget : null;
      },
      { timeout: 5000, what: `the chart to refuse dropping ${manager.name} on ${report.name}` },
    );
    assert.match(refused.reason, /loop/, `the message says why: "${refused.reason}"`);
    assert.ok(refused.reason.includes(report.name) && refused.reason.includes(manager.name), `the message names both people: "${refused.reason}"`);
    assert.equal(await app.exec(() => document.querySelector("canvas.chart-canvas").style.cursor), "no-drop", "the cursor says no");
    await app.waitForFrameAfter(framesBefore);
    const shot = await app.screenshot("refusal-message");
    await app.release();

    await app.waitFor(async () => (await app.highlights()).drag === null, { what: "the drag to end" });
    await app.settled("the page and the back end to agree after the refused drop");
    assert.deepEqual(await managerMap(app), before, "nobody's manager changed");
    const docAfter = await app.doc();
    assert.equal(docAfter.undo, docBefore.undo, "nothing was added to the undo history");
    assert.notEqual((await app.status()).kind, "info", "no edit was reported as saved");
    assert.ok(all.length > 0 && fs.existsSync(shot));
    const file = docAfter.path;
    await app.close();
    assert.equal((await info(file)).can_undo, null, "the file has no edit in its history");
  });
});

test("undo and redo moves one step at a time with Ctrl+Z, Ctrl+Shift+Z and the toolbar, and a relaunch keeps the undo and redo state", async () => {
  await inWorkspace("undo redo", async (ws) => {
    let app = await ws.launch();
    // Two moves, so every step below shows that exactly one edit was undone or redone (a shortcut that fired
    // twice, once in the menu and once in the page, would take both back).
    const a = await pickMove(app);
    await app.drag(centre(a.person), centre(a.target));
    await waitForManager(app, a.person.id, a.target.id, `${a.person.name} to move to ${a.target.name}`);
    const b = await pickMove(app, { except: [a.person.id] });
    await app.drag(centre(b.person), centre(b.target));
    await waitForManager(app, b.person.id, b.target.id, `${b.person.name} to move to ${b.target.name}`);
    const label = (await app.doc()).undo;
    assert.ok(label, "the moves can be undone");
    const managersNow = async () => [(await app.card(a.person.id)).manager, (await app.card(b.person.id)).manager];
    const expectState = async (want, what) => {
      await app.waitFor(async () => JSON.stringify(await managersNow()) === JSON.stringify(want), { timeout: 10_000, what });
      // A second, unwanted undo or redo from the same key press would reach the back end before this round trip.
      await app.settled(`the page and the back end to agree after ${what}`);
      assert.deepEqual(await managersNow(), want, `${what}, and nothing more`);
      assert.notEqual((await app.status()).kind, "error", `no error after ${what}: ${JSON.stringify(await app.status())}`);
    };

    // The keyboard shortcuts belong to the native Edit menu: real X key presses reach its accelerators.
    await app.xkeys("ctrl+z");
    await expectState([a.target.id, b.from.id], `Ctrl+Z to undo ${b.person.name}'s move`);
    await app.xkeys("ctrl+z");
    await expectState([a.from.id, b.from.id], `a second Ctrl+Z to undo ${a.person.name}'s move`);
    assert.deepEqual(await app.doc().then((d) => [d.undo, d.redo]), [null, label], "after two Ctrl+Z only redo is possible");
    await app.xkeys("ctrl+shift+z");
    await expectState([a.target.id, b.from.id], `Ctrl+Shift+Z to redo ${a.person.name}'s move`);

    // The toolbar buttons, clicked with the pointer.
    await (await toolbarButton(app, "Redo")).click();
    await expectState([a.target.id, b.target.id], `the Redo button to redo ${b.person.name}'s move`);
    await app.waitFor(async () => !(await (await toolbarButton(app, "Redo")).isEnabled()), { what: "Redo to be disabled with nothing left to redo" });
    await (await toolbarButton(app, "Undo")).click();
    await expectState([a.target.id, b.from.id], `the Undo button to undo ${b.person.name}'s move`);
    assert.ok(await (await toolbarButton(app, "Undo")).isEnabled(), "Undo is still enabled: the first move is left");
    assert.ok(await (await toolbarButton(app, "Redo")).isEnabled(), "Redo is enabled");
    await app.screenshot("after-undo");
    const file = (await app.doc()).path;
    await app.close();

    const facts = await info(file);
    assert.deepEqual([facts.can_undo, facts.can_redo], [label, label], "the file's history: one move to undo, one to redo");

    app = await ws.launch();
    assert.deepEqual(await managersNow(), [a.target.id, b.from.id], "after the relaunch the first move is in, the second is not");
    assert.deepEqual(await app.doc().then((d) => [d.undo, d.redo]), [label, label], "the relaunched app can undo one move and redo the other");
    await (await toolbarButton(app, "Redo")).click();
    await expectState([a.target.id, b.target.id], `Redo after the relaunch to move ${b.person.name} again`);
    await app.xkeys("ctrl+z", "ctrl+z");
    await expectState([a.from.id, b.from.id], "two Ctrl+Z after the relaunch to undo both moves");
    await app.close();
    const end = await info(file);
    assert.deepEqual([end.can_undo, end.can_redo], [null, label], "the file's history after undoing everything");
  });
});

// Written against the intended UI before the search box landed (then only the search index was in, 6ee5a31); the
// box landed in e653e66 and the test now runs against it: an <input type="search"> in the toolbar with type-ahead
// options (role=option); Enter centres the chart on the person and highlights them and their managers. The text is
// typed with real key presses and the position is read from what the chart draws.
test("search centres the chart on a person deep in the tree and highlights them", async () => {
  await inWorkspace("search", async (ws) => {
    const app = await ws.launch();
    const box = await app.browser.$('header[role=toolbar] input[type="search"]');
    await box.waitForExist({ timeout: 5000, timeoutMsg: "no search box (<input type=search>) in the toolbar" });
    // Everyone, from the document (the chart opens folded, so deep people have no card until search shows them).
    const all = await app.waitFor(() => app.exec(() => window.__topographTest.store().records?.persons.map((p) => ({ id: p.id, name: p.name, manager: p.manager })) ?? null), { what: "the sample's people" });
    const byId = new Map(all.map((c) => [c.id, c]));
    const depth = (c) => { let d = 0; for (let m = c.manager; m !== null && d < all.length; d++) m = byId.get(m)?.manager ?? null; return d; };
    const names = new Map();
    for (const c of all) names.set(c.name, (names.get(c.name) ?? 0) + 1);
    const deepest = all.filter((c) => names.get(c.name) === 1).sort((a, b) => depth(b) - depth(a))[0];
    assert.ok(deepest && depth(deepest) >= 3, "the sample has someone at least three levels down");

    await box.click();
    const typed = Math.max(3, deepest.name.indexOf(" ") + 2); // first name and an initial: type-ahead, not the whole name
    await app.type(deepest.name.slice(0, typed));
    const option = await app.browser.$(`//*[@role="option"][contains(normalize-space(), "${deepest.name}")]`);
    await option.waitForExist({ timeout: 5000, timeoutMsg: `type-ahead does not offer ${deepest.name}` });
    await app.type(deepest.name.slice(typed));
    await app.browser.waitUntil(async () => (await box.getValue()) === deepest.name, { timeout: 5000, timeoutMsg: "the search box holds the whole name" });
    await app.chord(KEY.Enter);

    // Centred in the chart as it is after Enter (a panel opening beside it makes the canvas narrower).
    let last;
    const centred = await app
      .waitFor(
        async () => {
          const canvas = await app.canvasRect();
          const p = centre(await app.card(deepest.id));
          last = { card: p, chartCentre: { x: canvas.x + canvas.w / 2, y: canvas.y + canvas.h / 2 }, chartWidth: canvas.w };
          return Math.abs(p.x - last.chartCentre.x) < canvas.w * 0.1 && Math.abs(p.y - last.chartCentre.y) < canvas.h * 0.1;
        },
        { timeout: 5000, what: `Enter to centre the chart on ${deepest.name}` },
      )
      .catch(() => false);
    if (!centred) await app.screenshot("search-not-centred");
    assert.ok(centred, `${deepest.name}'s card is centred in the chart after Enter: ${JSON.stringify(last)}`);
    const h = await app.highlights();
    assert.ok(h.searchHits.includes(deepest.id), `${deepest.name} is highlighted as a hit`);
    assert.ok(h.searchChain.includes(deepest.manager), "their manager is highlighted as the chain to the top");
    await app.screenshot("search-hit");
  });
});

test("File > Save As writes a second document that opens with the same org", async () => {
  await inWorkspace("save as", async (ws) => {
    let app = await ws.launch();
    // An edit first, so the copy has to carry changes, not just the sample.
    const { person, target } = await pickMove(app);
    await app.drag(centre(person), centre(target));
    await waitForManager(app, person.id, target.id, `${person.name} to move before saving a copy`);
    const original = await app.cards({ all: true });
    const originalDoc = await app.doc();

    // The real menu path: its shortcut (Ctrl+Shift+S, File > Save As…) and the native GTK file dialog, answered
    // with the keyboard. The menu item runs actions::save_as with the path the dialog returns.
    const copy = path.join(ws.docs, "Reorg copy.topo");
    await app.xkeys("ctrl+shift+s");
    await app.answerFileDialog("Save a copy as", copy);
    await app.waitFor(async () => (await app.doc())?.name === "Reorg copy", { timeout: 10_000, what: "the app to continue in the copy" });
    assert.equal(await app.nativeTitle(), "Reorg copy — Topograph", "the window title names the copy");
    assert.ok(fs.existsSync(copy), "the copy was written");
    assert.equal((await app.status()).kind === "error", false, `no error: ${JSON.stringify(await app.status())}`);
    await app.close();

    const [a, b] = await Promise.all([info(originalDoc.path), info(copy)]);
    for (const k of ["people", "headcount", "units", "memberships", "dotted_lines", "areas", "scenarios"]) {
      assert.deepEqual(b[k], a[k], `the copy has the same ${k} as the original`);
    }

    app = await ws.launch({ args: [copy] });
    assert.equal((await app.doc()).path, copy, "the copy opens");
    const reopened = await app.cards({ all: true });
    const key = (cs) => cs.map((c) => `${c.id}|${c.name}|${c.title}|${c.manager}`).sort();
    assert.deepEqual(key(reopened), key(original), "the copy shows the same people, titles and managers");
    assert.equal((await app.card(person.id)).manager, target.id, "the edit made before Save As is in the copy");
    await app.screenshot("copy-opened");
  });
});

test("opening a garbage file shows an error and leaves the file byte-for-byte unchanged", async () => {
  await inWorkspace("garbage file", async (ws) => {
    // Text that is no document at all, and a file that starts like SQLite but is noise after the header.
    const text = path.join(ws.docs, "notes.topo");
    fs.writeFileSync(text, Buffer.from("These are not the org charts you are looking for.\n".repeat(80)));
    const noisy = path.join(ws.docs, "damaged.topo");
    const noise = Buffer.alloc(16384);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    Buffer.from("SQLite format 3\0").copy(noise, 0);
    fs.writeFileSync(noisy, noise);
    const hashes = { [text]: sha256(text), [noisy]: sha256(noisy) };
    const listing = () => fs.readdirSync(ws.docs).sort();
    const filesBefore = listing();

    // 1. Named on the command line (as a file manager does): no document opens, the status bar says why.
    let app = await ws.launch({ args: [text], waitForChart: false });
    const err = await app.waitFor(async () => ((await app.status()).kind === "error" ? app.status() : null), { what: "an error in the status bar" });
    assert.equal(err.code, "not_a_document", `the error's code: ${JSON.stringify(err)}`);
    const shown = await app.browser.$("footer.statusbar .error");
    assert.ok(await shown.isDisplayed(), "the error is visible in the status bar");
    assert.match(await shown.getText(), /not a Topograph document/);
    assert.match(await app.browser.$("main").getText(), /No document is open/);
    assert.equal(await app.nativeTitle(), "Topograph", "no document name in the title");
    await app.screenshot("error-on-start");
    await app.close();

    // 2. File > Open (Ctrl+O and the native dialog) while the sample is open: refused, the sample stays open.
    app = await ws.launch();
    const sample = (await app.doc()).path;
    await app.xkeys("ctrl+o");
    await app.answerFileDialog("Open a Topograph document", noisy);
    const err2 = await app.waitFor(async () => ((await app.status()).kind === "error" ? app.status() : null), { what: "File > Open to report the damaged file" });
    assert.ok(["corrupt", "not_a_document"].includes(err2.code), `a damaged-file error: ${JSON.stringify(err2)}`);
    assert.ok(await app.browser.$("footer.statusbar .error").isDisplayed(), "the error is visible in the status bar");
    assert.equal((await app.doc()).path, sample, "the open document stays open");
    assert.equal(await app.nativeTitle(), "Sample — Topograph");
    assert.ok((await app.cards()).length > 0, "the chart is still there");
    await app.screenshot("error-on-open");
    await app.close();

    for (const [file, hash] of Object.entries(hashes)) assert.equal(sha256(file), hash, `${path.basename(file)} is byte-for-byte unchanged`);
    assert.deepEqual(listing(), filesBefore, "no journal or other file appeared beside them");
  });
});
