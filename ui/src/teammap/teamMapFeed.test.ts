import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Error as CoreError, MapRoom } from "../bindings";
import type { AppController } from "../app/controller";
import { fetchTeamMap, MAP_GROUPS_ZOOM, MAP_NAME_ZOOM, mapFoldRoom, type TeamMapBackend } from "./teamMapFeed";
import { nested } from "./testing/nestedScene";
import type { TeamMapScene } from "./sceneTypes";

/** A controller showing the document at `path`, collecting what it is told failed. */
function controller(path: string | null, failed: CoreError[] = []): AppController {
  return { snapshot: () => ({ doc: path === null ? null : { document: { path } } }), fail: (e: CoreError) => failed.push(e) } as unknown as AppController;
}

/** The nested test scene with units `folded` collapsed, as the back end answers a folded first visit. */
function folded(...units: number[]): TeamMapScene {
  const s = nested();
  return { ...s, unit_content: s.unit_content.map((c, i) => ({ ...c, collapsed: units.includes(s.units[i] as number) })) };
}

function backend(scene: TeamMapScene, keepFails = false) {
  const asked: (MapRoom | null)[] = [];
  const kept: number[][] = [];
  const b: TeamMapBackend = {
    teamMapScene: async (fold) => { asked.push(fold); return { status: "ok", data: scene }; },
    keepCollapsed: async (units) => {
      kept.push(units);
      return keepFails ? { status: "error", error: { code: "io", message: "disk full" } as CoreError } : { status: "ok", data: null };
    },
  };
  return { b, asked, kept };
}

describe("the team map feed", () => {
  const room = mapFoldRoom({ width: 1000, height: 700 });
  let stored: Map<string, string>;
  beforeEach(() => {
    stored = new Map();
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
  });
  afterEach(() => { delete (globalThis as { localStorage?: unknown }).localStorage; });

  it("asks a document's first visit folded for the view at the team-name zoom, and keeps the folding it got in the document", async () => {
    const unit = nested().units[0] as number;
    const { b, asked, kept } = backend(folded(unit));
    const r = await fetchTeamMap(controller("/orgs/big.topo"), b, () => room);
    expect(r.status).toBe("ok");
    expect(asked).toEqual([{ width: 1000, height: 700, names_zoom: MAP_NAME_ZOOM, groups_zoom: MAP_GROUPS_ZOOM }]);
    expect(kept).toEqual([[unit]]);
  });

  it("asks later visits of the document unfolded, so a map the user expanded stays expanded", async () => {
    const { b, asked, kept } = backend(folded());
    await fetchTeamMap(controller("/orgs/big.topo"), b, () => room);
    await fetchTeamMap(controller("/orgs/big.topo"), b, () => room);
    await fetchTeamMap(controller("/orgs/other.topo"), b, () => room);
    expect(asked).toEqual([room, null, room]);
    expect(kept, "a map that fits is not folded, so nothing is kept").toEqual([]);
  });

  it("asks a window with no document unfolded and keeps nothing", async () => {
    const { b, asked, kept } = backend(folded(nested().units[0] as number));
    await fetchTeamMap(controller(null), b, () => room);
    expect(asked).toEqual([null]);
    expect(kept).toEqual([]);
  });

  it("still shows the folded map when keeping the folding fails, and says why", async () => {
    const failed: CoreError[] = [];
    const { b } = backend(folded(nested().units[0] as number), true);
    const r = await fetchTeamMap(controller("/orgs/big.topo", failed), b, () => room);
    expect(r.status).toBe("ok");
    expect(failed.map((e) => e.message)).toEqual(["disk full"]);
  });
});
