// One window per document and one running app: a second launch (as a file manager's double-click does) hands its
// document to the running app and exits; the document opens in a window of its own, each window with its own
// document read through that window's test accessor; opening a document that is open already brings its window to
// the front instead of opening another. Focus is read from the X server, which the app's windows ask for it.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { promisify } from "node:util";
import { APP, appEnv, centre, cli, inWorkspace, preflight, waitFor, withTimeout } from "./harness.js";
import { nameNewPerson } from "./views.js";

const run = promisify(execFile);

before(() => preflight());

async function sampleDoc(ws, name) {
  const doc = path.join(ws.docs, `${name}.topo`);
  await cli("sample", doc);
  return doc;
}

/**
 * Launches the app binary itself, as a desktop does, with the test's environment (so it finds the running app's data
 * folder), and answers its exit code and output. A second launch must be done within 30 s.
 */
async function secondLaunch(ws, args) {
  const child = spawn(APP, args, { env: appEnv(ws), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { out += d; });
  try {
    const code = await withTimeout(new Promise((resolve) => child.once("exit", (c, sig) => resolve(c ?? sig))), 30_000, `the second launch (${args.join(" ")}) to exit`);
    return { code, out };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}

/** The X windows of process `pid` whose title names `name` ("<name> — Topograph"), none when there is none. */
async function xWindowsNamed(pid, name) {
  const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(pid), "--name", `^${name} — Topograph$`], { timeout: 5000 }).catch(() => ({ stdout: "" }));
  return stdout.trim().split("\n").filter(Boolean);
}

/** The X window of the app whose title names `name` ("<name> — Topograph"). */
async function xWindowOf(app, name) {
  return waitFor(async () => (await xWindowsNamed(app.pid, name))[0] ?? null, { timeout: 15_000, what: `a window titled "${name} — Topograph"` });
}

/** The X window that has the keyboard focus now. */
async function xFocus() {
  const { stdout } = await run("xdotool", ["getwindowfocus"], { timeout: 5000 });
  return stdout.trim();
}

/** Each window's document, read through its own test accessor (WebDriver switches between the windows). */
async function documentsByWindow(app) {
  const handles = await app.browser.getWindowHandles();
  const docs = [];
  for (const h of handles) {
    await app.browser.switchToWindow(h);
    const doc = await app.waitFor(() => app.exec(() => window.__topographTest?.doc() ?? null), { timeout: 20_000, what: `the document of window ${h}` }).catch(async (e) => {
      const page = await app.exec(() => ({ url: location.href, marker: !!window.__TOPOGRAPH_E2E__, text: document.body?.innerText.slice(0, 300) })).catch((x) => ({ error: x.message }));
      throw new Error(`${e.message}; the page: ${JSON.stringify(page)}`);
    });
    docs.push(doc.name);
  }
  return docs.sort();
}

test("a document launched while another is open comes up in a window of its own in the running app, the launch exits, and launching it again brings that window to the front instead of a third", async () => {
  await inWorkspace("second launch", async (ws) => {
    const first = await sampleDoc(ws, "First");
    const second = await sampleDoc(ws, "Second");
    const app = await ws.launch({ args: [first] });
    assert.equal((await app.doc()).name, "First");

    const launched = await secondLaunch(ws, [second]);
    assert.equal(launched.code, 0, `the second launch exits 0; its output:\n${launched.out}`);
    const secondWin = await xWindowOf(app, "Second");
    const firstWin = await xWindowOf(app, "First");
    await app.waitFor(async () => (await xFocus()) === secondWin, { timeout: 10_000, what: "the new window to have the focus" });
    await app.waitFor(async () => (await app.browser.getWindowHandles()).length === 2, { timeout: 10_000, what: "two windows" });
    assert.deepEqual(await documentsByWindow(app), ["First", "Second"], "each window shows its own document");

    // The first window in front; the same document launched again: its window comes forward, no third one.
    await run("xdotool", ["windowfocus", "--sync", firstWin], { timeout: 5000 });
    await app.waitFor(async () => (await xFocus()) === firstWin, { timeout: 5000, what: "the first window to have the focus" });
    const again = await secondLaunch(ws, [second]);
    assert.equal(again.code, 0, `launching the open document again exits 0; its output:\n${again.out}`);
    await app.waitFor(async () => (await xFocus()) === secondWin, { timeout: 10_000, what: "the window of the document launched again to come to the front" });
    assert.equal((await app.browser.getWindowHandles()).length, 2, "no third window");
    assert.deepEqual(await documentsByWindow(app), ["First", "Second"]);

    // A launch with nothing to open only brings the app forward.
    await run("xdotool", ["windowfocus", "--sync", firstWin], { timeout: 5000 });
    const bare = await secondLaunch(ws, []);
    assert.equal(bare.code, 0, `a bare second launch exits 0; its output:\n${bare.out}`);
    assert.equal((await app.browser.getWindowHandles()).length, 2, "a bare launch opens no window");
  });
});

