// A window of any size and a composed first view (issue 18): the sample opens on its root and every direct report,
// clear of the minimap; a 10k org opens at a legible zoom with its deeper levels folded; at 1024×768 the toolbar
// fits and Ctrl+F scrolls nothing sideways; the side panels resize and fold by pointer and keyboard.
import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import { cli, inWorkspace, KEY, preflight, waitForQuiet } from "./harness.js";
import { K } from "./views.js";

before(() => preflight());

/** Below this zoom a 220×84 card shows no text at all (ui/src/canvas/lod.ts: the name-only form needs 26 px height, 60 px width). */
const NAME_ZOOM = Math.max(26 / 84, 60 / 220);

const overlaps = (a, b) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
const inside = (c, r) => c.x >= r.x - 0.5 && c.y >= r.y - 0.5 && c.x + c.w <= r.x + r.w + 0.5 && c.y + c.h <= r.y + r.h + 0.5;

/** The window's inner size changed to `width`×`height` (WebDriver's window rect, the outer size, is adjusted until it is). */
async function resizeWindow(app, width, height) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const inner = await app.exec(() => ({ w: window.innerWidth, h: window.innerHeight }));
    if (inner.w === width && inner.h === height) break;
    const outer = await app.browser.getWindowSize();
    await app.browser.setWindowSize(outer.width + (width - inner.w), outer.height + (height - inner.h));
    await app.waitFor(async () => {
      const now = await app.exec(() => ({ w: window.innerWidth, h: window.innerHeight }));
      return now.w !== inner.w || now.h !== inner.h || (now.w === width && now.h === height);
    }, { timeout: 5000, what: `the window to resize towards ${width}×${height}` }).catch(() => {});
  }
  const inner = await app.exec(() => ({ w: window.innerWidth, h: window.innerHeight }));
  assert.deepEqual(inner, { w: width, h: height }, `the window's inner size is ${width}×${height}`);
}

/** The chart's first view as the test sees it: cards on screen, the minimap's box, the camera. */
async function firstView(app) {
  const [all, onScreen, area, camera] = [await app.cards({ all: true }), await app.cards(), await app.pointerArea(), await app.exec(() => window.__topographTest.camera())];
  return { all, onScreen, canvas: area.canvas, minimap: area.minimap, camera };
}

/**
 * The root and each of their direct reports lie wholly on the canvas at a zoom that shows names, and no card on screen
 * is under the minimap. The chart is laid out in the compact arrangement for the window's shape (crates/layout
 * compact.rs); where the whole chart would not fit at the name-only zoom, its deeper levels fold (crates/api
 * chart_frame.rs on opening, Fit after), so the reports sit close together instead of heading their teams' blocks.
 */
function assertComposed(t, v, when) {
  const root = v.all.find((c) => c.manager === null);
  assert.ok(root, `${when}: the chart has a root`);
  const reports = v.all.filter((c) => c.manager === root.id);
  assert.ok(reports.length > 0, `${when}: the root has direct reports`);
  assert.ok(v.camera.zoom >= NAME_ZOOM - 1e-9, `${when}: zoom ${v.camera.zoom.toFixed(3)} shows names (≥ ${NAME_ZOOM.toFixed(3)})`);
  for (const c of [root, ...reports]) assert.ok(inside(c, v.canvas), `${when}: ${c.name || c.title} (${Math.round(c.x)},${Math.round(c.y)} ${Math.round(c.w)}×${Math.round(c.h)}) is on the canvas ${JSON.stringify(v.canvas)}`);
  t.diagnostic(`${when}: the root and ${reports.length} direct reports on the ${v.canvas.w}×${v.canvas.h} px canvas at zoom ${v.camera.zoom.toFixed(3)}, ${v.all.length} cards laid out`);
  if (v.minimap) {
    const under = v.onScreen.filter((c) => overlaps(c, v.minimap));
    assert.deepEqual(under.map((c) => c.name), [], `${when}: no card is under the minimap ${JSON.stringify(v.minimap)}`);
  }
}

/** Fit (the F key) on the chart, then its view once the cards stop moving (Fit may fold a level and lay out again). */
async function fitted(app) {
  await app.exec(() => document.querySelector(".chart-canvas")?.focus());
  await app.chord("f");
  await waitForQuiet(async () => ({ cards: await app.cards(), camera: await app.exec(() => window.__topographTest.camera()) }), { what: "the chart after Fit" });
  return firstView(app);
}

