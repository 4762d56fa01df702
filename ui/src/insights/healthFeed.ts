// Keeps the open scenario's health findings fresh: fetched once, then again after every DocChanged.
import { commands, events, type DocChanged, type EntityKind, type Error as CoreError, type Finding } from "../bindings";
import { thisWindow } from "../app/thisWindow";
import type { Result } from "../app/controller";
import { badgeCounts } from "./findings";

export interface HealthBackend {
  findings(): Promise<Result<Finding[], CoreError>>;
  /** Calls `f` with the kind of every DocChanged event. */
  onDocChanged(f: (kind: DocChanged["kind"]) => void): Promise<() => void>;
}

export const tauriHealthBackend: HealthBackend = {
  findings: () => commands.healthFindings(),
  onDocChanged: (f) => events.docChanged(thisWindow()).listen((e) => f(e.payload.kind)),
};

export interface HealthSnapshot {
  findings: readonly Finding[];
  /** Problems per "kind:id", for badges. */
  badges: ReadonlyMap<string, number>;
  error: CoreError | null;
}

/**
 * Observable for useSyncExternalStore. Edits can come faster than the checks answer (a drag, then undo):
 * while one request runs, later changes only mark the findings stale, and one more request follows.
 */
export class HealthFeed {
  private snap: HealthSnapshot = { findings: [], badges: new Map(), error: null };
  private listeners = new Set<() => void>();
  private running = false;
  private stale = false;
  private unlisten: (() => void) | null = null;
  private disposed = false;

  constructor(private backend: HealthBackend = tauriHealthBackend) {}

  snapshot = (): HealthSnapshot => this.snap;

  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  };

  /**
   * `switched`: settles once the scenario switch under way (if any) is shown, or the document's first chart;
   * `changed`: once the chart of any other change just announced is drawn. The checks wait for them, so they do not
   * compete with the chart for the back end and the chart is drawn first.
   */
  async start(switched: () => Promise<unknown> = () => Promise.resolve(), changed: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
    this.disposed = false;
    const unlisten = await this.backend.onDocChanged((kind) => {
      void (kind === "switched" ? switched() : changed()).then(() => this.refresh());
    });
    if (this.disposed) return unlisten();
    this.unlisten = unlisten;
    await switched();
    if (this.disposed) return;
    await this.refresh();
  }

  dispose(): void {
    this.disposed = true;
    this.unlisten?.();
    this.unlisten = null;
  }

  async refresh(): Promise<void> {
    if (this.running) {
      this.stale = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.stale = false;
        mark("insights:asked");
        const r = await this.backend.findings();
        mark("insights:in");
        if (this.disposed) return;
        if (r.status === "ok" && this.snap.error === null && sameFindings(this.snap.findings, r.data)) continue;
        this.snap = r.status === "ok" ? withFindings(this.snap, r.data) : { ...this.snap, error: r.error };
        for (const f of this.listeners) f();
      } while (this.stale);
    } finally {
      this.running = false;
    }
  }
}

/**
 * The snapshot with new findings, keeping the old badge map when the counts are the same: every change announces
 * a refetch (a scenario switch, an edit elsewhere), and a new map would redraw a 10k chart for nothing.
 */
function withFindings(prev: HealthSnapshot, findings: Finding[]): HealthSnapshot {
  const badges = badgeCounts(findings);
  return { findings, badges: sameCounts(prev.badges, badges) ? prev.badges : badges, error: null };
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Finding, y = b[i] as Finding;
    for (const k of Object.keys(x) as (keyof Finding)[]) if (x[k] !== y[k]) return false;
  }
  return true;
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}

/** Points on the performance timeline (read by the e2e switch measurement). */
function mark(name: "insights:asked" | "insights:in"): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}

/** The app's one feed: the insights panel keeps it running, the chart reads its badges. */
export const sharedHealthFeed = new HealthFeed();

/** Problems per id of one kind of entity: people for the org chart's cards, units for the team map's teams. */
export function badgesOf(kind: EntityKind, badges: ReadonlyMap<string, number>): Map<number, number> {
  const prefix = `${kind}:`;
  const out = new Map<number, number>();
  for (const [key, n] of badges) if (key.startsWith(prefix)) out.set(Number(key.slice(prefix.length)), n);
  return out;
}

export const personBadges = (badges: ReadonlyMap<string, number>) => badgesOf("person", badges);
