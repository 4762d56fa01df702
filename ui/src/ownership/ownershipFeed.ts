// The ownership scene of the open scenario, fetched from the Rust side and kept fresh as the document changes.
import { invoke } from "@tauri-apps/api/core";
import type { Error as CoreError } from "../bindings";
import { SceneFeed, type AppController, type Result } from "../app/controller";
import type { OwnershipScene } from "./sceneTypes";

/** The `ownership_scene` command (laid out on a worker thread), answered in the bindings' result shape. */
export async function fetchOwnershipScene(): Promise<Result<OwnershipScene, CoreError>> {
  try {
    return { status: "ok", data: await invoke<OwnershipScene>("ownership_scene") };
  } catch (e) {
    if (e && typeof e === "object" && "code" in e) return { status: "error", error: e as CoreError };
    return { status: "error", error: { code: "io", message: String(e) } };
  }
}

const feeds = new WeakMap<AppController, SceneFeed<OwnershipScene>>();

/**
 * One feed per controller, so switching tabs back shows the last scene at once while a fresh one is asked for.
 * `fetch` is only used by the first call for a controller (a stand-in back end in previews).
 */
export function ownershipFeed(ctl: AppController, fetch = fetchOwnershipScene): SceneFeed<OwnershipScene> {
  let f = feeds.get(ctl);
  if (!f) {
    f = new SceneFeed(ctl, fetch);
    feeds.set(ctl, f);
  }
  return f;
}