/** Presses keys in the X window `win` (focused first, as a click on it would), e.g. the native menu's accelerators. */
async function keysIn(win, ...combos) {
  await run("xdotool", ["windowfocus", "--sync", win], { timeout: 5000 });
  await run("xdotool", ["key", "--clearmodifiers", "--delay", "30", ...combos], { timeout: 10_000 });
}

/** Makes WebDriver talk to the window whose page shows `name` (null: the window with no document). */
async function switchToDocument(app, name) {
  await app.waitFor(async () => {
    for (const h of await app.browser.getWindowHandles()) {
      await app.browser.switchToWindow(h);
      const doc = await app.exec(() => (window.__topographTest ? { shown: window.__topographTest.doc()?.name ?? null } : null));
      if (doc && doc.shown === name) return true;
    }
    return false;
  }, { timeout: 20_000, what: `a window showing ${name ?? "no document"}` });
}

test("File › New Window opens an empty window, File › Open there opens the document in it, and opening a document another window shows brings that window forward", async () => {
  await inWorkspace("new window", async (ws) => {
    const first = await sampleDoc(ws, "First");
    const second = await sampleDoc(ws, "Second");
    const app = await ws.launch({ args: [first] });
    const firstWin = await xWindowOf(app, "First");

    await keysIn(firstWin, "ctrl+shift+n");
    await app.waitFor(async () => (await app.browser.getWindowHandles()).length === 2, { timeout: 15_000, what: "File › New Window to open a second window" });
    const emptyWin = await app.waitFor(async () => {
      const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(app.pid), "--name", "^Topograph$"], { timeout: 5000 }).catch(() => ({ stdout: "" }));
      return stdout.trim().split("\n")[0] || null;
    }, { timeout: 10_000, what: "a window titled Topograph, with no document" });
    await app.waitFor(async () => (await xFocus()) === emptyWin, { timeout: 10_000, what: "the new window to have the focus" });
    await switchToDocument(app, null);
    await app.waitFor(async () => /No document is open/.test(await app.browser.$("main").getText()), { what: "the new window to say no document is open" });

    // File › Open in the empty window opens the document there.
    await keysIn(emptyWin, "ctrl+o");
    await app.answerFileDialog("Open a Topograph document", second);
    await app.waitFor(async () => (await app.doc())?.name === "Second", { timeout: 20_000, what: "the empty window to show Second" });
    assert.equal((await app.browser.getWindowHandles()).length, 2, "no third window");
    const secondWin = await xWindowOf(app, "Second");
    assert.equal(secondWin, emptyWin, "the same window now names its document");

    // File › Open naming the document the other window shows: that window comes forward, nothing else opens.
    await keysIn(secondWin, "ctrl+o");
    await app.answerFileDialog("Open a Topograph document", first);
    await app.waitFor(async () => (await xFocus()) === firstWin, { timeout: 10_000, what: "the window showing First to come to the front" });
    assert.equal((await app.browser.getWindowHandles()).length, 2, "no third window");
    assert.equal((await app.doc()).name, "Second", "the window that asked keeps its document");
    await switchToDocument(app, "First");
  });
});

/** Clicks X window `win`'s close button as a window manager delivers the click (closewindow.py). */
async function closeButton(win) {
  await run("/usr/bin/python3", [path.join(import.meta.dirname, "closewindow.py"), win], { timeout: 10_000 });
}

