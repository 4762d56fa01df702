// What the app showed of scenarios it left, so switching back to one that has not changed needs neither its
// records nor a new layout from the back end (which tells by the scenario's revision).
import type { OrgChartScene, OrgRecords, ScenarioId } from "../bindings";

export interface KeptScenario {
  /** The back end's revision of the scenario when it was left. */
  revision: number;
  records: OrgRecords;
  scene: OrgChartScene;
}

/** The few scenarios left most recently: a 10k scenario is a few MB of records and scene. */
export class ScenarioCache {
  private kept = new Map<ScenarioId, KeptScenario>();

  constructor(private readonly limit = 3) {}

  revisionOf(id: ScenarioId): number | null {
    return this.kept.get(id)?.revision ?? null;
  }

  keep(id: ScenarioId, entry: KeptScenario): void {
    this.kept.delete(id);
    this.kept.set(id, entry);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(oldest);
    }
  }

  /** What was kept of a scenario at exactly this revision, or null. */
  at(id: ScenarioId, revision: number): KeptScenario | null {
    const e = this.kept.get(id);
    return e && e.revision === revision ? e : null;
  }

  clear(): void {
    this.kept.clear();
  }
}
