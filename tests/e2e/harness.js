// The end-to-end harness: starts the real app through tauri-driver + WebKitWebDriver, one app at a time,
// each test in its own temporary XDG and data folders, and always stops every process it started.
//
// The chart is a canvas, so tests read card positions from the app's test accessor (window.__topographTest, only in
// the build made for tests, `make bins`, started with TOPOGRAPH_E2E=1) and then act like a user: real WebDriver
// pointer actions at those screen positions and real key presses.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { remote } from "webdriverio";

const run = promisify(execFile);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const APP = path.resolve(process.env.TOPOGRAPH_APP ?? path.join(REPO, "target/debug/topograph-app"));
export const CLI = path.resolve(process.env.TOPOGRAPH_CLI ?? path.join(REPO, "target/debug/topograph"));
/**
 * Fixes the day the app and the CLI take for today (TOPOGRAPH_TODAY, read only by builds with the `e2e` feature)
 * for every process this test file starts, so a test of a dated plan reads the same on any day it runs.
 */
export function fixToday(day = "2026-12-07") {
  process.env.TOPOGRAPH_TODAY = day;
  return day;
}
export const ARTIFACTS = path.resolve(process.env.TOPOGRAPH_E2E_ARTIFACTS ?? path.join(REPO, "tests/artifacts"));
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
/** Keep each test's temporary folder (logs, documents) instead of deleting it. */
const KEEP = process.env.TOPOGRAPH_E2E_KEEP === "1";

const LAUNCH_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 15_000;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Rejects with `what` when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

/**
 * Polls `f` until it returns a truthy value; fails with `what` and the last value seen. A call that throws (the page
 * is still loading, say) counts as not yet; its error is reported if nothing better came before the timeout.
 */
export async function waitFor(f, { timeout = 10_000, interval = 50, what = "condition" } = {}) {
  const end = Date.now() + timeout;
  let last, error;
  for (;;) {
    try {
      last = await f();
      error = undefined;
    } catch (e) {
      last = undefined;
      error = e;
    }
    if (last) return last;
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last ${error ? `error: ${error.message}` : `value: ${JSON.stringify(last)}`}`);
    }
    await sleep(interval);
  }
}

/**
 * Waits until `read()` has given the same value (compared by `key`) for `quietMs`: the end of something that has no
 * event of its own, such as a chart that stops redrawing. Polls every `interval`; fails with `what` after `timeout`.
 * Returns the last value read.
 */
export async function waitForQuiet(read, { quietMs = 500, interval = 100, timeout = 20_000, what = "quiet", key = (v) => JSON.stringify(v) } = {}) {
  const end = Date.now() + timeout;
  let last = await read(), since = Date.now();
  for (;;) {
    if (Date.now() - since >= quietMs) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (${quietMs} ms without a change); last value: ${JSON.stringify(last)}`);
    await sleep(interval);
    const now = await read();
    if (key(now) !== key(last)) {
      last = now;
      since = Date.now();
    }
  }
}

/** Everything the suite needs before the first launch, with the fix for each missing piece. */
export function preflight() {
  const problems = [];
  if (!process.env.DISPLAY) problems.push("no X display: run the suite under `xvfb-run -a` (make e2e does)");
  if (!fs.existsSync(APP)) problems.push(`no app binary at ${APP}: build the test build with \`make bins\``);
  if (!fs.existsSync(CLI)) problems.push(`no CLI binary at ${CLI}: build it with \`cargo build -p topograph-cli\``);
  const onPath = (name) => (process.env.PATH ?? "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, name)));
  if (!(path.isAbsolute(TAURI_DRIVER) ? fs.existsSync(TAURI_DRIVER) : onPath(TAURI_DRIVER))) problems.push("tauri-driver is not on PATH: `cargo install tauri-driver --version 2.1.0 --locked` (.ci/setup-debian does)");
  if (!onPath("xdotool")) problems.push("xdotool is missing (X key presses, native file dialogs): apt-get install xdotool (.ci/setup-debian does)");
  if (!onPath("sqlite3")) problems.push("sqlite3 is missing (hostile documents): apt-get install sqlite3 (.ci/setup-debian does)");
  if (!onPath("import") || !onPath("identify")) problems.push("ImageMagick is missing (display screenshots): apt-get install imagemagick (.ci/setup-debian does)");
  if (!onPath("WebKitWebDriver")) problems.push("WebKitWebDriver is missing: apt-get install webkit2gtk-driver (.ci/setup-debian does)");
  if (problems.length) throw new Error(`e2e preflight failed:\n  - ${problems.join("\n  - ")}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

/** A port nobody listens on right now (tauri-driver needs two). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => resolve(false));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Processes: each tauri-driver is started in its own process group (WebKitWebDriver and the app it starts join
// it), so the group id names exactly what this harness started. On any exit, every group still alive is killed.

const liveGroups = new Set();
process.on("exit", () => {
  for (const pgid of liveGroups) {
    try { process.kill(-pgid, "SIGKILL"); } catch { /* already gone */ }
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => process.exit(130));
}

/** Pids of live (not zombie) processes in a process group, from /proc. */
export function groupMembers(pgid) {
  const out = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${name}/stat`, "utf8"); } catch { continue; }
    // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(rest[2]) === pgid && rest[0] !== "Z") out.push(Number(name));
  }
  return out;
}

