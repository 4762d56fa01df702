import { describe, expect, test } from "vitest";
import { AREA, PAYMENTS_TEAM, smallProduct } from "./testing/fixture";
import { ghostRows, mapLayout } from "./mapLayout";
import { ROW_PITCH } from "./testing/syntheticOwnership";

const scene = smallProduct();

describe("the ownership map's boxes", () => {
  test("are the area rows followed by the team boxes, at the scene's places", () => {
    const L = mapLayout(scene, false);
    expect(L.ids).toEqual([...scene.areas, ...scene.teams]);
    expect(L.areaCount).toBe(scene.areas.length);
    expect([...L.y.slice(0, L.areaCount)]).toEqual(scene.area_y);
    expect(L.connectors.map((l) => l.points)).toEqual(scene.links.map((l) => l.points));
  });

  test("with the filter the hidden rows are closed up and the teams stay put", () => {
    const L = mapLayout(scene, true);
    expect(L.ids.slice(0, L.areaCount)).toEqual([AREA.checkout, AREA.payments, AREA.wallets, AREA.search]);
    expect([...L.y.slice(0, L.areaCount)]).toEqual([0, 1, 2, 3].map((k) => k * ROW_PITCH));
    expect([...L.y.slice(L.areaCount)]).toEqual(scene.team_y);
  });

  test("with the filter only links of shown rows are drawn, from the row's new place", () => {
    const L = mapLayout(scene, true);
    // Of Cart, Cards (owned) and Wallets (a contributor), only Wallets is shown.
    expect(L.connectors.map((l) => [l.area, l.dotted])).toEqual([[AREA.wallets, true]]);
    const k = L.ids.indexOf(AREA.wallets);
    expect(L.connectors[0]?.points.slice(0, 2)).toEqual([L.x[k]! + L.w[k]!, L.y[k]! + L.h[k]! / 2]);
    expect(L.ids.includes(PAYMENTS_TEAM)).toBe(true);
  });

  test("put compare mode's removed areas under the last row, after a header row, and grow the bounds over them", () => {
    const L = mapLayout(scene, false);
    const last = scene.areas.length - 1;
    const g = ghostRows(scene, L, 3);
    expect(g.y).toBe(scene.area_y[last]! + scene.area_h[last]! + 2 * ROW_PITCH);
    expect(g.pitch).toBe(ROW_PITCH);
    expect(g.x).toBe(Math.min(...scene.area_x));
    expect(g.bounds.y + g.bounds.h).toBe(g.y + 3 * ROW_PITCH);
  });
});
