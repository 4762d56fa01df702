// The selected person's, team's or area's findings in an inspector: what is wrong, and in one line how to fix it.
import { useMemo, useSyncExternalStore } from "react";
import type { EntityKind } from "../bindings";
import { checkLabel, findingsOf } from "./findings";
import { sharedHealthFeed, type HealthFeed } from "./healthFeed";
import { useCheckTexts } from "./checkCatalogue";

export function EntityFindings({ kind, id, feed = sharedHealthFeed }: { kind: EntityKind; id: number; feed?: HealthFeed }) {
  const { findings } = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const texts = useCheckTexts();
  const mine = useMemo(() => findingsOf(findings, kind, id), [findings, kind, id]);
  if (mine.length === 0) return null;
  const titles = new Map([...texts].map(([k, t]) => [k, t.title]));
  return (
    <section className="inspector-section entity-findings" aria-label="Findings">
      <h3>Findings <span className="count">{mine.length}</span></h3>
      <ul>
        {mine.map((f, i) => (
          <li key={`${f.check}:${i}`} className={`entity-finding ${f.severity}`}>
            <strong>{checkLabel(f.check, titles)}</strong>: {f.message}
            {texts.get(f.check)?.fix && <span className="finding-fix">{texts.get(f.check)?.fix}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
