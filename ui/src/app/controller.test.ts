import { describe, expect, it } from "vitest";
import type { Applied, ChartFrame, DocChanged, DocState, Entity, Error as CoreError, Op, OrgChartScene, Person } from "../bindings";
import { AppController, createdPersonId, NO_SELECTION, SceneFeed, type Backend, type Result, type SwitchAnswer } from "./controller";
import { dropVerdict, managersById } from "./drop";

const ok = <T,>(data: T): Result<T, CoreError> => ({ status: "ok", data });

/** An accepted edit's answer that created `created`. */
const applied = (created: Entity[] = []): Applied => ({ label: "Edit", changes: { scenario: 1, created, updated: [], deleted: [] }, active_scenario: 1 });

function docState(over: Partial<DocState> = {}): DocState {
  return {
    document: { name: "Sample", path: "/data/Sample.topo" },
    scenarios: [{ id: 1, name: "Current", position: 0, archived: false }],
    active_scenario: 1,
    records: { persons: [], dotted_lines: [], units: [], memberships: [], areas: [], contributors: [], interactions: [], placements: [] },
    history: { undo: null, redo: null },
    problem: null,
    revision: 0,
    ...over,
  };
}

const scene = (n: number): OrgChartScene => ({
  ids: Array.from({ length: n }, (_, i) => i + 1), x: new Array(n).fill(0), y: new Array(n).fill(0),
  w: new Array(n).fill(220), h: new Array(n).fill(84), connectors: [], bounds: { x: 0, y: 0, w: 220, h: 84 }, cards: [], stubs: [],
});

/** A back end in memory: records calls, lets the test fire events and decide when layouts finish. */
function fakeBackend(state: DocState) {
  const calls: string[] = [];
  let onChanged: (e: DocChanged) => void = () => {};
  let onError: (e: CoreError) => void = () => {};
  const pendingScenes: ((r: Result<OrgChartScene, CoreError>) => void)[] = [];
  const pendingSwitches: ((r: Result<SwitchAnswer, CoreError>) => void)[] = [];
  const holds: (number | null)[] = [];
  const frames: (ChartFrame | null)[] = [];
  const switchFrames: (ChartFrame | null)[] = [];
  let applyResult: Result<Applied, CoreError> = ok(applied());
  const backend: Backend = {
    getState: async () => ok(fake.state),
    orgChartScene: (frame) => { calls.push("scene"); frames.push(frame); return new Promise((res) => pendingScenes.push(res)); },
    apply: async (op: Op) => { calls.push(`apply:${op.op}`); return applyResult; },
    undo: async () => { calls.push("undo"); return ok(applied()); },
    redo: async () => { calls.push("redo"); return ok(applied()); },
    setCollapsed: async (node, c) => { calls.push(`collapse:${node}:${c}`); return { status: "ok", data: null }; },
    collapsed: async () => { calls.push("collapsed"); return ok([3, 5]); },
    replaceCollapsed: async (nodes) => { calls.push(`replace:${nodes.join(",")}`); return { status: "ok", data: null }; },
    switchScenario: (id, known, held, frame) => { holds.push(held); switchFrames.push(frame); calls.push(`switch:${id}${known === null ? "" : `@${known}`}`); return new Promise((res) => pendingSwitches.push(res)); },
    onDocChanged: async (f) => { onChanged = f; return () => { onChanged = () => {}; }; },
    onAppError: async (f) => { onError = f; return () => {}; },
  };
  const fake = {
    state,
    backend, calls, pendingScenes, pendingSwitches, holds, frames, switchFrames,
    fire: (e: DocChanged) => onChanged(e),
    fireError: (e: CoreError) => onError(e),
    failApplyWith: (e: CoreError) => { applyResult = { status: "error", error: e }; },
  };
  return fake;
}

