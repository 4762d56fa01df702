// How the insights panel words a finding that turns in a coming month.
import type { FindingTurn } from "../bindings";

/** "from 2027-03: Payments missing a designer" (appears or changes) / "from 2027-03 resolved: …" (goes). */
export function turnText(t: FindingTurn): string {
  const what = `${t.finding.entity_name} ${t.finding.message}`.trim();
  switch (t.turn) {
    case "appears":
      return `from ${t.month}: ${what}`;
    case "changes":
      return `from ${t.month}, now: ${what}`;
    case "resolves":
      return `from ${t.month} resolved: ${what}`;
  }
}
