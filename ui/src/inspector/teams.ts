// A person's team seats for the inspector's read-only chips, coloured as the chart colours them.
import type { Membership, Unit } from "../bindings";
import type { TeamSeat } from "./InspectorPanel";

/** The scene's colours for teams without one of their own (crates/scene FALLBACK_TEAM_COLOURS), by unit id. */
const FALLBACK_TEAM_COLOURS = ["#3d5a80", "#e07a5f", "#81b29a", "#f2cc8f", "#6a4c93", "#1982c4", "#8ac926", "#ee6c4d"];

export function teamColour(unit: Pick<Unit, "id" | "colour">): string {
  return unit.colour ?? (FALLBACK_TEAM_COLOURS[unit.id % FALLBACK_TEAM_COLOURS.length] as string);
}

/** The person's seats in unit id order, as the card's chips are. */
export function teamSeats(person: number, memberships: readonly Membership[], units: ReadonlyMap<number, Unit>): TeamSeat[] {
  const seats: TeamSeat[] = [];
  for (const m of memberships) {
    if (m.person !== person) continue;
    const unit = units.get(m.unit);
    if (unit) seats.push({ unit, membership: m, colour: teamColour(unit) });
  }
  return seats.sort((a, b) => a.unit.id - b.unit.id);
}
