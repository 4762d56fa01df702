// The as-of date every view shows the org on: one value per window, kept by the back end in the document (view
// state, so it survives a relaunch), read by every scene and check command. Changing it asks every view again.
import { commands, type Error as CoreError } from "../bindings";
import { refreshScenes, type AppController, type Result } from "../app/controller";
import { sharedHealthFeed } from "../insights/healthFeed";
import type { Day } from "./asOfDate";

export interface AsOfBackend {
  viewDate(): Promise<Result<string | null, CoreError>>;
  /** Empty: today. Answers the day kept (today's date is kept as none). */
  setViewDate(day: string): Promise<Result<string | null, CoreError>>;
}

export const tauriAsOfBackend: AsOfBackend = {
  viewDate: () => commands.viewDate(),
  setViewDate: (day) => commands.setViewDate(day),
};

export interface AsOfSnapshot {
  /** null: today, the design as entered. */
  day: Day | null;
  /** The last refusal, for the field to show. */
  error: CoreError | null;
}

/** Observable for useSyncExternalStore; one per controller (see `asOfStore`). */
export class AsOfStore {
  private snap: AsOfSnapshot = { day: null, error: null };
  private listeners = new Set<() => void>();
  private unwatch: (() => void) | null = null;
  private path: string | null | undefined = undefined;
  /** Bumped by every request, so an older answer never overwrites a newer choice. */
  private asked = 0;

  constructor(
    private readonly ctl: AppController,
    private readonly backend: AsOfBackend = tauriAsOfBackend,
    /**
     * What a new day refreshes: every scene on screen, then the findings once the chart is drawn (they would
     * compete with it for the back end and the page, and the chart is what the person is looking at).
     */
    private readonly changed: () => void = () => {
      refreshScenes(ctl);
      void ctl.whenChangeDrawn().then(() => sharedHealthFeed.refresh());
    },
  ) {}

  snapshot = (): AsOfSnapshot => this.snap;

  /** The first subscriber starts following the open document (another document has its own day). */
  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    if (!this.unwatch) {
      this.unwatch = this.ctl.subscribe(() => this.onDocument());
      this.onDocument();
    }
    return () => {
      this.listeners.delete(f);
      if (this.listeners.size === 0 && this.unwatch) {
        this.unwatch();
        this.unwatch = null;
        this.path = undefined;
      }
    };
  };

  private onDocument(): void {
    const doc = this.ctl.snapshot().doc;
    if (!doc) return;
    const path = doc.document?.path ?? null;
    if (path === this.path) return;
    this.path = path;
    if (path === null) return this.publish({ day: null, error: null });
    const n = ++this.asked;
    void this.backend.viewDate().then((r) => {
      if (n !== this.asked) return;
      this.publish(r.status === "ok" ? { day: r.data, error: null } : { ...this.snap, error: r.error });
    });
  }

  /** Shows every view on `day` (null: today). Answers whether the back end took it. */
  async set(day: Day | null): Promise<boolean> {
    mark("asof:start");
    const n = ++this.asked;
    const r = await this.backend.setViewDate(day ?? "");
    if (n !== this.asked) return r.status === "ok";
    if (r.status === "error") {
      this.publish({ ...this.snap, error: r.error });
      this.ctl.fail(r.error);
      return false;
    }
    mark("asof:kept");
    const changed = r.data !== this.snap.day;
    this.publish({ day: r.data, error: null });
    if (changed) this.changed();
    return true;
  }

  private publish(next: AsOfSnapshot): void {
    if (next.day === this.snap.day && next.error === this.snap.error) return;
    this.snap = next;
    for (const f of this.listeners) f();
  }
}

/** Points on the performance timeline (read by the e2e as-of measurement). */
function mark(name: "asof:start" | "asof:kept"): void {
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark(name);
}

const stores = new WeakMap<AppController, AsOfStore>();

/** The window's one as-of store. */
export function asOfStore(ctl: AppController): AsOfStore {
  let s = stores.get(ctl);
  if (!s) stores.set(ctl, (s = new AsOfStore(ctl)));
  return s;
}