function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** A test's own temporary folders: XDG data/cache/config for WebKit, Mesa and dconf, the app's data folder, documents. */
export class Workspace {
  constructor(label) {
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40);
    this.label = label;
    this.slug = slug;
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `topograph-e2e-${slug}-`));
    this.xdg = { data: this.dir("xdg/data"), cache: this.dir("xdg/cache"), config: this.dir("xdg/config") };
    this.dataDir = this.dir("app-data");
    this.docs = this.dir("docs");
    this.launches = 0;
    /** Apps launched and not closed yet. */
    this.apps = new Set();
  }

  dir(rel) {
    const d = path.join(this.root, rel);
    fs.mkdirSync(d, { recursive: true });
    return d;
  }

  /** Starts the app (with `args`, e.g. a document path) and waits for its accessor. */
  launch(opts = {}) {
    return App.launch(this, opts);
  }

  /** Closes every app still open; the first failure is thrown after all were tried. */
  async closeAll() {
    let first = null;
    for (const app of [...this.apps]) await app.close().catch((e) => { first ??= e; });
    if (first) throw first;
  }

  cleanup() {
    if (KEEP) {
      console.log(`# kept ${this.root}`);
      return;
    }
    // A killed app's WebKit helpers outlive it by a moment and may still write under xdg/data: retry the removal a
    // while, and a folder that still cannot go is reported, not a failed test (the app's behaviour was already checked).
    try {
      fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (e) {
      console.log(`# could not remove ${this.root}: ${e.message}`);
    }
  }
}

/** The environment the app runs in for a test in `ws` (also for launching it without WebDriver: a second launch). */
export function appEnv(ws, env = {}) {
  return {
    ...process.env,
    XDG_DATA_HOME: ws.xdg.data,
    XDG_CACHE_HOME: ws.xdg.cache,
    XDG_CONFIG_HOME: ws.xdg.config,
    TOPOGRAPH_DATA_DIR: ws.dataDir,
    TOPOGRAPH_E2E: "1",
    // No accessibility bus under Xvfb: without this GTK waits for it and warns.
    NO_AT_BRIDGE: "1",
    GDK_BACKEND: "x11",
    ...env,
  };
}

/** One running app: the WebDriver session, the tauri-driver process group, and helpers that act like a user. */
export class App {
  constructor(ws, browser, driver, logFile, launchedAtMs) {
    this.ws = ws;
    this.browser = browser;
    this.driver = driver;
    this.logFile = logFile;
    this.launchedAtMs = launchedAtMs;
    this.pid = -1;
    this.closed = false;
  }