describe("AppController", () => {
  it("loads the state, then the scene", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    expect(ctl.snapshot().doc?.document?.name).toBe("Sample");
    expect(fake.calls).toEqual(["scene"]);
    fake.pendingScenes.shift()?.(ok(scene(3)));
    await Promise.resolve();
    expect(ctl.snapshot().scene?.ids).toHaveLength(3);
  });

  it("settles whenSceneIn only once the chart asked for last is in, so work that can wait does not compete with it", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(3)));
    await Promise.resolve();
    await ctl.whenSceneIn(); // nothing on its way: at once

    ctl.refreshScene();
    ctl.refreshScene(); // a second change while the first layout runs: one more follows
    let settled = false;
    void ctl.whenSceneIn().then(() => { settled = true; });
    fake.pendingScenes.shift()?.(ok(scene(4)));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(false);
    fake.pendingScenes.shift()?.(ok(scene(5)));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(true);
    expect(ctl.snapshot().scene?.ids).toHaveLength(5);
  });

  it("asks the first layout to fold a big org for the view, and no later one; a layout in before the state is shown at once", async () => {
    const fake = fakeBackend(docState());
    let aspect = 1.6;
    const ctl = new AppController(fake.backend, (fold) => ({ aspect, fold: fold ? { width: 1000, height: 600, zoom: 0.31, reserve_width: 0, reserve_height: 0 } : null }));
    let state: (v: Result<DocState, CoreError>) => void = () => {};
    fake.backend.getState = () => new Promise((res) => (state = res));
    const started = ctl.start();
    await new Promise((r) => setTimeout(r, 0));
    fake.pendingScenes.shift()?.(ok(scene(3)));
    await Promise.resolve();
    expect(ctl.snapshot().scene?.ids).toHaveLength(3); // drawn while the records are on their way
    expect(ctl.snapshot().doc).toBeNull();
    state(ok(docState()));
    await started;
    expect(ctl.snapshot().doc?.document?.name).toBe("Sample");
    expect(fake.calls).toEqual(["scene"]); // not asked again
    expect(fake.frames[0]?.fold).toEqual({ width: 1000, height: 600, zoom: 0.31, reserve_width: 0, reserve_height: 0 });
    // A resize within the same shape step lays out nothing; another shape lays out again, folding nothing.
    ctl.reframe();
    expect(fake.calls).toEqual(["scene"]);
    aspect = 2;
    ctl.reframe();
    expect(fake.calls).toEqual(["scene", "scene"]);
    expect(fake.frames[1]).toEqual({ aspect: 2, fold: null });
  });

  it("lets work that waits for the first chart go once it is drawn", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend, () => null);
    let done = false;
    void ctl.whenSwitched().then(() => (done = true));
    await ctl.start();
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.pendingScenes.shift()?.(ok(scene(2)));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(true);
  });

  it("survives React's mount, unmount, mount (StrictMode) with one live subscription", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    const first = ctl.start();
    ctl.dispose();
    await first;
    await ctl.start();
    expect(ctl.snapshot().doc?.document?.name).toBe("Sample");
    fake.pendingScenes.splice(0).forEach((res) => res(ok(scene(2))));
    await Promise.resolve();
    expect(ctl.snapshot().scene?.ids).toHaveLength(2);
  });

  it("shows a start-up problem in the status bar", async () => {
    const fake = fakeBackend(docState({ document: null, problem: { code: "not_a_document", message: "x.topo: not a Topograph document" } }));
    const ctl = new AppController(fake.backend);
    await ctl.start();
    expect(ctl.snapshot().status).toEqual({ kind: "error", code: "not_a_document", message: "x.topo: not a Topograph document" });
    // The first layout is asked for together with the state; with no document its refusal is
    // dropped and the start-up problem stays in the status bar.
    expect(fake.calls).toEqual(["scene"]);
    fake.pendingScenes.shift()?.({ status: "error", error: { code: "not_found", message: "no document is open" } });
    await Promise.resolve();
    expect(ctl.snapshot().scene).toBeNull();
    expect(ctl.snapshot().status).toEqual({ kind: "error", code: "not_a_document", message: "x.topo: not a Topograph document" });
    expect(fake.calls).toEqual(["scene"]);
  });

  it("patches the store from events and coalesces layouts requested meanwhile", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    const person = {
      id: 4, name: "Di", title: "Designer", discipline: "design", level: null, location: null, email: null, employee_id: null,
      employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager: null,
    } as const;
    for (let i = 0; i < 3; i++) {
      fake.fire({
        kind: "applied", label: "Add person",
        changes: { scenario: 1, created: i === 0 ? [{ kind: "person", record: person }] : [], updated: [], deleted: [] },
        history: { undo: "Add person", redo: null },
        revision: i + 1,
      });
    }
    expect(ctl.snapshot().doc?.records.persons).toHaveLength(1);
    expect(ctl.snapshot().doc?.history.undo).toBe("Add person");
    expect(fake.calls).toEqual(["scene"]); // the first layout is still running
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    expect(fake.calls).toEqual(["scene", "scene"]); // one more for all the changes meanwhile
    fake.pendingScenes.shift()?.(ok(scene(2)));
    await Promise.resolve();
    expect(ctl.snapshot().scene?.ids).toHaveLength(2);
  });

  it("reports refused operations by code and message and keeps the store", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    const before = ctl.snapshot().doc;
    fake.failApplyWith({ code: "cycle", message: "Ada reports to Ben already" });
    expect(await ctl.apply({ op: "move-subtree", person: 1, manager: 2 })).toBe(false);
    expect(ctl.snapshot().status).toEqual({ kind: "error", code: "cycle", message: "Ada reports to Ben already" });
    expect(ctl.snapshot().doc).toBe(before);
    fake.fireError({ code: "file_exists", message: "b.topo: a file exists there already" });
    expect(ctl.snapshot().status).toMatchObject({ code: "file_exists" });
  });

  it("replaces the store on reload and drops the scene when no document is open", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(2)));
    await Promise.resolve();
    expect(ctl.snapshot().scene).not.toBeNull();
    fake.fire({ kind: "reloaded", state: docState({ document: null, scenarios: [], active_scenario: null, revision: 1 }), revision: 1 });
    expect(ctl.snapshot().doc?.document).toBeNull();
    expect(ctl.snapshot().scene).toBeNull();
  });

  it("asks for a new layout after collapsing", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(2)));
    await Promise.resolve();
    await ctl.setCollapsed(7, true);
    expect(fake.calls).toEqual(["scene", "collapse:7:true", "scene"]);
  });

  it("expands several nodes with one new layout, and replaces the collapsed set", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(2)));
    await Promise.resolve();
    expect(await ctl.collapsedNodes()).toEqual([3, 5]);
    await ctl.expand([3, 5]);
    fake.pendingScenes.shift()?.(ok(scene(4)));
    await Promise.resolve();
    await ctl.replaceCollapsed([]);
    expect(fake.calls).toEqual(["scene", "collapsed", "collapse:3:false", "collapse:5:false", "scene", "replace:", "scene"]);
  });

  // The order of events and answers is the switcher's (scenarioSwitcher.test.ts); these check the store and layouts.
  const proposal = (revision: number) => docState({ active_scenario: 2, revision, scenarios: [{ id: 1, name: "Current", position: 0, archived: false }, { id: 2, name: "Proposal", position: 1, archived: false }] });
  const answer = (revision: number, over: Partial<SwitchAnswer> = {}): SwitchAnswer =>
    ({ state: proposal(revision), version: 4, left: 1, left_version: 3, scene: scene(4), records: proposal(revision).records, changes: null, ...over });

  it("opens a switched-to scenario from the switch's answer with its chart, asking for no layout", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    const switched = ctl.switchScenario(2);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    expect(ctl.snapshot().doc?.active_scenario).toBe(1);
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    expect(ctl.snapshot().doc?.active_scenario).toBe(2);
    expect(ctl.snapshot().scene?.ids).toHaveLength(4);
    expect(fake.calls).toEqual(["scene", "switch:2"]);
    expect(fake.holds).toEqual([1]);
  });

  it("sends the view's frame now with a switch, with the room a first visit folds for, so the answer's chart is not laid out again", async () => {
    const fake = fakeBackend(docState());
    let aspect = 1.6;
    const ctl = new AppController(fake.backend, (fold) => ({ aspect, fold: fold ? { width: 900, height: 600, zoom: 0.3, reserve_width: 0, reserve_height: 0 } : null }));
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    // The view's shape moved since the last layout (its box was only estimated then): the switch is asked with the new one.
    aspect = 1.25;
    const switched = ctl.switchScenario(2);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    expect(fake.switchFrames).toEqual([{ aspect: 1.25, fold: { width: 900, height: 600, zoom: 0.3, reserve_width: 0, reserve_height: 0 } }]);
    expect(fake.calls).toEqual(["scene", "switch:2"]);
  });

  it("shows a kept chart at once when switching back, and lays it out again when the view has changed shape since", async () => {
    const fake = fakeBackend(docState());
    let aspect = 1.6;
    const ctl = new AppController(fake.backend, () => ({ aspect, fold: null }));
    await ctl.start();
    const first = scene(1);
    fake.pendingScenes.shift()?.(ok(first));
    await Promise.resolve();
    let switched = ctl.switchScenario(2);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    expect(fake.calls).toEqual(["scene", "switch:2"]); // the answer's chart is for the shape asked last

    // The view changes shape (the insights panel takes its width): the proposal is laid out again.
    aspect = 0.8;
    ctl.reframe();
    fake.pendingScenes.shift()?.(ok(scene(4)));
    await Promise.resolve();

    // Back to Current, unchanged: its kept chart is shown at once, then laid out again for the view now.
    const back = { ...docState({ revision: 2 }), scenarios: proposal(2).scenarios };
    switched = ctl.switchScenario(1);
    fake.fire({ kind: "switched", scenario: 1, revision: 2 });
    fake.pendingSwitches.shift()?.(ok({ state: back, version: 3, left: 2, left_version: 4, scene: null, records: null, changes: null }));
    await switched;
    expect(fake.calls).toEqual(["scene", "switch:2", "scene", "switch:1@3", "scene"]);
    expect(ctl.snapshot().scene).toBe(first);
    expect(fake.frames.at(-1)).toEqual({ aspect: 0.8, fold: null });
    const relaid = scene(2);
    fake.pendingScenes.shift()?.(ok(relaid));
    await Promise.resolve();
    expect(ctl.snapshot().scene).toBe(relaid);
  });

  it("tells the back end the chart's room with a switch back after another tab's layout, so a kept chart of that shape is not laid out again", async () => {
    const fake = fakeBackend(docState());
    let aspect = 1.6;
    const ctl = new AppController(fake.backend, () => ({ aspect, fold: null }));
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    let switched = ctl.switchScenario(2);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    // An edit on another tab: its layout is asked for with that tab's room.
    aspect = 0.8;
    ctl.refreshScene();
    fake.pendingScenes.shift()?.(ok(scene(4)));
    await Promise.resolve();
    // Back on the chart, Current comes back kept and laid out for the chart's room: the switch itself told the back
    // end that room, so its remembered shape is the chart's again and nothing is laid out.
    aspect = 1.6;
    const back = { ...docState({ revision: 2 }), scenarios: proposal(2).scenarios };
    switched = ctl.switchScenario(1);
    fake.fire({ kind: "switched", scenario: 1, revision: 2 });
    fake.pendingSwitches.shift()?.(ok({ state: back, version: 3, left: 2, left_version: 4, scene: null, records: null, changes: null }));
    await switched;
    expect(fake.calls.at(-1)).toBe("switch:1@3");
    expect(fake.switchFrames.at(-1)).toEqual({ aspect: 1.6, fold: null });
  });

  it("patches in an edit made between a switch's event and its answer, then lays the chart out again", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    const switched = ctl.switchScenario(2);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    fake.fire({ kind: "applied", label: "Rename", changes: { scenario: 2, created: [], updated: [], deleted: [] }, history: { undo: "Rename", redo: null }, revision: 2 });
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    expect(ctl.snapshot().doc?.history.undo).toBe("Rename");
    expect(ctl.snapshot().doc?.revision).toBe(2);
    expect(fake.calls).toEqual(["scene", "switch:2", "scene"]);
  });

  it("tells when the switch under way is shown, for work that can wait", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    let shown = false;
    const switched = ctl.switchScenario(2);
    void ctl.whenSwitched().then(() => (shown = true));
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe(false);
    fake.pendingSwitches.shift()?.(ok(answer(1)));
    await switched;
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe(true);
  });

  it("loads the state and a layout when another part of the app switched scenarios", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    fake.pendingScenes.shift()?.(ok(scene(1)));
    await Promise.resolve();
    fake.state = proposal(1);
    fake.fire({ kind: "switched", scenario: 2, revision: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(ctl.snapshot().doc?.active_scenario).toBe(2);
    expect(fake.calls).toEqual(["scene", "scene"]);
  });

  it("answers the id of the person an op created", async () => {
    const person = { id: 42, name: "Ana", title: "", discipline: "engineering", level: null, location: null, email: null, employee_id: null, employment: "employee", status: "active", start_date: null, cost: null, custom: {}, manager: null } satisfies Person;
    const membership: Entity = { kind: "membership", record: { person: 42, unit: 5, allocation: 100, role: "engineer" } };
    expect(createdPersonId(applied([membership, { kind: "person", record: person }]))).toBe(42);
    expect(createdPersonId(applied([membership]))).toBeNull();
    expect(createdPersonId(applied())).toBeNull();
  });
});

