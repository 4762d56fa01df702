import { describe, expect, it } from "vitest";
import { cameraKey, forgetCamera, keptUnlessHidden, recallCamera, rememberCamera, scopedCameraKey, setCameraScope } from "./viewCameras";

describe("view cameras", () => {
  it("are kept per view, document and scenario, and forgotten on Reset view", () => {
    const a = cameraKey("org-chart", "/d/a.topo", 1), b = cameraKey("org-chart", "/d/a.topo", 2);
    rememberCamera(a, { x: 1, y: 2, zoom: 0.5 });
    expect(recallCamera(a)).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(recallCamera(b)).toBeUndefined();
    forgetCamera(a);
    expect(recallCamera(a)).toBeUndefined();
  });

  it("key the other views by the document and scenario on screen", () => {
    setCameraScope("/d/a.topo", 1);
    const one = scopedCameraKey("team-map");
    setCameraScope("/d/a.topo", 2);
    expect(scopedCameraKey("team-map")).not.toBe(one);
    expect(scopedCameraKey("ownership")).not.toBe(scopedCameraKey("team-map"));
  });

  it("give back the kept camera unless the selection to show lies outside it", () => {
    const kept = { x: 0, y: 0, zoom: 1 }, vp = { width: 800, height: 600 }, start = () => ({ x: 5000, y: 0, zoom: 1 });
    expect(keptUnlessHidden(undefined, vp, null, start)).toEqual(start());
    expect(keptUnlessHidden(kept, vp, null, start)).toBe(kept);
    expect(keptUnlessHidden(kept, vp, { x: 100, y: 100, w: 50, h: 20 }, start)).toBe(kept);
    expect(keptUnlessHidden(kept, vp, { x: 5100, y: 100, w: 50, h: 20 }, start)).toEqual(start());
  });
});
