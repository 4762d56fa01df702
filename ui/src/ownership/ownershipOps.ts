// The operations an ownership gesture makes: dropping an area (or a subtree) on a team, and cycling a matrix cell.
import type { Op } from "../bindings";
import { leafRowsUnder } from "./areaTree";
import type { OwnershipScene } from "./sceneTypes";

export type DropPlan = { ok: true; op: Op } | { ok: false; reason: string };

/** One op as is, several as one undo step. */
function oneStep(label: string, ops: Op[]): Op | null {
  if (ops.length === 0) return null;
  return ops.length === 1 ? (ops[0] as Op) : { op: "batch", label, ops };
}

/**
 * What dropping area row `row` on team `team` does. A leaf becomes owned by the team (or, with `contributor`,
 * gains it as a contributor); a parent area hands every leaf below it over in one batch. Leaves the team
 * already holds that way are skipped, and with `onlyUnowned` (the filter is on) only the unowned leaves shown
 * are assigned. Refused, with the reason, when nothing would change.
 */
export function planAreaDrop(scene: OwnershipScene, row: number, team: number, contributor: boolean, onlyUnowned = false): DropPlan {
  const root = scene.area_content[row];
  const ti = scene.teams.indexOf(team);
  const teamName = scene.team_content[ti]?.name;
  if (!root || teamName === undefined) return { ok: false, reason: "Not an area and a team" };
  const ops: Op[] = [];
  for (const k of leafRowsUnder(scene, row, onlyUnowned)) {
    const c = scene.area_content[k];
    const area = scene.areas[k] as number;
    if (!c || c.owner === team) continue;
    if (!contributor) ops.push({ op: "set-owner", area, unit: team });
    else if (!c.contributors.includes(team)) ops.push({ op: "add-contributor", area, unit: team });
  }
  const what = root.isLeaf ? `"${root.name}"` : `the areas under "${root.name}"`;
  const op = oneStep(contributor ? `${teamName} contributes to ${what}` : `${teamName} owns ${what}`, ops);
  if (op) return { ok: true, op };
  return { ok: false, reason: contributor ? `${teamName} already works on ${what}` : `${teamName} already owns ${what}` };
}

export type CellState = "none" | "owner" | "contributor";

export function cellState(scene: OwnershipScene, row: number, team: number): CellState {
  const c = scene.area_content[row];
  if (!c) return "none";
  if (c.owner === team) return "owner";
  return c.contributors.includes(team) ? "contributor" : "none";
}

/** The click on a matrix cell: none -> owner -> contributor -> none, each step one undoable op. */
export function cycleCellOp(scene: OwnershipScene, row: number, team: number): Op | null {
  const area = scene.areas[row];
  if (area === undefined) return null;
  switch (cellState(scene, row, team)) {
    case "none":
      return { op: "set-owner", area, unit: team };
    case "owner":
      return oneStep(`Make the owner of ${scene.area_content[row]?.name ?? "the area"} a contributor`, [
        { op: "clear-owner", area },
        { op: "add-contributor", area, unit: team },
      ]);
    case "contributor":
      return { op: "remove-contributor", area, unit: team };
  }
}