/** The camera moved no further than rounding since the first frame with cards: no other view flashed first. */
async function assertNoFlash(app, v, when) {
  const first = (await app.info()).frames.firstCamera;
  assert.ok(first, `${when}: the first frame's camera was recorded`);
  const same = Math.abs(first.zoom - v.camera.zoom) < 1e-6 && Math.abs(first.x - v.camera.x) < 0.5 && Math.abs(first.y - v.camera.y) < 0.5;
  assert.ok(same, `${when}: the first frame showed the composed view (${JSON.stringify(first)}), not another (${JSON.stringify(v.camera)})`);
}

/** The first frame with cards already showed them at a zoom where names read. */
async function assertFirstFrameReadable(app, when) {
  const first = (await app.info()).frames.firstCamera;
  assert.ok(first, `${when}: the first frame's camera was recorded`);
  assert.ok(first.zoom >= NAME_ZOOM - 1e-9, `${when}: the first frame's zoom ${first.zoom.toFixed(3)} shows names`);
}

/** Nothing in the page is scrolled or scrollable sideways. */
async function sideways(app) {
  return app.exec(() => {
    const els = [document.documentElement, document.body, document.getElementById("root"), document.querySelector(".app"), document.querySelector(".toolbar")];
    return {
      scrolled: els.filter((e) => e && e.scrollLeft !== 0).map((e) => e.className || e.tagName),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

/** The screen box of the first element matching `selector`, or null. */
function box(app, selector) {
  return app.exec((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
  }, selector);
}

test("the sample opens on its root and all their direct reports, clear of the minimap, and Fit comes back to that view", async (t) => {
  await inWorkspace("first view sample", async (ws) => {
    const app = await ws.launch();
    // The sample opens folded to the levels that fit at a readable zoom, so only its top levels are laid out.
    await app.waitFor(async () => (await app.cards({ all: true })).some((c) => c.manager === null), { what: "the sample's root card" });
    await waitForQuiet(() => app.cards({ all: true }), { what: "the sample's first view" });
    const v0 = await firstView(app);
    assertComposed(t, v0, "the first view");
    // Names read from the very first frame. (It can still be composed for the canvas before the insights panel took its
    // width, then recomposed: a known flash on the sample, issue 18; the 10k org below is checked strictly.)
    await assertFirstFrameReadable(app, "the sample");
    await app.screenshot("sample");

    // Away from it with the keyboard, then back with Fit (the F key).
    const zoom = () => app.exec(() => window.__topographTest.camera().zoom);
    const first = await zoom();
    await app.exec(() => document.querySelector(".chart-canvas")?.focus());
    for (let i = 0; i < 4; i++) await app.chord("+");
    await app.waitFor(async () => (await zoom()) > first * 2, { what: "the chart zoomed in" });
    await app.chord("f");
    await app.waitFor(async () => Math.abs((await zoom()) - first) < 1e-6, { what: "Fit to go back to the first view's zoom" });
    assertComposed(t, await firstView(app), "after Fit");

    // The minimap is opaque and can be put away: Shift+M hides it, and the choice survives a relaunch.
    const bg = await app.exec(() => getComputedStyle(document.querySelector(".chart-minimap")).backgroundColor);
    assert.equal(bg, "rgb(255, 255, 255)", "the minimap's background is opaque white");
    await app.chord(KEY.Shift, "M");
    await app.waitFor(async () => (await box(app, ".chart-minimap")) === null, { what: "the minimap to hide" });

    // Shift+L shows the legend: what the accents, badges and both line styles mean.
    await app.chord(KEY.Shift, "L");
    const legend = await app.waitFor(() => app.exec(() => document.querySelector('aside[aria-label="Legend"]')?.textContent ?? null), { what: "the legend" });
    for (const text of ["teams", "open position", "Health findings", "Reports to", "Dotted-line manager"]) assert.ok(legend.includes(text), `the legend explains “${text}”: ${legend}`);
    await app.screenshot("legend");
    await app.close();
    const again = await ws.launch();
    await again.waitFor(async () => (await again.cards()).length > 0, { what: "the chart after the relaunch" });
    assert.equal(await box(again, ".chart-minimap"), null, "the minimap stays hidden after a relaunch");
    await again.close();
  });
});

test("a 10,000-person org opens at a legible zoom with at least 10 cards in the first frame, its deeper levels folded and kept folded", async (t) => {
  await inWorkspace("first view 10k", async (ws) => {
    const file = path.join(ws.docs, "People 10k.topo");
    await cli("generate", file, "--people", "10000");
    const app = await ws.launch({ args: [file] });
    const frames = await app.waitForFirstFrame(40_000);
    assert.ok(frames.firstCardsVisible >= 10, `the first frame drew ${frames.firstCardsVisible} cards (at least 10)`);
    // Big orgs fold to the levels that can be read, then refit.
    await app.waitFor(async () => {
      const d = await app.doc();
      return d && d.sceneCards < d.people ? d : null;
    }, { timeout: 30_000, what: "the 10k org's deeper levels to fold" });
    // The folded chart is laid out, then the view composed on it (a level more may fold first): wait for the root.
    const v = await app.waitFor(async () => {
      const f = await firstView(app);
      const root = f.all.find((c) => c.manager === null);
      return root && inside(root, f.canvas) && f.onScreen.length >= 10 && f.camera.zoom >= NAME_ZOOM ? f : null;
    }, { timeout: 10_000, what: "the root and at least 10 cards at a legible zoom after folding" });
    assertComposed(t, v, "the 10k org's first view");
    assert.ok(frames.firstSceneCards > 0 && frames.firstSceneCards < 10_000, `the first frame drew the folded chart (${frames.firstSceneCards} cards laid out), never the whole org`);
    await assertNoFlash(app, v, "the 10k org");
    await app.screenshot("10k");
    const folded = (await app.doc()).sceneCards;
    await app.close();

    // The folding is the document's: a relaunch shows the same cards.
    const again = await ws.launch({ args: [file] });
    await again.waitFor(async () => (await again.doc())?.sceneCards === folded, { timeout: 30_000, what: `the relaunched chart to show the same ${folded} cards` });
    await again.close();
  });
});

test("at 1024×768 the toolbar's search box and scenario switcher are on screen, folded groups are in More, Ctrl+F scrolls nothing sideways, and Fit shows the root and every direct report at 1024×768 and 800×600", async (t) => {
  await inWorkspace("chrome 1024", async (ws) => {
    const app = await ws.launch();
    await resizeWindow(app, 1024, 768);
    const width = 1024;
    await app.waitFor(async () => {
      const s = await box(app, ".search-input");
      return s && s.x + s.w <= width;
    }, { what: "the search box inside the window" });
    for (const sel of [".search-input", ".scenario-current", '[role="tablist"]']) {
      const b = await box(app, sel);
      assert.ok(b && b.x >= 0 && b.x + b.w <= width, `${sel} is on screen: ${JSON.stringify(b)}`);
    }
    // The groups that stay fit their room: none runs under the scenario switcher.
    const fits = () => app.exec(() => {
      const g = document.querySelector(".toolbar-groups");
      const last = g?.lastElementChild?.getBoundingClientRect();
      const next = document.querySelector(".scenario-bar")?.getBoundingClientRect();
      return !!g && g.scrollWidth <= g.clientWidth + 1 && (!last || !next || last.right <= next.left);
    });
    await app.waitFor(fits, { what: "the toolbar's groups to fit beside the scenario switcher" });
    await app.screenshot("1024");
    const toolbar = await box(app, "header.toolbar");
    assert.ok(toolbar.w <= width, `the toolbar is ${toolbar.w} px wide in a ${width} px window`);

    // What did not fit is one press away: More lists the folded groups' actions.
    const more = await app.browser.$(`//header[@role="toolbar"]//button[contains(@class, "toolbar-more")]`);
    assert.ok(await more.isExisting(), "a More button holds the groups that do not fit");
    await more.click();
    const items = await app.waitFor(async () => {
      const ids = await app.exec(() => [...document.querySelectorAll(".toolbar-overflow [data-action]")].map((b) => b.getAttribute("data-action")));
      return ids.length > 0 ? ids : null;
    }, { what: "the More menu's actions" });
    assert.ok(items.includes("add-report"), `More offers Add report: ${items.join(", ")}`);
    const menu = await box(app, ".toolbar-overflow");
    assert.ok(menu.x >= 0 && menu.x + menu.w <= width, `the More menu is inside the window: ${JSON.stringify(menu)}`);
    await app.chord(KEY.Escape);
    await app.waitFor(async () => (await box(app, ".toolbar-overflow")) === null, { what: "the More menu to close" });

    await app.exec(() => document.querySelector(".chart-canvas")?.focus());
    await app.chord(KEY.Control, "f");
    await app.waitFor(() => app.exec(() => document.activeElement?.classList.contains("search-input")), { what: "Ctrl+F to focus the search box" });
    await app.type("Ada");
    assert.deepEqual(await sideways(app), { scrolled: [], overflow: false }, "nothing scrolled sideways after Ctrl+F");
    // The first Escape closes the hits, the second clears the query and gives the keys back to the chart.
    await app.chord(KEY.Escape);
    await app.chord(KEY.Escape);
    await app.waitFor(() => app.exec(() => !document.activeElement?.classList.contains("search-input")), { what: "the search box to let go of the keys" });
    // Fit composes the view for this window: the root and every direct report readable, clear of the minimap.
    assertComposed(t, await fitted(app), "Fit at 1024×768");

    // 800×600: still no sideways scroll, and the chart keeps half the window with the inspector open.
    await resizeWindow(app, 800, 600);
    assertComposed(t, await fitted(app), "Fit at 800×600");
    // The chart redraws (and may move its camera) after the window shrinks: pick the card once the cards on screen
    // stop moving, so the click lands where the card is drawn, not where it was a frame ago.
    const settledCards = await waitForQuiet(() => app.cards(), { what: "the chart's cards after the resize" });
    const card = settledCards.find((c) => c.x > 0 && c.y > 0 && c.x + c.w < 400);
    assert.ok(card, "a card to select on the left of the chart");
    await app.click({ x: card.x + card.w / 2, y: card.y + card.h / 2 });
    await app.waitFor(async () => (await box(app, ".inspector")) !== null, { what: "the inspector to open" });
    assert.deepEqual(await sideways(app), { scrolled: [], overflow: false }, "nothing scrolls sideways at 800×600");
    await app.waitFor(fits, { what: "the toolbar's groups to fit at 800×600" });
    await app.screenshot("800");
    const canvas = await app.canvasRect();
    assert.ok(canvas.w >= 400 - 1, `the chart keeps half of 800 px beside the panels: ${canvas.w} px`);
  });
});

test("the inspector and insights panels resize by dragging their edge or with the arrow keys, and fold away", async () => {
  await inWorkspace("chrome panels", async (ws) => {
    const app = await ws.launch();
    await app.waitFor(async () => (await box(app, ".insights")) !== null, { what: "the insights panel, open at 1280 px" });
    // The first view settles (composed again once the panel has its width) before a card is picked to click.
    await app.waitForFirstFrame();
    const shown = await waitForQuiet(() => app.cards(), { what: "the first view to settle" });
    const card = shown.find((c) => c.x > 20 && c.y > 20 && c.x + c.w < 500);
    assert.ok(card, "a card to select");
    await app.click({ x: card.x + card.w / 2, y: card.y + card.h / 2 });
    await app.waitFor(async () => (await box(app, ".inspector")) !== null, { what: "the inspector to open" });

    for (const [panel, label] of [[".side-panel-inspector", "inspector"], [".side-panel-insights", "insights panel"]]) {
      const before = await box(app, panel);
      const handle = await box(app, `${panel} > .panel-handle`);
      const chart0 = await app.canvasRect();
      // Dragging the left edge 50 px to the right narrows the panel by 50 px and widens the chart as much.
      await app.drag({ x: handle.x + handle.w / 2, y: handle.y + handle.h / 2 }, { x: handle.x + handle.w / 2 + 50, y: handle.y + handle.h / 2 });
      const after = await app.waitFor(async () => {
        const b = await box(app, panel);
        return b && Math.abs(b.w - before.w) > 1 ? b : null;
      }, { what: `the ${label} to narrow` });
      assert.ok(Math.abs(after.w - (before.w - 50)) <= 2, `the ${label} went from ${before.w} to ${after.w} px after a 50 px drag`);
      await app.waitFor(async () => (await app.canvasRect()).w >= chart0.w + 48, { what: "the chart to widen beside the narrower panel" });
      // The keyboard: the handle takes the focus, ArrowLeft widens by 16 px.
      await app.exec((s) => document.querySelector(s)?.focus(), `${panel} > .panel-handle`);
      await app.chord(K.ArrowLeft);
      await app.waitFor(async () => Math.abs((await box(app, panel)).w - (after.w + 16)) <= 1, { what: `ArrowLeft to widen the ${label} by 16 px` });
    }
    // However far a panel is dragged, the chart keeps half the window.
    const handle = await box(app, ".side-panel-inspector > .panel-handle");
    await app.drag({ x: handle.x + handle.w / 2, y: handle.y + 200 }, { x: 100, y: handle.y + 200 });
    await app.waitFor(async () => (await box(app, ".side-panel-inspector")).w > 300, { what: "the inspector to widen" });
    const chart = await app.canvasRect();
    assert.ok(chart.w >= 1280 / 2 - 1, `the chart keeps half the window: ${chart.w} px`);

    // Folded away, the chart takes the room back.
    const wide = await app.canvasRect();
    await (await app.browser.$(`//button[@aria-label="Hide insights"]`)).click();
    await app.waitFor(async () => (await box(app, ".insights")) === null, { what: "the insights panel to fold" });
    await (await app.browser.$(`//button[@aria-label="Close the inspector"]`)).click();
    await app.waitFor(async () => (await box(app, ".inspector")) === null, { what: "the inspector to close" });
    const full = await app.waitFor(async () => {
      const c = await app.canvasRect();
      return c.w > wide.w + 300 ? c : null;
    }, { what: "the chart to take the panels' room" });
    assert.ok(full.w >= 1280 - 60, `the chart is ${full.w} px wide with both panels away`);
  });
});
