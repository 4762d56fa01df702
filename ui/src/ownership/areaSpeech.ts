// What the live region says about the area the keyboard is on (ui/src/a11y/describe), read from the ownership scene.
import { describeArea } from "../a11y/describe";
import type { OwnershipScene } from "./sceneTypes";

export function areaSpeech(scene: OwnershipScene, area: number): string {
  const i = scene.areas.indexOf(area);
  const c = scene.area_content[i];
  if (i < 0 || !c) return "";
  const areaName = (id: number | null) => (id === null ? null : (scene.area_content[scene.areas.indexOf(id)]?.name ?? null));
  const teamName = (id: number | null) => (id === null ? null : (scene.team_content[scene.teams.indexOf(id)]?.name ?? null));
  const subAreas = scene.area_content.filter((a) => a.parent === area).length;
  return describeArea({ name: c.name, parent: areaName(c.parent), owner: teamName(c.owner), contributors: c.contributors.length, subAreas, unowned: c.unowned });
}
