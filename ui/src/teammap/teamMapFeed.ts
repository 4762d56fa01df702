// The team map scene of the open scenario (command `team_map_scene`, arranged on a worker thread), kept fresh as
// the document changes. A big map opens on its groups: on the map's first visit of a document on this machine, with
// nothing of it collapsed, the back end collapses the groups at the deepest level that fits the view with its team
// names readable (crates/api map_fold.rs), and that folding is kept in the document, as the org chart's first view is.
import { commands, type Error as CoreError, type MapRoom } from "../bindings";
import { sceneFeed, type AppController, type Result, type SceneFeed } from "../app/controller";
import { windowRoom, type Size } from "../app/chartFrame";
import { readStored, writeStored } from "../chrome/panelWidth";
import type { TeamMapScene } from "./sceneTypes";

/**
 * The zoom from which every team's name shows at Fit: a one-person team's box (a 150 px chip and 12 px padding each
 * side) reaches the 48 px the far names need (drawMap.ts `FAR_MIN_BOX`) at 0.28. A map that fits at it is not folded.
 */
export const MAP_NAME_ZOOM = 0.3;
/** The zoom at which a collapsed group's counts (11 px) reach the 7 px drawMap.ts draws text from: the folding keeps to it. */
export const MAP_GROUPS_ZOOM = 0.65;

/** What the feed asks the back end, and how a first visit's folding is kept in the document. */
export interface TeamMapBackend {
  teamMapScene(fold: MapRoom | null): Promise<Result<TeamMapScene, CoreError>>;
  keepCollapsed(units: number[]): Promise<Result<null, CoreError>>;
}

const BACKEND: TeamMapBackend = {
  teamMapScene: (fold) => commands.teamMapScene(fold),
  keepCollapsed: (units) => commands.replaceCollapsed("team-map", units),
};

/** The room a map is folded for in a view of `room` CSS px. */
export function mapFoldRoom(room: Size): MapRoom {
  return { width: room.width, height: room.height, names_zoom: MAP_NAME_ZOOM, groups_zoom: MAP_GROUPS_ZOOM };
}

const windowMapRoom = (): MapRoom => mapFoldRoom(windowRoom());

/** Whether this is the first time the map of the document at `path` is asked for on this machine (and marks it). */
function firstVisit(path: string): boolean {
  const key = `topograph.firstTeamMap.${path}`;
  const first = readStored(key) === undefined;
  if (first) writeStored(key, "1");
  return first;
}

/**
 * The scene, folded for the window on the document's first visit; a folding the back end chose then is kept in the
 * document (view state: no history), so the map opens the same way next time until the user expands it.
 */
export async function fetchTeamMap(ctl: AppController, backend: TeamMapBackend = BACKEND, room = windowMapRoom): Promise<Result<TeamMapScene, CoreError>> {
  const path = ctl.snapshot().doc?.document?.path ?? null;
  const first = path !== null && firstVisit(path);
  const r = await backend.teamMapScene(first ? room() : null);
  if (first && r.status === "ok") {
    const folded = r.data.units.filter((_, i) => r.data.unit_content[i]?.collapsed);
    if (folded.length > 0) {
      const kept = await backend.keepCollapsed(folded);
      if (kept.status === "error") ctl.fail(kept.error);
    }
  }
  return r;
}

export function teamMapFeed(ctl: AppController, backend?: TeamMapBackend): SceneFeed<TeamMapScene> {
  return sceneFeed(ctl, "team-map", () => fetchTeamMap(ctl, backend));
}
