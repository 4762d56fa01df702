// The team map scene of the open scenario (command `team_map_scene`, arranged on a worker thread), kept fresh as
// the document changes.
import { commands } from "../bindings";
import { sceneFeed, type AppController, type SceneFeed } from "../app/controller";
import type { TeamMapScene } from "./sceneTypes";

export function teamMapFeed(ctl: AppController): SceneFeed<TeamMapScene> {
  return sceneFeed(ctl, "team-map", () => commands.teamMapScene());
}