  static async launch(ws, { args = [], env = {}, waitForChart = true } = {}) {
    const n = ++ws.launches;
    const logFile = path.join(ws.root, `launch-${n}.log`);
    const log = fs.openSync(logFile, "a");
    const driverEnv = appEnv(ws, env);
    // Another process may take a free port between the check and tauri-driver's bind: try a few times.
    let driver, port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const nativePort = await freePort();
      driver = spawn(TAURI_DRIVER, ["--port", String(port), "--native-port", String(nativePort)], {
        detached: true, // own process group, killed as one in close()
        stdio: ["ignore", log, log],
        env: driverEnv,
      });
      liveGroups.add(driver.pid);
      let exited = false;
      driver.once("exit", () => { exited = true; });
      // Both must listen: tauri-driver forwards the new-session request to WebKitWebDriver at once.
      const up = await waitFor(async () => exited || ((await portOpen(port)) && (await portOpen(nativePort))), {
        timeout: 10_000,
        what: "tauri-driver and WebKitWebDriver to listen",
      }).catch(() => false);
      if (up && !exited) break;
      killGroup(driver.pid, "SIGKILL");
      if (attempt >= 3) {
        fs.closeSync(log);
        throw new Error(`tauri-driver did not start (attempt ${attempt}); its log ${logFile}:\n${tail(logFile)}`);
      }
    }
    fs.closeSync(log);
    const launchedAtMs = Date.now();
    let browser;
    try {
      browser = await withTimeout(
        remote({
          hostname: "127.0.0.1",
          port,
          logLevel: "error",
          connectionRetryCount: 0,
          connectionRetryTimeout: LAUNCH_TIMEOUT_MS,
          capabilities: {
            // WebKitWebDriver has no WebDriver BiDi; without this webdriverio 9 fails to match capabilities.
            "wdio:enforceWebDriverClassic": true,
            browserName: "wry",
            "tauri:options": { application: APP, args },
          },
        }),
        LAUNCH_TIMEOUT_MS,
        "the WebDriver session (app start)",
      );
    } catch (e) {
      killGroup(driver.pid, "SIGKILL");
      liveGroups.delete(driver.pid);
      throw new Error(`could not start ${APP} ${args.join(" ")}: ${e.message}\nlog ${logFile}:\n${tail(logFile)}`);
    }
    const app = new App(ws, browser, driver, logFile, launchedAtMs);
    ws.apps.add(app);
    try {
      const ready = await app.waitFor(() => app.exec(() => !!window.__topographTest), { timeout: 20_000, what: "the test accessor" }).catch(() => false);
      if (!ready) {
        const page = await app.exec(() => ({ url: location.href, marker: !!window.__TOPOGRAPH_E2E__, text: document.body?.innerText.slice(0, 200) })).catch((e) => ({ error: e.message }));
        throw new Error(
          `no window.__topographTest after 20 s in ${APP}; page ${JSON.stringify(page)}. ` +
            "The tests need the build made for tests: `make bins` (the UI from `vite build --mode e2e`, the app with `--features e2e`). " +
            "No __TOPOGRAPH_E2E__ marker means the app was built without the e2e feature (`make app`, `make run` and the package leave it out) " +
            "or TOPOGRAPH_E2E=1 did not reach it; a marker without the accessor means ui/dist is the product build (`npm run build`).",
        );
      }
      app.pid = (await app.exec(() => window.__topographTest.info().pid)) ?? -1;
      if (waitForChart) await app.waitForFirstFrame();
    } catch (e) {
      await app.close().catch(() => {});
      throw e;
    }
    return app;
  }

  /** Runs `fn` in the page (webdriverio serialises it; pass arguments after it). */
  exec(fn, ...args) {
    return this.browser.execute(fn, ...args);
  }

  waitFor(f, opts) {
    return waitFor(f, opts);
  }

  info() {
    return this.exec(() => window.__topographTest.info());
  }

  doc() {
    return this.exec(() => window.__topographTest.doc());
  }

  status() {
    return this.exec(() => window.__topographTest.status());
  }

  highlights() {
    return this.exec(() => window.__topographTest.highlights());
  }

  /** Cards on screen, or all cards with { all: true }; screen rectangles in viewport CSS pixels. */
  cards(opts = {}) {
    return this.exec((o) => window.__topographTest.cards(o), opts);
  }

  card(key) {
    return this.exec((k) => window.__topographTest.card(k), key);
  }

  canvasRect() {
    return this.exec(() => window.__topographTest.canvasRect());
  }

  /** Where a card can be pressed: the canvas less the minimap, which sits over its lower right corner. */
  async pointerArea() {
    return this.exec(() => {
      const c = window.__topographTest.canvasRect();
      const m = document.querySelector(".chart-minimap")?.getBoundingClientRect();
      return { canvas: c, minimap: m ? { x: m.left, y: m.top, w: m.width, h: m.height } : null };
    });
  }

  /** Waits until a frame with cards has been drawn; returns the accessor's frame record. */
  async waitForFirstFrame(timeout = 30_000) {
    return this.waitFor(
      async () => {
        const f = (await this.info()).frames;
        return f.firstCardsMs !== null ? f : null;
      },
      { timeout, what: "the first frame with cards on the chart" },
    );
  }

  /**
   * Waits until the page's store shows what the back end answers now (undo and redo, the open scenario, every manager;
   * `inStep` in ui/src/testing/e2e.ts), two round trips running: `get_state` is answered after every command the
   * page sent before it, so an edit still on its way (a second undo from one key press, say) shows as a difference.
   */
  async settled(what = "the page to show what the back end holds", timeout = 10_000) {
    let agreed = 0;
    await this.waitFor(async () => {
      agreed = (await this.exec(() => window.__topographTest.inStep())) ? agreed + 1 : 0;
      return agreed >= 2;
    }, { timeout, interval: 100, what });
  }

  /** Waits until the chart was drawn again after `afterCount` frames (a relayout or camera change). */
  async waitForFrameAfter(afterCount, timeout = 10_000) {
    return this.waitFor(async () => (await this.info()).frames.count > afterCount, { timeout, what: `a chart frame after frame ${afterCount}` });
  }

  /** The status bar's text as the user sees it. */
  async statusText() {
    return this.exec(() => document.querySelector("footer.statusbar")?.textContent ?? "");
  }

  /**
   * The X window WebDriver talks to (GTK's toplevel, named "<document> — Topograph" or "Topograph"): with several
   * windows open, the one titled after the document this page shows.
   */
  async xWindow() {
    const name = await this.exec(() => window.__topographTest?.doc()?.name ?? null).catch(() => null);
    const pattern = name ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — Topograph$` : "Topograph$";
    const ids = await waitFor(
      async () => {
        const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(this.pid), "--name", pattern], { timeout: 5000 }).catch(() => ({ stdout: "" }));
        return stdout.trim();
      },
      { timeout: 10_000, what: `the X window of app pid ${this.pid} named ${pattern}` },
    );
    return ids.split("\n")[0];
  }

  /** Makes WebDriver talk to the window that shows the document at `file` (File › New and Open put one in a window of its own). */
  async followDocument(file) {
    await this.waitFor(async () => {
      for (const h of await this.browser.getWindowHandles()) {
        await this.browser.switchToWindow(h);
        if ((await this.exec(() => window.__topographTest?.doc()?.path ?? null).catch(() => null)) === file) return true;
      }
      return false;
    }, { timeout: 20_000, what: `a window showing ${file}` });
  }

  /** The native window title (GTK), read from the X server: WebDriver's getTitle is the page's <title>. */
  async nativeTitle() {
    const { stdout } = await run("xdotool", ["getwindowname", await this.xWindow()], { timeout: 5000 });
    return stdout.trim();
  }

  /**
   * Presses keys on the X keyboard (XTEST, as a physical keyboard does), e.g. xkeys("ctrl+z"). WebDriver's own
   * key actions go straight into the web view and never reach GTK, so they cannot trigger the native menu's
   * shortcuts (Ctrl+Z, Ctrl+Shift+S, Ctrl+O); X key presses reach the window like a user's.
   */
  async xkeys(...combos) {
    await run("xdotool", ["windowfocus", "--sync", await this.xWindow()], { timeout: 5000 });
    await run("xdotool", ["key", "--clearmodifiers", "--delay", "30", ...combos], { timeout: 10_000 });
  }

  /**
   * Answers a native file dialog (GTK's file chooser) the way a user does: waits for the window titled `title`,
   * types `file` (a full path) into its name/location field and presses Enter. When the dialog stays open it types
   * the path again (at most three tries): on a loaded machine GTK's inline completion of the location field can race
   * the typed characters and leave a path that names no file.
   */
  async answerFileDialog(title, file) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.typeIntoFileDialog(title, file);
      } catch (e) {
        if (attempt >= 3 || !/to close/.test(e.message)) throw e;
        await this.displayShot(`file-dialog-attempt-${attempt}`).catch(() => {});
        console.log(`# the native dialog "${title}" is still open after attempt ${attempt}; typing the path again`);
      }
    }
  }

  /** One try of answerFileDialog. */
  async typeIntoFileDialog(title, file) {
    const id = await waitFor(
      async () => {
        const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(this.pid), "--onlyvisible", "--name", `^${title}$`], { timeout: 5000 }).catch(() => ({ stdout: "" }));
        return stdout.trim().split("\n")[0];
      },
      { timeout: 15_000, what: `the native dialog "${title}"` },
    );
    // The keys below go to the focused window: wait until the X server says the dialog is it.
    await waitFor(
      async () => {
        await run("xdotool", ["windowfocus", "--sync", id], { timeout: 5000 });
        const { stdout } = await run("xdotool", ["getwindowfocus"], { timeout: 5000 });
        return stdout.trim() === id;
      },
      { timeout: 5000, interval: 100, what: `the native dialog "${title}" to have the keyboard focus` },
    );
    // The open dialog has no text field until typing starts one; ctrl+l asks for the location field in both.
    await run("xdotool", ["key", "--clearmodifiers", "ctrl+l"], { timeout: 5000 });
    await run("xdotool", ["key", "--clearmodifiers", "ctrl+a"], { timeout: 5000 });
    await run("xdotool", ["type", "--clearmodifiers", "--delay", "4", file], { timeout: 20_000 });
    await run("xdotool", ["key", "--clearmodifiers", "Return"], { timeout: 5000 });
    await waitFor(
      async () => {
        const { stdout } = await run("xdotool", ["search", "--all", "--pid", String(this.pid), "--onlyvisible", "--name", `^${title}$`], { timeout: 5000 }).catch(() => ({ stdout: "" }));
        return stdout.trim() === "";
      },
      { timeout: 10_000, what: `the native dialog "${title}" to close` },
    );
  }

  /**
   * One WebDriver actions call: press at `from`, move past the drag threshold, glide to `to` over `ms`; release unless
   * hold. `shift` / `alt` hold that modifier throughout.
   */
  async drag(from, to, { shift = false, alt = false, ms = 400, hold = false } = {}) {
    const p = (v) => Math.round(v);
    const pointer = [
      { type: "pointerMove", duration: 0, origin: "viewport", x: p(from.x), y: p(from.y) },
      { type: "pointerDown", button: 0 },
      { type: "pause", duration: 50 },
      // A few pixels first, as a hand does: the chart starts a drag only past its 4 px threshold.
      { type: "pointerMove", duration: 60, origin: "viewport", x: p(from.x + 8), y: p(from.y + 6) },
      { type: "pointerMove", duration: ms, origin: "viewport", x: p(to.x), y: p(to.y) },
      { type: "pause", duration: 100 },
    ];
    if (!hold) pointer.push({ type: "pointerUp", button: 0 });
    const sources = [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: pointer }];
    const mods = [shift && KEY.Shift, alt && KEY.Alt].filter(Boolean);
    if (mods.length) {
      // A modifier must travel in the same actions call as the pointer, tick for tick, or it is released already.
      const pause = () => ({ type: "pause", duration: 0 });
      sources[0].actions = [...mods.map(pause), ...pointer];
      const keys = [...mods.map((value) => ({ type: "keyDown", value })), ...pointer.map(pause)];
      if (!hold) keys.push(...mods.map((value) => ({ type: "keyUp", value })));
      sources.push({ type: "key", id: "keyboard", actions: keys });
    }
    await this.browser.performActions(sources);
  }

  /** Releases the button of a drag started with { hold: true }. */
  async release() {
    await this.browser.performActions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerUp", button: 0 }] }]);
    await this.browser.releaseActions();
  }

  async click(at) {
    await this.browser.performActions([
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(at.x), y: Math.round(at.y) },
          { type: "pointerDown", button: 0 },
          { type: "pause", duration: 40 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ]);
  }

  /** A key chord as one actions call, e.g. chord(KEY.Control, KEY.Shift, "z"). */
  async chord(...keys) {
    const actions = [...keys.map((k) => ({ type: "keyDown", value: k })), ...[...keys].reverse().map((k) => ({ type: "keyUp", value: k }))];
    await this.browser.performActions([{ type: "key", id: "keyboard", actions }]);
    await this.browser.releaseActions();
  }

  /**
   * Types text into the focused element, a key down and up per character. (webdriverio's browser.keys() leaves
   * keys down between characters, and WebKitWebDriver then drops the second of a double letter.)
   */
  async type(text) {
    const actions = [...text].flatMap((ch) => [{ type: "keyDown", value: ch }, { type: "keyUp", value: ch }]);
    await this.browser.performActions([{ type: "key", id: "keyboard", actions }]);
    await this.browser.releaseActions();
  }

  /**
   * Replaces a text field's contents as a person does (click, select all, type) and waits until the field holds exactly
   * the text. (setValue's clear can race a prefilled field's own select-on-open, which left "ProposalProposal".)
   */
  async fill(selector, text) {
    const field = await this.browser.$(selector);
    await field.waitForExist({ timeout: 5000, timeoutMsg: `no field ${selector}` });
    await field.click();
    await this.chord(KEY.Control, "a");
    await this.type(text);
    await this.waitFor(async () => (await field.getValue()) === text, { timeout: 5000, what: `${selector} to read "${text}"` });
  }

  /** WebDriver screenshot of the window's content, into tests/artifacts/<test>-<name>.png. */
  async screenshot(name) {
    const file = path.join(ARTIFACTS, `${this.ws.slug}-${name}.png`);
    await this.browser.saveScreenshot(file);
    return file;
  }

  /** The whole X display (native title bar area and menu included), as `import -window root`. */
  async displayShot(name) {
    const file = path.join(ARTIFACTS, `${this.ws.slug}-${name}-display.png`);
    await run("import", ["-window", "root", file], { timeout: 15_000 });
    return file;
  }

  /**
   * Ends the session (WebKitWebDriver closes the app), waits for the app to exit, stops tauri-driver's process
   * group, and fails if any process of it is still alive afterwards.
   */
  async close() {
    if (this.closed) return;
    this.closed = true;
    this.ws.apps.delete(this);
    const pgid = this.driver.pid;
    try {
      await withTimeout(this.browser.deleteSession(), CLOSE_TIMEOUT_MS, "closing the WebDriver session");
    } catch (e) {
      console.log(`# ${this.ws.label}: ${e.message}; killing the app`);
    }
    if (this.pid > 0) {
      const gone = await waitFor(() => !alive(this.pid), { timeout: CLOSE_TIMEOUT_MS, what: "the app to exit" }).catch(() => false);
      if (!gone) {
        console.log(`# ${this.ws.label}: app pid ${this.pid} still running ${CLOSE_TIMEOUT_MS} ms after the session closed; killing it`);
        try { process.kill(this.pid, "SIGKILL"); } catch { /* gone meanwhile */ }
      }
    }
    killGroup(pgid, "SIGTERM");
    const empty = await waitFor(() => groupMembers(pgid).length === 0, { timeout: 5000, what: "tauri-driver's processes to exit" }).catch(() => false);
    if (!empty) killGroup(pgid, "SIGKILL");
    const left = await waitFor(() => groupMembers(pgid).length === 0, { timeout: 5000, what: "killed processes to go" })
      .then(() => [])
      .catch(() => groupMembers(pgid));
    liveGroups.delete(pgid);
    if (left.length) throw new Error(`processes left running after closing the app: ${left.join(", ")}`);
  }
}

