// The app as a desktop citizen: the light/dark appearance chosen in Settings (opened with the native Ctrl+,
// accelerator through the X keyboard) repaints the canvas and is kept, and so is the painting chosen there; a
// document's window comes back where and as large as it was left (moved and resized through the X server, as a
// window manager would); a document dropped on a window opens in a window of its own.
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { promisify } from "node:util";
import { cli, inWorkspace, preflight } from "./harness.js";
import { press } from "./views.js";

const run = promisify(execFile);

before(() => preflight());

/** The canvas colours of ui/src/canvas/theme.ts (light) and ui/src/appearance/darkTheme.ts. */
const LIGHT_BACKGROUND = [0xf4, 0xf5, 0xf7];
const DARK_BACKGROUND = [0x15, 0x18, 0x1e];

/** A pixel near the chart canvas's top-left corner, where the layout leaves background (the root card is centred). */
function chartCornerPixel(app) {
  return app.exec(() => {
    const canvas = document.querySelector("canvas.chart-canvas");
    const ctx = canvas?.getContext("2d");
    return ctx ? Array.from(ctx.getImageData(3, 3, 1, 1).data.slice(0, 3)) : null;
  });
}

async function waitForBackground(app, rgb, what) {
  return app.waitFor(async () => {
    const px = await chartCornerPixel(app);
    return px && px.every((v, i) => Math.abs(v - rgb[i]) <= 2) ? px : null;
  }, { timeout: 10_000, what });
}

function preferences(ws) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ws.dataDir, "preferences.json"), "utf8"));
  } catch {
    return null;
  }
}

async function sampleDoc(ws, name) {
  const doc = path.join(ws.docs, `${name}.topo`);
  await cli("sample", doc);
  return doc;
}

async function openSettings(app) {
  await app.xkeys("ctrl+comma");
  const dialog = await app.browser.$(`//div[@role="dialog" and @aria-label="Settings"]`);
  await dialog.waitForDisplayed({ timeout: 5000, timeoutMsg: "no Settings dialog after Ctrl+," });
}

const choice = (label) => `//div[@role="dialog" and @aria-label="Settings"]//label[normalize-space()="${label}"]/input`;

test("choosing Dark in Settings repaints the canvas dark at once, is kept for the next start, and Match the system brings light back", async () => {
  await inWorkspace("appearance", async (ws) => {
    const doc = await sampleDoc(ws, "Appearance");
    let app = await ws.launch({ args: [doc] });
    // Xvfb's GTK has no dark preference: the system setting is light.
    await waitForBackground(app, LIGHT_BACKGROUND, "the light canvas of a light system");
    assert.equal(await app.exec(() => document.documentElement.dataset.appearance), "light");

    await openSettings(app);
    await press(app, choice("Dark"), "the Dark choice in Settings");
    await waitForBackground(app, DARK_BACKGROUND, "the canvas to turn dark");
    assert.equal(await app.exec(() => document.documentElement.dataset.appearance), "dark", "the chrome follows the canvas");
    await app.waitFor(() => preferences(ws)?.appearance === "dark", { timeout: 5000, what: "preferences.json to keep dark" });
    await app.screenshot("appearance-dark");
    await press(app, `//div[@role="dialog" and @aria-label="Settings"]//button[normalize-space()="Done"]`, "Done in Settings");

    await app.close();
    app = await ws.launch({ args: [doc] });
    await waitForBackground(app, DARK_BACKGROUND, "the kept dark appearance after a restart");

    await openSettings(app);
    assert.equal(await app.browser.$(choice("Dark")).isSelected(), true, "Settings shows the kept choice");
    await press(app, choice("Match the system"), "Match the system in Settings");
    await waitForBackground(app, LIGHT_BACKGROUND, "the canvas to follow the light system again");
    await app.waitFor(() => preferences(ws)?.appearance === "system", { timeout: 5000, what: "preferences.json to keep system" });
  });
});

const paintingChoice = (label) => `//div[@role="dialog" and @aria-label="Settings"]//fieldset[legend[normalize-space()="Painting"]]//label[normalize-space()="${label}"]/input`;
const PAINTING_NOTE = `//div[@role="dialog" and @aria-label="Settings"]//fieldset[legend[normalize-space()="Painting"]]//p`;

