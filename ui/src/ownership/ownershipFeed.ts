// The ownership scene of the open scenario, fetched from the Rust side and kept fresh as the document changes.
import { commands, type Error as CoreError } from "../bindings";
import { sceneFeed, type AppController, type Result, type SceneFeed } from "../app/controller";
import type { OwnershipScene } from "./sceneTypes";

/** The `ownership_scene` command (laid out on a worker thread). */
export function fetchOwnershipScene(): Promise<Result<OwnershipScene, CoreError>> {
  return commands.ownershipScene();
}

/** The controller's ownership feed; `fetch` stands in for the back end in previews (first call only). */
export function ownershipFeed(ctl: AppController, fetch = fetchOwnershipScene): SceneFeed<OwnershipScene> {
  return sceneFeed(ctl, "ownership", fetch);
}
