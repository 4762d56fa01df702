// What a finding badge says on hover: the entity's problems by readable check name (ui/src/canvas badges draw the
// count; this is the explanation).
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { EntityKind } from "../bindings";
import { useCheckTexts } from "./checkCatalogue";
import { badgeTooltip, findingsOf } from "./findings";
import { sharedHealthFeed, type HealthFeed } from "./healthFeed";

export function useBadgeTips(kind: EntityKind, feed: HealthFeed = sharedHealthFeed): (id: number) => string {
  const { findings } = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const texts = useCheckTexts();
  const titles = useMemo(() => new Map([...texts].map(([k, t]) => [k, t.title])), [texts]);
  return useCallback((id: number) => badgeTooltip(findingsOf(findings, kind, id), titles), [findings, kind, titles]);
}