function killGroup(pgid, sig) {
  try { process.kill(-pgid, sig); } catch { /* already gone */ }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** WebDriver key codes. */
export const KEY = { Shift: "\uE008", Control: "\uE009", Alt: "\uE00A", Enter: "\uE007", Escape: "\uE00C", Backspace: "\uE003" };

/** The CLI (`topograph`), for making and inspecting documents outside the app. */
export async function cli(...args) {
  const { stdout } = await run(CLI, args, { timeout: 120_000, maxBuffer: 64 << 20 });
  return stdout;
}

export async function info(file) {
  return JSON.parse(await cli("info", "--json", file));
}

export function sha256(file) {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Centre of a card's screen rectangle. */
export const centre = (c) => ({ x: c.x + c.w / 2, y: c.y + c.h / 2 });

/** Whether a card lies wholly inside the canvas (with a margin) and clear of the minimap, so a press lands on it. */
export function reachable(card, area, margin = 8) {
  const { canvas: c, minimap: m } = area;
  const inside = card.x >= c.x + margin && card.y >= c.y + margin && card.x + card.w <= c.x + c.w - margin && card.y + card.h <= c.y + c.h - margin;
  const overMinimap = m && card.x < m.x + m.w + margin && card.x + card.w > m.x - margin && card.y < m.y + m.h + margin && card.y + card.h > m.y - margin;
  return inside && !overMinimap;
}

/**
 * Runs one test body in a fresh Workspace. Every app it launched is closed afterwards, pass or fail; on failure a
 * screenshot of each app still open goes to tests/artifacts/<test>-failure.png and the temporary folder (driver
 * logs, documents) is kept and named in the error.
 */
export async function inWorkspace(label, body) {
  const ws = new Workspace(label);
  try {
    await body(ws);
  } catch (e) {
    for (const app of ws.apps) await app.screenshot("failure").catch(() => {});
    await ws.closeAll().catch((c) => console.log(`# ${label}: while closing after the failure: ${c.message}`));
    e.message += `\n(test folder kept: ${ws.root})`;
    throw e;
  }
  await ws.closeAll();
  ws.cleanup();
}