async function paintingNote(app) {
  const note = await app.browser.$(PAINTING_NOTE);
  await note.waitForDisplayed({ timeout: 5000, timeoutMsg: "no Painting section in Settings" });
  return note.getText();
}

test("the painting chosen in Settings is kept and used from the next start, and Settings says what this start paints with", async () => {
  await inWorkspace("painting", async (ws) => {
    const doc = await sampleDoc(ws, "Painted");
    let app = await ws.launch({ args: [doc] });
    await openSettings(app);
    assert.equal(await app.browser.$(paintingChoice("Choose from this machine")).isSelected(), true, "the machine chooses by default");
    const before = await paintingNote(app);
    assert.match(before, /^Now painting on the (CPU|GPU) \(/, before);
    assert.doesNotMatch(before, /chosen in Settings/);

    await press(app, paintingChoice("On the GPU"), "On the GPU in Settings");
    await app.waitFor(() => preferences(ws)?.painting === "gpu", { timeout: 5000, what: "preferences.json to keep the GPU painting" });
    assert.equal(await paintingNote(app), before, "this start paints as it did until the next");
    await app.close();

    app = await ws.launch({ args: [doc] });
    await openSettings(app);
    assert.equal(await app.browser.$(paintingChoice("On the GPU")).isSelected(), true, "Settings shows the kept choice");
    assert.match(await paintingNote(app), /^Now painting on the GPU \(chosen in Settings\)/);
    await press(app, paintingChoice("Choose from this machine"), "Choose from this machine in Settings");
    await app.waitFor(() => preferences(ws)?.painting === "automatic", { timeout: 5000, what: "preferences.json to keep the automatic painting" });
  });
});

async function xGeometry(app) {
  const { stdout } = await run("xdotool", ["getwindowgeometry", "--shell", await app.xWindow()], { timeout: 5000 });
  const g = Object.fromEntries(stdout.trim().split("\n").map((l) => l.split("=")));
  return { x: Number(g.X), y: Number(g.Y), width: Number(g.WIDTH), height: Number(g.HEIGHT) };
}

test("a document's window reopens at the size and place it was left, and another document keeps its own", async () => {
  await inWorkspace("window", async (ws) => {
    const doc = await sampleDoc(ws, "Placed");
    const other = await sampleDoc(ws, "Other");
    let app = await ws.launch({ args: [doc] });
    const first = await xGeometry(app);
    const win = await app.xWindow();
    await run("xdotool", ["windowsize", "--sync", win, "900", "640"], { timeout: 5000 });
    await run("xdotool", ["windowmove", "--sync", win, "140", "96"], { timeout: 5000 });
    const left = await app.waitFor(async () => {
      const g = await xGeometry(app);
      return g.width === 900 && g.height === 640 && g.x === 140 && g.y === 96 ? g : null;
    }, { timeout: 5000, what: "the X server to move and resize the window" });
    assert.notDeepEqual(left, first, "the window really moved");
    // Remembered as it moves (written within a second), not only on a clean exit.
    await app.waitFor(() => {
      const w = preferences(ws)?.windows?.[doc];
      return w && w.width > 0 && w.x !== undefined;
    }, { timeout: 5000, what: "preferences.json to remember the window of the document" });
    await app.close();

    app = await ws.launch({ args: [doc] });
    await app.waitFor(async () => {
      const g = await xGeometry(app);
      return g.width === left.width && g.height === left.height && g.x === left.x && g.y === left.y ? g : null;
    }, { timeout: 10_000, what: `the window back at ${JSON.stringify(left)}` });
    await app.close();

    // A document never shown before opens at the default size, not at another document's place.
    app = await ws.launch({ args: [other] });
    const fresh = await xGeometry(app);
    assert.equal(fresh.width, first.width, "a new document's window has the default width");
    assert.equal(fresh.height, first.height, "a new document's window has the default height");
  });
});

/**
 * Drags `files` onto the app until `effect` holds (10 s each try): a second drag when the first had no effect,
 * as a person would, since under heavy load an XDND drop can still be cancelled by the source before the target
 * answers. Fails when two drags changed nothing.
 */
async function dropUntil(app, files, effect, what) {
  for (let attempt = 1; ; attempt++) {
    await dropFiles(app, files);
    const ok = await app.waitFor(effect, { timeout: 10_000, what }).then(() => true, () => false);
    if (ok) return;
    if (attempt >= 2) throw new Error(`no ${what} after ${attempt} drags`);
    await app.displayShot(`drop-attempt-${attempt}`).catch(() => {});
    console.log(`# ${what}: nothing after drag ${attempt}; dragging again`);
  }
}

/** Drags `files` from a stand-in file manager window (dragsource.py) onto the middle of the app's window. */
async function dropFiles(app, files) {
  const source = spawn("/usr/bin/python3", [path.join(import.meta.dirname, "dragsource.py"), ...files], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    await new Promise((resolve, reject) => {
      source.stdout.on("data", (d) => { if (String(d).includes("ready")) resolve(); });
      source.once("exit", (code) => reject(new Error(`dragsource.py exited (${code}) before its window was up`)));
    });
    const { stdout } = await run("xdotool", ["search", "--sync", "--name", "^topograph-drag-source$"], { timeout: 10_000 });
    const sourceWin = stdout.trim().split("\n")[0];
    // Below the app's window, which the X server (no window manager) shows at the top left.
    await run("xdotool", ["windowmove", "--sync", sourceWin, "1060", "900"], { timeout: 5000 });
    const target = await xGeometry(app);
    const to = { x: target.x + Math.round(target.width / 2), y: target.y + Math.round(target.height / 2) };
    // A person's drag: press on the label, move past GTK's drag threshold, travel to the window, let go. The pauses
    // pace the gesture (XDND messages go back and forth between the two clients at every step).
    const steps = [];
    for (let i = 1; i <= 8; i++) {
      steps.push("mousemove", String(Math.round(1150 + ((to.x - 1150) * i) / 8)), String(Math.round(945 + ((to.y - 945) * i) / 8)), "sleep", "0.15");
    }
    // Over the target, a few small moves and a pause let the XDND handshake (enter, position, status) finish
    // before the release even on a loaded machine; released before it, the drop is cancelled.
    const hover = [];
    for (let i = 1; i <= 4; i++) hover.push("mousemove", String(to.x + i * 3), String(to.y + i * 2), "sleep", "0.3");
    await run("xdotool", ["mousemove", "--sync", "1150", "945", "mousedown", "1", "sleep", "0.2", "mousemove", "1160", "935", "sleep", "0.2", ...steps, ...hover, "sleep", "0.5", "mouseup", "1"], { timeout: 30_000 });
  } finally {
    source.kill();
  }
}

test("a .topo file dropped on the window opens it in a window of its own, and a dropped CSV is refused with a pointer to File › Import…", async () => {
  await inWorkspace("drop", async (ws) => {
    const first = await sampleDoc(ws, "First");
    const dropped = await sampleDoc(ws, "Dropped");
    const app = await ws.launch({ args: [first] });
    assert.equal((await app.doc()).name, "First");

    const csv = path.join(ws.docs, "people.csv");
    fs.writeFileSync(csv, "Employee ID,Name\n1,Ada\n");
    await dropUntil(app, [csv], async () => /File › Import/.test(await app.statusText()), "refusal of a dropped CSV in the status bar");
    assert.equal((await app.doc()).name, "First", "a refused drop leaves the document open");

    // One window per document: the window dropped on keeps its own, the dropped one comes up beside it.
    await dropUntil(app, [dropped], async () => (await app.browser.getWindowHandles()).length === 2, "a window for the dropped document");
    assert.equal((await app.doc()).name, "First", "the window dropped on keeps its document");
    await app.waitFor(async () => {
      const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(app.pid), "--name", "^Dropped — Topograph$"], { timeout: 5000 }).catch(() => ({ stdout: "" }));
      return stdout.trim() !== "";
    }, { timeout: 10_000, what: "a window titled with the dropped document" });
  });
});
