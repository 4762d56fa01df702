// The scenario switch as one unit, and the order of what the back end says about the document. Every event and
// every answer that carries a state has the document's revision: events come in order on one channel, answers on
// their own, so the store keeps whichever is newer by comparing the numbers. A switch's `switched` event comes
// without the state (megabytes: it travels once, in the answer); events after it wait here until that answer, or a
// fresh get_state, is shown.
import type { DocChanged, DocState, Error as CoreError, OrgChartScene, OrgRecords, ScenarioId, ScenarioOpened } from "../bindings";
import type { Result } from "../app/controller";
import { applyChangeSet } from "../app/changes";

/** A switch's answer with its chart rebuilt from the columns it crossed as. */
export type SwitchAnswer = Omit<ScenarioOpened, "scene"> & { scene: OrgChartScene | null };

/** What the switcher needs of the app: the back end's switch, and the store it shows the document in. */
export interface SwitchHost {
  switchScenario(id: ScenarioId, known: number | null, holds: ScenarioId | null): Promise<Result<SwitchAnswer, CoreError>>;
  /** What is on screen; `sceneIsLatest` is false while a newer layout of it is on its way. */
  shown(): { doc: DocState | null; scene: OrgChartScene | null; sceneIsLatest: boolean };
  /** Shows an event, in order: a patch or a reload. */
  showEvent(e: Exclude<DocChanged, { kind: "switched" }>): void;
  /** Shows a switched-to scenario with its chart. */
  showOpened(doc: DocState, scene: OrgChartScene): void;
  /** Asks for the whole state again (get_state), to hand to `state`. */
  resync(): void;
  fail(e: CoreError): void;
}

/** What the app showed of a scenario it left, at the back end's version of that scenario then. */
export interface KeptScenario {
  version: number;
  records: OrgRecords;
  scene: OrgChartScene;
}

/**
 * The few scenarios left most recently (a 10k scenario is a few MB of records and scene), so switching back to one
 * that has not changed needs neither its records nor a new layout: the back end tells by the version.
 */
export class KeptScenarios {
  private kept = new Map<ScenarioId, KeptScenario>();

  constructor(private readonly limit = 3) {}

  versionOf(id: ScenarioId): number | null {
    return this.kept.get(id)?.version ?? null;
  }

  keep(id: ScenarioId, entry: KeptScenario): void {
    this.kept.delete(id);
    this.kept.set(id, entry);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(oldest);
    }
  }

  /** What was kept of a scenario at exactly this version, or null. */
  at(id: ScenarioId, version: number): KeptScenario | null {
    const e = this.kept.get(id);
    return e && e.version === version ? e : null;
  }

  clear(): void {
    this.kept.clear();
  }
}

export class ScenarioSwitcher {
  /** The revision of the state on screen; null before the first. */
  private revision: number | null = null;
  /** A switch announced at this revision is not shown yet: later events wait in `queue`. */
  private waitFor: number | null = null;
  private queue: DocChanged[] = [];
  /** Switches asked for and not answered: a `switched` event while there are none came from elsewhere. */
  private asked = 0;
  /** Bumped by `reset`, so answers to switches asked before are dropped. */
  private epoch = 0;
  private done: Promise<void> = Promise.resolve();
  readonly kept = new KeptScenarios();

  constructor(private readonly host: SwitchHost) {}

  /** Forgets everything (the app starts again). */
  reset(): void {
    this.epoch++;
    this.revision = this.waitFor = null;
    this.queue = [];
    this.asked = 0;
    this.kept.clear();
  }

  /** Every DocChanged event comes here: shown in order, dropped when what is shown includes it already. */
  event(e: DocChanged): void {
    if (this.revision !== null && e.revision <= this.revision) return;
    if (this.revision === null || this.waitFor !== null) this.queue.push(e);
    else this.show(e);
  }

  /** A whole state (get_state's answer): shown with `show` unless something newer is, then what waited for it. */
  state(doc: DocState, show: (doc: DocState) => void): boolean {
    if (this.revision !== null && doc.revision <= this.revision) return false;
    show(doc);
    this.shownAt(doc.revision);
    return true;
  }

