import { describe, expect, it } from "vitest";
import type { DocChanged, DocState, Error as CoreError, OrgChartScene, Person } from "../bindings";
import type { Result } from "../app/controller";
import { reduceDocChanged } from "../app/changes";
import { KeptScenarios, ScenarioSwitcher, type SwitchAnswer } from "./scenarioSwitcher";

const person = (id: number, name: string) => ({ id, name }) as unknown as Person;
const scenarios = [
  { id: 1, name: "Current", position: 0, archived: false },
  { id: 2, name: "Proposal", position: 1, archived: false },
  { id: 3, name: "Other", position: 2, archived: false },
];

function docState(revision: number, active = 1, persons: Person[] = []): DocState {
  return {
    document: { name: "Acme", path: "/d/Acme.topo" },
    scenarios,
    active_scenario: active,
    records: { persons, dotted_lines: [], units: [], memberships: [], areas: [], contributors: [], interactions: [], placements: [], budgets: [], dated_changes: [], plan_settings: null },
    history: { undo: null, redo: null },
    problem: null,
    revision,
  };
}

const chart = (n: number): OrgChartScene => ({
  ids: Array.from({ length: n }, (_, i) => i + 1), x: new Array(n).fill(0), y: new Array(n).fill(0),
  w: new Array(n).fill(220), h: new Array(n).fill(84), connectors: [], bounds: { x: 0, y: 0, w: 220, h: 84 }, cards: [], stubs: [],
});

const added = (revision: number, p: Person, scenario = 1): DocChanged => ({
  kind: "applied", label: "Add", changes: { scenario, created: [{ kind: "person", record: p }], updated: [], deleted: [] }, history: { undo: "Add", redo: null }, revision,
});

/** An answer opening `to` at `revision`, whole unless told otherwise. */
function opened(to: number, revision: number, over: Partial<SwitchAnswer> = {}): SwitchAnswer {
  return { state: { ...docState(revision, to), records: docState(0).records }, version: 10 + to, left: 1, left_version: 11, scene: chart(to), records: docState(0, to, [person(to * 100, "Whole")]).records, changes: null, ...over };
}

/** A host in memory: the store, every switch asked for (answered by the test), and how often it resynced. */
function fakeHost(first: DocState) {
  const asked: { id: number; known: number | null; holds: number | null; answer: (r: Result<SwitchAnswer, CoreError>) => void }[] = [];
  const store = { doc: first as DocState | null, scene: chart(1) as OrgChartScene | null, resyncs: 0, errors: [] as string[] };
  const switcher = new ScenarioSwitcher({
    switchScenario: (id, known, holds) => new Promise((answer) => asked.push({ id, known, holds, answer })),
    shown: () => ({ doc: store.doc, scene: store.scene, sceneIsLatest: true }),
    showEvent: (e) => { store.doc = store.doc ? reduceDocChanged(store.doc, e) : e.kind === "reloaded" ? e.state : null; },
    showOpened: (doc, scene) => { store.doc = doc; store.scene = scene; },
    resync: () => { store.resyncs++; },
    fail: (e) => { store.errors.push(e.code); },
  });
  switcher.state(first, (doc) => { store.doc = doc; });
  const answer = async (i: number, a: SwitchAnswer) => { asked[i]?.answer({ status: "ok", data: a }); await new Promise((r) => setTimeout(r, 0)); };
  return { switcher, store, asked, answer };
}

const names = (doc: DocState | null) => doc?.records.persons.map((p) => p.name);

