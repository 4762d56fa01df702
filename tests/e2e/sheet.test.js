// The people sheet in the real app (Sheet tab, Ctrl+5): a bulk edit of selected rows is one undo step, a block
// pasted from another program's clipboard fills a 2×3 block of cells, a filter highlights the same people on the
// org chart, and a paste that would make a reporting loop is refused with the row named and nothing changed.
// Run with `make e2e`; see README.md in this folder.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { before, test } from "node:test";
import { inWorkspace, preflight, waitFor } from "./harness.js";
import { addThreePeople, K, newDocumentFromMenu } from "./views.js";

before(() => preflight());

const GRID = `//div[@role="grid"][@aria-label="People sheet"]`;

/** The rows of the sheet in the DOM (those in view), each as { id, <column key>: text }, top to bottom. */
function rows(app) {
  return app.exec(() =>
    [...document.querySelectorAll('[role=grid] [role=row][data-id]')]
      .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
      .map((r) => ({ id: Number(r.dataset.id), ...Object.fromEntries([...r.querySelectorAll("[role=gridcell]")].map((c) => [c.dataset.key, c.textContent])) })),
  );
}

async function showSheet(app) {
  await app.xkeys("ctrl+5");
  await (await app.browser.$(GRID)).waitForExist({ timeout: 20_000, timeoutMsg: "Ctrl+5 shows the sheet" });
  return waitFor(async () => ((await rows(app)).length > 0 ? rows(app) : null), { timeout: 20_000, what: "the sheet's rows" });
}

/** Clicks a cell with the real pointer (Ctrl or Shift held when asked). */
async function clickCell(app, id, key, { ctrl = false, shift = false } = {}) {
  const at = await app.waitFor(() => app.exec((i, k) => {
    const c = document.querySelector(`[role=row][data-id="${i}"] [role=gridcell][data-key="${k}"]`);
    if (!c) return null;
    const r = c.getBoundingClientRect();
    return { x: r.x + Math.min(20, r.width / 2), y: r.y + r.height / 2 };
  }, id, key), { what: `the ${key} cell of row ${id}` });
  const mod = ctrl ? K.Control : shift ? K.Shift : null;
  const pointer = [
    { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(at.x), y: Math.round(at.y) },
    { type: "pointerDown", button: 0 },
    { type: "pause", duration: 40 },
    { type: "pointerUp", button: 0 },
  ];
  const sources = [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: mod ? [{ type: "pause", duration: 0 }, ...pointer] : pointer }];
  if (mod) sources.push({ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: mod }, ...pointer.map(() => ({ type: "pause", duration: 0 })), { type: "keyUp", value: mod }] });
  await app.browser.performActions(sources);
  await app.browser.releaseActions();
}

/** Adds a filter row through the filter bar: field, operator, value. */
async function addFilter(app, field, op, value) {
  await (await app.browser.$(`//div[@aria-label="Filters"]//button[normalize-space()="+ Filter"]`)).click();
  const n = (await app.browser.$$(`//div[@aria-label="Filters"]//select[contains(@aria-label, "field")]`)).length;
  await (await app.browser.$(`//select[@aria-label="Filter ${n} field"]`)).selectByVisibleText(field);
  await (await app.browser.$(`//select[@aria-label="Filter ${n} operator"]`)).selectByVisibleText(op);
  const input = await app.browser.$(`//*[@aria-label="Filter ${n} value"]`);
  if ((await input.getTagName()) === "select") await input.selectByVisibleText(value);
  else await input.setValue(value);
}

/** Puts `text` on the X clipboard as another program (a spreadsheet) does; stop it with .kill(). */
async function ownClipboard(text) {
  const owner = spawn("/usr/bin/python3", [path.join(import.meta.dirname, "clipboard.py"), text], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    owner.stdout.on("data", (d) => { if (String(d).includes("ready")) resolve(); });
    owner.once("exit", (code) => reject(new Error(`clipboard.py exited (${code}) before setting the clipboard`)));
  });
  return owner;
}

const alertText = (app) => app.exec(() => document.querySelector(".sheet-problem")?.textContent ?? null);

