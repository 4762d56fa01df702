// The insights panel: the open scenario's health findings by severity and check; a click focuses the item.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { EntityKind, Finding } from "../bindings";
import type { AppController } from "../app/controller";
import { checkLabel, groupFindings } from "./findings";
import { badgesOf, HealthFeed, sharedHealthFeed } from "./healthFeed";
import { HealthSettingsDialog } from "./HealthSettingsDialog";
import { useCheckTexts } from "./checkCatalogue";
import { revealFinding } from "./findingTargets";
import { SidePanel } from "../chrome/SidePanel";
import { insightsOpenByDefault, readStored, writeStored } from "../chrome/panelWidth";
import { FindingTimeline } from "../asof/FindingTimeline";
import "./insights.css";

const OPEN_KEY = "topograph.panel.insights.open";

/** Long lists (roll-ups of a 10k org) show this many items until asked for all. */
const SHOWN = 50;

export function InsightsPanel({ ctl, feed: given }: { ctl: AppController; feed?: HealthFeed }) {
  const feed = given ?? sharedHealthFeed;
  useEffect(() => {
    void feed.start(() => ctl.whenSwitched(), () => ctl.whenChangeDrawn());
    return () => feed.dispose();
  }, [feed, ctl]);
  const { findings, error } = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const texts = useCheckTexts();
  const titles = useMemo(() => new Map([...texts].map(([id, t]) => [id, t.title])), [texts]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A column beside every view (AppShell's .app-body), so it stays mounted (and fresh) while the views change;
  // hidden, it folds to a narrow strip and the view takes the room.
  // Until opened or closed by hand (then remembered), the panel follows the window: closed when it is narrow.
  const [kept, setKept] = useState(() => readStored(OPEN_KEY));
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  const open = kept === undefined ? insightsOpenByDefault(windowWidth) : kept === "1";
  const setOpen = (on: boolean) => {
    writeStored(OPEN_KEY, on ? "1" : "0");
    setKept(on ? "1" : "0");
  };
  const problems = groups.filter((g) => g.severity !== "info").reduce((n, g) => n + g.count, 0);

  if (!open) {
    return (
      <button type="button" className="insights-toggle" onClick={() => setOpen(true)} title="Show insights">
        {/* The name is the visible text ("Insights 3"), which speech input users say to press it. */}
        <span className="insights-toggle-label">Insights <span className="count">{problems}</span></span>
      </button>
    );
  }
  return (
    <SidePanel id="insights" label="insights panel" limits={{ min: 220, max: 520 }} defaultWidth={300}>
    <aside className="insights" aria-label="Insights">
      <div className="insights-head">
        <h2>Insights <span className="count">{problems}</span></h2>
        <span>
          <button type="button" onClick={() => setSettingsOpen(true)} title="Thresholds and checks of this document">
            Settings…
          </button>{" "}
          <button type="button" onClick={() => setOpen(false)} aria-label="Hide insights">×</button>
        </span>
      </div>
      {error && <p className="insights-error"><code>{error.code}</code> {error.message}</p>}
      {groups.length === 0 && !error && <p className="muted insights-empty">No findings.</p>}
      {groups.map((g) => (
        <section key={g.severity} className={`insights-severity ${g.severity}`} data-severity={g.severity}>
          <h3>{g.severity === "error" ? "Errors" : g.severity === "warning" ? "Warnings" : "Information"} <span className="count">{g.count}</span></h3>
          {g.checks.map((c) => (
            <CheckSection key={c.check} check={c.check} title={checkLabel(c.check, titles)} fix={texts.get(c.check)?.fix ?? ""} source={c.source}
              findings={c.findings} open={g.severity !== "info"} onPick={(f) => revealFinding(ctl, f)} />
          ))}
        </section>
      ))}
      <FindingTimeline ctl={ctl} />
      {settingsOpen && <HealthSettingsDialog onClose={() => setSettingsOpen(false)} onError={(e) => ctl.fail(e)} />}
    </aside>
    </SidePanel>
  );
}

/** Problems per entity of one kind in the open scenario, for badges: people on the org chart, units on the team map. */
export function useBadges(kind: EntityKind, feed: HealthFeed = sharedHealthFeed): ReadonlyMap<number, number> {
  const { badges } = useSyncExternalStore(feed.subscribe, feed.snapshot);
  return useMemo(() => badgesOf(kind, badges), [kind, badges]);
}

export const usePersonBadges = (feed?: HealthFeed) => useBadges("person", feed);

function CheckSection(props: { check: string; title: string; fix: string; source: string; findings: Finding[]; open: boolean; onPick: (f: Finding) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? props.findings : props.findings.slice(0, SHOWN);
  return (
    <details className="insights-check" open={props.open} data-check={props.check}>
      <summary>
        {props.title} <span className="count">{props.findings.length}</span>
      </summary>
      {props.fix && <p className="check-fix">{props.fix}</p>}
      <p className="muted source">{props.source}</p>
      <ul>
        {shown.map((f) => (
          <li key={`${f.entity_kind}:${f.entity_id}`}>
            <button type="button" className="finding" onClick={() => props.onPick(f)} title={[props.fix, f.threshold ? `Threshold: ${f.threshold}` : ""].filter(Boolean).join("\n") || undefined}>
              <strong>{f.entity_name}</strong> {f.message}
            </button>
          </li>
        ))}
      </ul>
      {shown.length < props.findings.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {props.findings.length}
        </button>
      )}
    </details>
  );
}