describe("shared view state", () => {
  const person = (id: number) => ({ id, name: `P${id}`, title: "", discipline: "engineering", level: null, location: null, email: null, employee_id: null, employment: "full-time", status: "active", start_date: null, cost: null, custom: {}, manager: null }) as unknown as DocState["records"]["persons"][number];
  const unit = (id: number) => ({ id, name: `U${id}`, mission: "", kind: "stream-aligned", parent: null, lead: null, colour: null, target_size: null }) as DocState["records"]["units"][number];

  it("switches views and keeps one selection for all of them", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    expect(ctl.snapshot().view).toBe("org-chart");
    ctl.setView("team-map");
    expect(ctl.snapshot().view).toBe("team-map");
    ctl.selectPerson(7);
    expect(ctl.snapshot().selection).toEqual({ persons: [7], units: [] });
    ctl.selectUnit(3);
    expect(ctl.snapshot().selection).toEqual({ persons: [], units: [3] });
    ctl.select({ persons: [1, 2], units: [3] });
    expect(ctl.snapshot().selection.persons).toEqual([1, 2]);
    ctl.select(null);
    expect(ctl.snapshot().selection).toBe(NO_SELECTION);
  });

  it("forgets selected people and units the document no longer has", async () => {
    const records = docState().records;
    const fake = fakeBackend(docState({ records: { ...records, persons: [person(1), person(2)], units: [unit(5)] } }));
    const ctl = new AppController(fake.backend);
    await ctl.start();
    ctl.select({ persons: [1, 2], units: [5] });
    fake.fire({ kind: "reloaded", state: docState({ records: { ...records, persons: [person(2)], units: [] }, revision: 1 }), revision: 1 });
    expect(ctl.snapshot().selection).toEqual({ persons: [2], units: [] });
  });

  it("feeds a view's scene once per change of the document, collapsing requests made while one computes", async () => {
    const fake = fakeBackend(docState());
    const ctl = new AppController(fake.backend);
    await ctl.start();
    const answers: ((r: Result<string, CoreError>) => void)[] = [];
    const feed = new SceneFeed<string>(ctl, "test", () => new Promise((res) => answers.push(res)));
    const seen: (string | null)[] = [];
    const stop = feed.subscribe(() => seen.push(feed.snapshot()));
    expect(answers).toHaveLength(1);
    fake.fire({ kind: "reloaded", state: docState({ revision: 1 }), revision: 1 });
    fake.fire({ kind: "reloaded", state: docState({ revision: 2 }), revision: 2 });
    ctl.selectPerson(1); // not a document change: no new scene
    answers.shift()?.(ok("first"));
    await Promise.resolve();
    expect(seen).toEqual([]); // stale: asked again instead of showing an outdated scene
    expect(answers).toHaveLength(1);
    answers.shift()?.(ok("second"));
    await Promise.resolve();
    expect(seen).toEqual(["second"]);
    stop();
    fake.fire({ kind: "reloaded", state: docState({ revision: 3 }), revision: 3 });
    expect(answers).toHaveLength(0);
  });
});

describe("dropVerdict", () => {
  const managers = managersById([
    { id: 1, manager: null }, { id: 2, manager: 1 }, { id: 3, manager: 2 }, { id: 4, manager: null },
  ]);
  const name = (id: number) => `#${id}`;
  it("allows moves that keep the reporting lines a tree", () => {
    expect(dropVerdict(managers, 3, 4, name)).toEqual({ ok: true });
    expect(dropVerdict(managers, 2, 4, name)).toEqual({ ok: true });
  });
  it("refuses a drop under oneself or one's own reports", () => {
    expect(dropVerdict(managers, 2, 2, name).ok).toBe(false);
    expect(dropVerdict(managers, 1, 3, name)).toEqual({ ok: false, reason: "#3 reports to #1: that would make a loop" });
  });
  it("stops on a loop in bad data instead of hanging", () => {
    const loop = managersById([{ id: 1, manager: 2 }, { id: 2, manager: 1 }]);
    expect(dropVerdict(loop, 3, 1, name)).toEqual({ ok: true });
  });
});