test("Close Window (Ctrl+Shift+W) closes only its own window: the other window's document stays editable, and the closed document opens again at once", async () => {
  await inWorkspace("close window", async (ws) => {
    const first = await sampleDoc(ws, "First");
    const second = await sampleDoc(ws, "Second");
    const app = await ws.launch({ args: [first] });
    assert.equal((await secondLaunch(ws, [second])).code, 0);
    const secondWin = await xWindowOf(app, "Second");
    await app.waitFor(async () => (await app.browser.getWindowHandles()).length === 2, { timeout: 10_000, what: "two windows" });

    await keysIn(secondWin, "ctrl+shift+w");
    await app.waitFor(async () => (await xWindowsNamed(app.pid, "Second")).length === 0, { timeout: 15_000, what: "Second's window to close" });
    await app.waitFor(async () => (await app.browser.getWindowHandles()).length === 1, { timeout: 10_000, what: "one window left" });
    await app.browser.switchToWindow((await app.browser.getWindowHandles())[0]);
    assert.equal((await app.doc()).name, "First", "the window left shows First");
    assert.ok(await xWindowOf(app, "First"), "First's window is still there");

    // Still editable from the keyboard: a report added to the first card on screen and named, then undone.
    const before = (await app.doc()).people;
    const [card] = await app.cards();
    await app.click(centre(card));
    await app.waitFor(async () => (await app.exec(() => window.__topographTest.view().persons[0])) === card.id, { what: "the card selected by a click" });
    await app.chord("\uE016"); // Insert
    await nameNewPerson(app, "Closing Test");
    await app.waitFor(async () => (await app.doc()).people === before + 1, { what: "the new person in First" });
    // Two steps: the name typed, then the person added.
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await app.card("Closing Test")) === null && (await app.doc()).people === before + 1, { what: "Ctrl+Z to take the name back" });
    await app.xkeys("ctrl+z");
    await app.waitFor(async () => (await app.doc()).people === before, { what: "a second Ctrl+Z to take the new person out" });

    // The closed window let its document go: File › Open brings it up again, in a window of its own.
    await app.xkeys("ctrl+o");
    await app.answerFileDialog("Open a Topograph document", second);
    await xWindowOf(app, "Second");
    await app.waitFor(async () => (await app.browser.getWindowHandles()).length === 2, { timeout: 15_000, what: "Second open again in a second window" });
    assert.deepEqual(await documentsByWindow(app), ["First", "Second"]);
  });
});

test("closing the last window with its close button quits the app with exit code 0, each document closed cleanly and the running app's address taken away; closing one of two leaves the app running", async () => {
  await inWorkspace("close last window", async (ws) => {
    const first = await sampleDoc(ws, "First");
    const second = await sampleDoc(ws, "Second");
    // Started as a desktop starts it (no WebDriver in between), so its exit code is the test's to read.
    const child = spawn(APP, [first], { env: appEnv(ws), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    const exited = new Promise((resolve) => child.once("exit", (c, sig) => resolve(c ?? sig)));
    try {
      const windowOf = (name) => waitFor(async () => (await xWindowsNamed(child.pid, name))[0] ?? null, { timeout: 30_000, what: `a window titled "${name} — Topograph"; the app said:\n${out}` });
      const firstWin = await windowOf("First");
      const address = path.join(ws.dataDir, "instance.json");
      assert.ok(fs.existsSync(address), "the running app listens for second launches");
      assert.equal((await secondLaunch(ws, [second])).code, 0);
      const secondWin = await windowOf("Second");

      await closeButton(secondWin);
      await waitFor(async () => (await xWindowsNamed(child.pid, "Second")).length === 0, { timeout: 15_000, what: "Second's window to close" });
      assert.equal(child.exitCode, null, "the app runs on with one window");
      // A search while GTK still tears down Second's X windows can fail (xWindowsNamed then answers none): asked
      // again until First's window is found, and it must be the same window.
      const firstNow = await waitFor(async () => ((await xWindowsNamed(child.pid, "First")).length > 0 ? xWindowsNamed(child.pid, "First") : null), { timeout: 5000, what: "First's window after Second closed" });
      assert.deepEqual(firstNow, [firstWin]);

      await closeButton(firstWin);
      const code = await withTimeout(exited, 30_000, "the app to quit after its last window closed");
      assert.equal(code, 0, `the app exits 0; it said:\n${out}`);
      for (const doc of [first, second]) {
        assert.ok(!fs.existsSync(`${doc}-wal`), `${path.basename(doc)} was closed cleanly (no write-ahead log left beside it)`);
      }
      assert.ok(!fs.existsSync(address), "the address for second launches is gone");
      // Nothing holds the documents or the instance lock: a new start is the running app again and opens First.
      const again = spawn(APP, [first], { env: appEnv(ws), stdio: ["ignore", "pipe", "pipe"] });
      let said = "";
      again.stdout.on("data", (d) => { said += d; });
      again.stderr.on("data", (d) => { said += d; });
      try {
        await waitFor(async () => (await xWindowsNamed(again.pid, "First")).length > 0, { timeout: 30_000, what: "a new start to show First" }).catch((e) => {
          throw new Error(`${e.message}; exit code ${again.exitCode}; it said:\n${said}`);
        });
        assert.ok(fs.existsSync(address), "the new start is the running app");
      } finally {
        const gone = new Promise((resolve) => (again.exitCode === null ? again.once("exit", resolve) : resolve()));
        again.kill("SIGKILL");
        await withTimeout(gone, 10_000, "the new start to end when killed");
      }
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
