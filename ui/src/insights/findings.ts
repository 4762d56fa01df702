// Pure helpers over the health findings the core computes: grouping for the insights panel, counts for badges.
import type { EntityKind, Finding, Severity } from "../bindings";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface CheckGroup {
  check: string;
  source: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  checks: CheckGroup[];
}

/** Findings by severity (errors first), then by check in the core's order; empty severities are left out. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const checks: CheckGroup[] = [];
    const byCheck = new Map<string, CheckGroup>();
    let count = 0;
    for (const f of findings) {
      if (f.severity !== severity) continue;
      count++;
      let g = byCheck.get(f.check);
      if (!g) {
        g = { check: f.check, source: f.source, findings: [] };
        byCheck.set(f.check, g);
        checks.push(g);
      }
      g.findings.push(f);
    }
    if (count > 0) groups.push({ severity, count, checks });
  }
  return groups;
}

export const entityKey = (kind: EntityKind, id: number) => `${kind}:${id}`;

/**
 * How many problems each entity has, for badges on cards and teams. Informational findings (roll-ups, the
 * team-type mix) are facts, not problems, so they do not count.
 */
export function badgeCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const k = entityKey(f.entity_kind, f.entity_id);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** "team-size" -> "Team size", for a check without a catalogue title at hand. */
export function checkLabel(id: string, titles?: ReadonlyMap<string, string>): string {
  const t = titles?.get(id);
  if (t) return t;
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The findings about one entity, problems first (the inspector lists them). */
export function findingsOf(findings: readonly Finding[], kind: EntityKind, id: number): Finding[] {
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return findings.filter((f) => f.entity_kind === kind && f.entity_id === id).sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** What a card's badge says on hover: one line per problem, with its check's name. */
export function badgeTooltip(findings: readonly Finding[], titles?: ReadonlyMap<string, string>): string {
  const problems = findings.filter((f) => f.severity !== "info");
  if (problems.length === 0) return "";
  const head = problems.length === 1 ? "1 finding" : `${problems.length} findings`;
  return [`${head} (see Insights):`, ...problems.map((f) => `• ${checkLabel(f.check, titles)}: ${f.message}`)].join("\n");
}