  /** Opens another scenario; its state and chart come in the answer. Answers whether it is shown (or newer is). */
  switchTo(id: ScenarioId): Promise<boolean> {
    const run = this.open(id);
    this.done = run.then(afterNextFrames, afterNextFrames);
    return run;
  }

  /** Settles once the switch under way, if any, is shown and its chart drawn: work that can wait, waits. */
  whenSwitched(): Promise<void> {
    return this.done;
  }

  private show(e: DocChanged): void {
    if (e.kind === "switched") {
      this.waitFor = e.revision;
      if (this.asked === 0) this.host.resync(); // switched by another part of the app: no answer will come
      return;
    }
    if (e.kind === "reloaded") this.kept.clear();
    this.revision = e.revision;
    this.host.showEvent(e);
  }

  private shownAt(revision: number): void {
    this.revision = revision;
    if (this.waitFor !== null && this.waitFor <= revision) this.waitFor = null;
    while (this.waitFor === null && this.queue.length > 0) {
      const e = this.queue.shift() as DocChanged;
      if (e.revision > revision) this.show(e);
    }
  }

  private async open(id: ScenarioId): Promise<boolean> {
    for (const name of SWITCH_MARKS) clearMark(name);
    mark("switch:start");
    const { doc, scene, sceneIsLatest } = this.host.shown();
    const leaving = doc?.active_scenario != null && scene && sceneIsLatest && this.revision !== null && this.waitFor === null
      ? { scenario: doc.active_scenario, records: doc.records, scene, revision: this.revision }
      : null;
    const holds = doc?.document ? doc.active_scenario : null;
    const epoch = this.epoch;
    this.asked++;
    let r: Result<SwitchAnswer, CoreError>;
    try {
      r = await this.host.switchScenario(id, this.kept.versionOf(id), holds);
    } catch (e) {
      r = { status: "error", error: { code: "internal", message: `the switch was not answered: ${String(e)}` } };
    }
    mark("switch:answer-in");
    if (epoch !== this.epoch) return false;
    this.asked--;
    if (r.status === "error") {
      this.host.fail(r.error);
      this.host.resync(); // the switch may have happened and only the layout failed
      return false;
    }
    const a = r.data;
    const at = a.state.revision;
    // What was shown of the scenario left is that scenario at its version then, if nothing came in between.
    if (leaving && a.left === leaving.scenario && leaving.revision === at - 1) {
      this.kept.keep(leaving.scenario, { version: a.left_version, records: leaving.records, scene: leaving.scene });
    }
    if (this.revision !== null && at <= this.revision) return true; // something newer is shown already
    const records = this.recordsOf(id, a);
    const chart = a.scene ?? this.kept.at(id, a.version)?.scene;
    if (!records || !chart) {
      // Changes with nothing certain to apply them to, or a kept copy no longer here: load the state instead.
      this.waitFor = Math.max(this.waitFor ?? at, at);
      this.host.resync();
      return true;
    }
    const { problem: _problem, ...state } = a.state;
    this.host.showOpened({ ...state, records, problem: null }, chart);
    this.shownAt(at);
    mark("switch:applied");
    return true;
  }

  /** The records an answer stands for: whole, changes from those shown just before the switch, or kept. */
  private recordsOf(id: ScenarioId, a: SwitchAnswer): OrgRecords | null {
    if (a.records) return a.records;
    if (a.changes) {
      const shown = this.host.shown().doc;
      if (!shown || this.revision !== a.state.revision - 1) return null;
      return applyChangeSet({ ...a.state, records: shown.records, problem: null }, a.changes).records;
    }
    return this.kept.at(id, a.version)?.records ?? null;
  }
}

/** Settles after two frames, so the chart drawn for a new state is on screen before what waits for it runs. */
function afterNextFrames(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function") return void setTimeout(resolve, 0);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}

/** Points on the performance timeline of the last switch (read by the e2e switch measurement). */
const SWITCH_MARKS = ["switch:start", "switch:answer-in", "switch:applied"] as const;

function mark(name: (typeof SWITCH_MARKS)[number]): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}

function clearMark(name: string): void {
  if (typeof performance !== "undefined" && typeof performance.clearMarks === "function") performance.clearMarks(name);
}