test("in the sample's sheet three selected people get a new manager in one step that one Ctrl+Z takes back, a filter highlights the same people on the chart and the team map and is saved as a view, and a loop pasted into a manager cell is refused with its row named", async () => {
  await inWorkspace("sheet sample", async (ws) => {
    const app = await ws.launch();
    await showSheet(app);

    // Three product designers (no reports) in a row: filter to them, click the first, Shift+Down twice.
    await addFilter(app, "Title", "is", "Product Designer");
    const designers = await app.waitFor(async () => {
      const r = await rows(app);
      return r.length >= 3 && r.every((x) => x.title === "Product Designer") ? r : null;
    }, { what: "the filter to leave the product designers" });
    const three = designers.slice(0, 3);
    const before = Object.fromEntries(three.map((r) => [r.id, r.manager]));
    await clickCell(app, three[0].id, "name");
    await app.xkeys("shift+Down", "shift+Down");
    const bulk = await app.browser.$(`//div[@aria-label="Bulk actions"]`);
    await bulk.waitForExist({ timeout: 5000, timeoutMsg: "selecting three rows offers the bulk actions" });
    assert.match(await bulk.getText(), /3 selected/);
    const picker = await app.browser.$(`//div[@aria-label="Bulk actions"]//input[@role="combobox"]`);
    await picker.click();
    await app.type("Camille");
    await (await app.browser.$(`//ul[@role="listbox"]//li[contains(., "Camille Laurent")]`)).waitForExist({ timeout: 5000, timeoutMsg: "the picker offers Camille Laurent" });
    await app.chord(K.Enter);
    await app.waitFor(async () => {
      const now = await rows(app);
      return three.every((t) => now.find((r) => r.id === t.id)?.manager === "Camille Laurent");
    }, { what: "the three rows to show their new manager" });
    assert.equal((await app.doc()).undo, "Set the manager of 3 people", "the bulk edit is one undo step");
    await app.screenshot("bulk-manager");

    // One Ctrl+Z (the grid has the focus, not a text field) brings all three back.
    await clickCell(app, three[0].id, "title");
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => {
      const now = await rows(app);
      return three.every((t) => now.find((r) => r.id === t.id)?.manager === before[t.id]);
    }, { what: "one undo to give the three their managers back" });

    // The filter highlights the same people on the org chart.
    const matched = (await rows(app)).map((r) => r.id).sort((a, b) => a - b);
    await app.xkeys("ctrl+1");
    await app.waitForFirstFrame();
    await app.waitFor(async () => JSON.stringify((await app.highlights()).searchHits.sort((a, b) => a - b)) === JSON.stringify(matched), {
      what: `the chart to highlight the ${matched.length} filtered people`,
    });
    // And on the team map: every chip of theirs is marked, no other chip.
    await app.xkeys("ctrl+2");
    const marked = await app.waitFor(async () => {
      const m = await app.exec(() => window.__topographTest.teamMap());
      return m && m.chips.some((c) => c.hit) ? m.chips : null;
    }, { timeout: 20_000, what: "the team map to mark the filtered people's chips" });
    const filtered = new Set(matched);
    for (const c of marked) assert.equal(c.hit, filtered.has(c.id), `${c.name}'s chip is ${filtered.has(c.id) ? "" : "not "}marked`);
    await app.screenshot("sheet-filter-on-team-map");

    // The filter is kept in the document as a saved view, one undo step like any edit.
    await showSheet(app);
    await (await app.browser.$(`//input[@aria-label="View name"]`)).setValue("Product designers");
    await (await app.browser.$(`//div[@aria-label="Saved views"]//button[normalize-space()="Save view"]`)).click();
    await app.waitFor(async () => (await app.doc()).undo === "Save sheet view", { what: "the view to be saved" });
    await app.waitFor(() => app.exec(() => [...document.querySelectorAll('select[aria-label="Saved view"] option')].some((o) => o.textContent === "Product designers")), {
      what: "the saved view to be offered",
    });

    // A reporting loop by paste: the Head of Design's manager cell gets one of her reports. Refused, row named.
    await (await app.browser.$(`//button[@aria-label="Remove filter 1"]`)).click();
    await addFilter(app, "Name", "contains", "Castillo");
    const sofia = await app.waitFor(async () => {
      const r = await rows(app);
      return r.length === 1 && r[0].name === "Sofía Castillo" ? r[0] : null;
    }, { what: "the filter to leave the Head of Design" });
    const undoBefore = (await app.doc()).undo;
    await clickCell(app, sofia.id, "manager");
    const clip = await ownClipboard(designers[0].name);
    try {
      await app.xkeys("ctrl+v");
      const refusal = await app.waitFor(() => alertText(app), { what: "the paste to be refused" });
      assert.match(refusal, /^Nothing changed: row 1 \(Sofía Castillo\): /, "the refusal names the row");
      assert.match(refusal, /reporting line/, "and says why");
    } finally {
      clip.kill();
    }
    await app.settled();
    assert.equal((await app.doc()).undo, undoBefore, "nothing was applied");
    assert.equal((await rows(app))[0].manager, sofia.manager, "the manager cell still shows her manager");
    await app.screenshot("loop-refused");
    await app.close();
  });
});

test("from File › New, a 2×3 block copied in another program pastes into the sheet as one undo step", async () => {
  await inWorkspace("sheet new", async (ws) => {
    const app = await ws.launch();
    const file = path.join(ws.docs, "Sheet org.topo");
    // The window shows the sample, so the new document opens in a window of its own.
    await newDocumentFromMenu(app, file);

    // Three people from the keyboard on the chart: Ada, and Bo and Cy reporting to her.
    await addThreePeople(app);

    const start = await showSheet(app);
    assert.deepEqual(start.map((r) => r.name), ["Ada Lovelace", "Bo Chen", "Cy Diaz"], "the sheet lists the three");
    assert.equal(await app.exec(() => document.querySelector("[role=grid]").getAttribute("aria-rowcount")), "4", "a header and three rows");

    // Bo's title cell, then Ctrl+V of two rows × three cells (title, discipline, level) as a spreadsheet copies them.
    await clickCell(app, start[1].id, "title");
    const clip = await ownClipboard("Staff Engineer\tdesign\tL5\nUX Researcher\tresearch\tL4\n");
    try {
      await app.xkeys("ctrl+v");
      await app.waitFor(async () => {
        const r = await rows(app);
        return r[1].title === "Staff Engineer" && r[2].level === "L4";
      }, { what: "the pasted block in the cells" });
    } finally {
      clip.kill();
    }
    const pasted = await rows(app);
    assert.deepEqual(pasted.slice(1).map((r) => [r.title, r.discipline, r.level]), [["Staff Engineer", "design", "L5"], ["UX Researcher", "research", "L4"]]);
    assert.deepEqual([pasted[0].title, pasted[0].level], [start[0].title, start[0].level], "the row above is untouched");
    assert.equal((await app.doc()).undo, "Paste 6 cells", "the paste is one undo step");

    await app.xkeys("ctrl+z");
    await app.waitFor(async () => JSON.stringify((await rows(app)).map((r) => [r.title, r.discipline, r.level])) === JSON.stringify(start.map((r) => [r.title, r.discipline, r.level])), {
      what: "one undo to take the whole block back",
    });
    await app.close();
  });
});
