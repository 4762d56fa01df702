// A scenario switch timed from the click to the last chart frame, with where the time went: shared by
// scenarios.test.js (10k) and perf.test.js (100k). Measurements only; the callers assert sanity bounds.
import fs from "node:fs";

/**
 * Clicks the scenario menu's item for `to` (the menu is open) and answers the click's time in ms since the epoch. The
 * clock starts in the page, right before the click, so WebDriver's round trips are not counted; each chart frame's
 * time is recorded from then on for `switchBreakdown`.
 */
export async function clickSwitch(app, to) {
  return app.exec((label) => {
    const seen = { count: window.__topographTest.info().frames.count, times: [], on: true };
    window.__switchFrames = seen;
    const tick = () => {
      const f = window.__topographTest.info().frames;
      if (f.count !== seen.count) seen.times.push(f.lastMs);
      seen.count = f.count;
      if (seen.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const b = [...document.querySelectorAll('[role="menuitemradio"]')].find((e) => e.textContent.startsWith(label));
    const start = performance.timeOrigin + performance.now();
    b.click();
    return start;
  }, to);
}

/**
 * Where the `n`th switch of this launch went, in ms from the click `t0`: the back end's stages (its stderr trace,
 * written only under TOPOGRAPH_E2E), the answer reaching the page (serialising, IPC and JSON.parse), the store update,
 * the insights refetch and every chart frame drawn since.
 */
export async function switchBreakdown(app, t0, n) {
  const page = await app.exec(() => {
    window.__switchFrames.on = false;
    const at = (name) => {
      const e = performance.getEntriesByName(name);
      return e.length ? e.map((m) => performance.timeOrigin + m.startTime) : [];
    };
    return {
      frames: window.__switchFrames.times,
      marks: Object.fromEntries(["switch:start", "switch:answer-in", "switch:applied", "insights:asked", "insights:in"].map((m) => [m, at(m)])),
    };
  });
  const traces = fs.readFileSync(app.logFile, "utf8").split("\n").filter((l) => l.startsWith("topograph-e2e-switch "));
  const rust = traces[n] ? JSON.parse(traces[n].slice("topograph-e2e-switch ".length)) : {};
  const rel = (ms) => (ms === undefined || ms === null ? null : Math.round(ms - t0));
  const after = (list) => list.filter((ms) => ms >= t0).map(rel);
  const out = {};
  for (const [stage, ms] of Object.entries(rust)) out[`rust:${stage}`] = rel(ms);
  for (const [name, list] of Object.entries(page.marks)) out[name] = after(list).join("/") || null;
  out.frames = page.frames.filter((ms) => ms >= t0).map(rel).join("/");
  return out;
}

/** A breakdown as one line: `stage ms, …`. */
export function breakdownLine(b) {
  return Object.entries(b).map(([k, v]) => `${k} ${v}`).join(", ");
}