describe("ScenarioSwitcher", () => {
  it("shows events in order and drops those the state on screen includes already", () => {
    const { switcher, store } = fakeHost(docState(5));
    switcher.event(added(4, person(1, "Old")));
    switcher.event(added(5, person(2, "Same")));
    switcher.event(added(6, person(3, "New")));
    expect(names(store.doc)).toEqual(["New"]);
    expect(store.doc?.revision).toBe(6);
  });

  it("keeps events that come before the first state and shows those newer than it once it is in", () => {
    const store = { doc: null as DocState | null };
    const switcher = new ScenarioSwitcher({
      switchScenario: () => new Promise(() => {}), shown: () => ({ doc: store.doc, scene: null, sceneIsLatest: false }),
      showEvent: (e) => { store.doc = store.doc && reduceDocChanged(store.doc, e); }, showOpened: () => {}, resync: () => {}, fail: () => {},
    });
    switcher.event(added(3, person(1, "In the state")));
    switcher.event(added(4, person(2, "After it")));
    switcher.state(docState(3, 1, [person(1, "In the state")]), (doc) => { store.doc = doc; });
    expect(names(store.doc)).toEqual(["In the state", "After it"]);
  });

  it("opens a scenario from the switch's answer, whichever of event and answer comes first", async () => {
    for (const eventFirst of [true, false]) {
      const { switcher, store, answer } = fakeHost(docState(1));
      const done = switcher.switchTo(2);
      if (eventFirst) switcher.event({ kind: "switched", scenario: 2, revision: 2 });
      await answer(0, opened(2, 2));
      if (!eventFirst) switcher.event({ kind: "switched", scenario: 2, revision: 2 });
      expect(await done).toBe(true);
      expect([store.doc?.active_scenario, store.doc?.revision, names(store.doc), store.scene?.ids.length]).toEqual([2, 2, ["Whole"], 2]);
      expect(store.resyncs).toBe(0);
    }
  });

  it("keeps the newer of two switches when their answers come out of order", async () => {
    const { switcher, store, answer } = fakeHost(docState(1));
    void switcher.switchTo(2);
    void switcher.switchTo(3);
    switcher.event({ kind: "switched", scenario: 2, revision: 2 });
    switcher.event({ kind: "switched", scenario: 3, revision: 3 });
    await answer(1, opened(3, 3));
    expect(store.doc?.active_scenario).toBe(3);
    await answer(0, opened(2, 2));
    expect([store.doc?.active_scenario, store.doc?.revision]).toEqual([3, 3]);
    expect(store.resyncs).toBe(0);
  });

  it("shows both of two switches answered in order, the second after the first", async () => {
    const { switcher, store, answer } = fakeHost(docState(1));
    void switcher.switchTo(2);
    void switcher.switchTo(3);
    switcher.event({ kind: "switched", scenario: 2, revision: 2 });
    switcher.event({ kind: "switched", scenario: 3, revision: 3 });
    await answer(0, opened(2, 2));
    expect(store.doc?.active_scenario).toBe(2);
    await answer(1, opened(3, 3));
    expect([store.doc?.active_scenario, store.doc?.revision]).toEqual([3, 3]);
  });

  it("holds an edit made after the switch until the answer is shown, then patches it in", async () => {
    const { switcher, store, answer } = fakeHost(docState(1));
    void switcher.switchTo(2);
    switcher.event({ kind: "switched", scenario: 2, revision: 2 });
    switcher.event(added(3, person(900, "Made there"), 2));
    expect(store.doc?.active_scenario).toBe(1);
    await answer(0, opened(2, 2));
    expect(names(store.doc)).toEqual(["Whole", "Made there"]);
    expect([store.doc?.revision, store.resyncs]).toEqual([3, 0]);
  });

  it("opens a proposal from the changes to the records shown just before the switch, an earlier edit included", async () => {
    const { switcher, store, asked, answer } = fakeHost(docState(1, 1, [person(7, "Ada"), person(8, "Bo")]));
    void switcher.switchTo(2);
    switcher.event(added(2, person(9, "Cy")));
    switcher.event({ kind: "switched", scenario: 2, revision: 3 });
    const changes = { scenario: 2, created: [], updated: [{ kind: "person" as const, record: person(8, "Bea") }], deleted: [{ kind: "person" as const, id: 7 }] };
    await answer(0, opened(2, 3, { records: null, changes }));
    expect(asked[0]?.holds).toBe(1);
    expect(names(store.doc)).toEqual(["Bea", "Cy"]);
    expect(store.resyncs).toBe(0);
  });

  it("loads the state again when an answer with changes comes while an earlier edit is still on its way", async () => {
    const { switcher, store, answer } = fakeHost(docState(1));
    void switcher.switchTo(2);
    await answer(0, opened(2, 3, { records: null, changes: { scenario: 2, created: [], updated: [], deleted: [] } }));
    expect([store.doc?.active_scenario, store.resyncs]).toEqual([1, 1]);
    // Until that state is in, the late events wait; the state then replaces them.
    switcher.event(added(2, person(9, "Late")));
    switcher.event({ kind: "switched", scenario: 2, revision: 3 });
    switcher.event(added(4, person(50, "After"), 2));
    expect(names(store.doc)).toEqual([]);
    switcher.state(docState(3, 2, [person(9, "Late")]), (doc) => { store.doc = doc; });
    expect(names(store.doc)).toEqual(["Late", "After"]);
  });

  it("switches back to a scenario left unchanged with the records and chart it showed, sending its version", async () => {
    const { switcher, store, asked, answer } = fakeHost(docState(1, 1, [person(7, "Ada")]));
    const shown = store.doc?.records;
    void switcher.switchTo(2);
    await answer(0, opened(2, 2, { left: 1, left_version: 5 }));
    void switcher.switchTo(1);
    expect(asked[1]?.known).toBe(5);
    await answer(1, opened(1, 3, { left: 2, left_version: 9, version: 5, scene: null, records: null }));
    expect(store.doc?.records).toBe(shown);
    expect(store.scene?.ids).toHaveLength(1);
    void switcher.switchTo(2);
    expect(asked[2]?.known).toBe(9);
  });

  it("keeps nothing of a scenario changed between the click and the switch", async () => {
    const { switcher, answer, asked } = fakeHost(docState(1));
    void switcher.switchTo(2);
    switcher.event(added(2, person(3, "Between")));
    await answer(0, opened(2, 3, { left: 1, left_version: 5 }));
    void switcher.switchTo(1);
    expect(asked[1]?.known).toBeNull();
  });

  it("loads the state when another part of the app switched, holding later events until it is in", () => {
    const { switcher, store } = fakeHost(docState(1));
    switcher.event({ kind: "switched", scenario: 2, revision: 2 });
    switcher.event(added(3, person(4, "There"), 2));
    expect([store.doc?.active_scenario, store.resyncs]).toEqual([1, 1]);
    switcher.state(docState(2, 2), (doc) => { store.doc = doc; });
    expect([store.doc?.active_scenario, names(store.doc)]).toEqual([2, ["There"]]);
  });

  it("reports a failed switch and loads the state, since the switch may have happened", async () => {
    const { switcher, store, asked } = fakeHost(docState(1));
    const done = switcher.switchTo(2);
    asked[0]?.answer({ status: "error", error: { code: "internal", message: "stopped" } });
    expect(await done).toBe(false);
    expect([store.errors, store.resyncs]).toEqual([["internal"], 1]);
  });

  it("reports a switch whose call failed outright like a refused one, and waits for no answer", async () => {
    const store = { resyncs: 0, errors: [] as string[] };
    const switcher = new ScenarioSwitcher({
      switchScenario: () => Promise.reject(new Error("ipc gone")), shown: () => ({ doc: docState(1), scene: null, sceneIsLatest: false }),
      showEvent: () => {}, showOpened: () => {}, resync: () => { store.resyncs++; }, fail: (e) => { store.errors.push(e.code); },
    });
    switcher.state(docState(1), () => {});
    expect(await switcher.switchTo(2)).toBe(false);
    switcher.event({ kind: "switched", scenario: 3, revision: 2 });
    expect([store.errors, store.resyncs]).toEqual([["internal"], 2]);
  });

  it("drops the answer to a switch asked before the app started again", async () => {
    const { switcher, store, answer } = fakeHost(docState(1));
    const done = switcher.switchTo(2);
    switcher.reset();
    await answer(0, opened(2, 2));
    expect(await done).toBe(false);
    expect(store.doc?.active_scenario).toBe(1);
  });

  it("tells when the switch under way is shown, for work that can wait", async () => {
    const { switcher, answer } = fakeHost(docState(1));
    let shown = false;
    void switcher.switchTo(2);
    void switcher.whenSwitched().then(() => (shown = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toBe(false);
    await answer(0, opened(2, 2));
    await new Promise((r) => setTimeout(r, 20));
    expect(shown).toBe(true);
  });
});

describe("KeptScenarios", () => {
  const records = docState(0).records;
  const scene = chart(0);

  it("gives back a kept scenario only at the version it was kept at", () => {
    const c = new KeptScenarios();
    c.keep(2, { version: 7, records, scene });
    expect(c.versionOf(2)).toBe(7);
    expect(c.at(2, 7)?.scene).toBe(scene);
    expect(c.at(2, 8)).toBeNull();
    expect(c.at(3, 7)).toBeNull();
  });

  it("forgets the scenario left longest ago beyond its limit", () => {
    const c = new KeptScenarios(2);
    c.keep(1, { version: 1, records, scene });
    c.keep(2, { version: 1, records, scene });
    c.keep(1, { version: 2, records, scene });
    c.keep(3, { version: 1, records, scene });
    expect([c.versionOf(1), c.versionOf(2), c.versionOf(3)]).toEqual([2, null, 1]);
    c.clear();
    expect(c.versionOf(1)).toBeNull();
  });
});
