import { describe, expect, it } from "vitest";
import type { FrameScheduler } from "../canvas/renderer";
import { fakeCanvas } from "../canvas/testing/fakeCanvas";
import { partition, TeamMapRenderer } from "./renderer";
import { syntheticTeamMap } from "./testing/synthetic";

function make(people = 2000) {
  const { canvas, calls } = fakeCanvas();
  const queued: (() => void)[] = [];
  const scheduler: FrameScheduler = { request: (cb) => queued.push(cb), cancel: () => {} };
  const r = new TeamMapRenderer(canvas, { scheduler, measure: (t) => t.length * 7 });
  r.setViewportSize(1600, 1000, 1);
  const scene = syntheticTeamMap({ people, seed: 3 });
  r.setScene(scene);
  return { r, calls, queued, scene };
}

const texts = (calls: { name: string; args: unknown[] }[]) => calls.filter((c) => c.name === "fillText").map((c) => c.args[0] as string);

describe("TeamMapRenderer", () => {
  it("draws once per frame however many changes arrive", () => {
    const { r, queued } = make();
    r.setCamera({ x: 5, y: 0, zoom: 1 });
    r.setHighlights({ persons: new Set([1]) });
    expect(queued.length).toBe(1);
  });

  it("draws only what is on screen, with names once chips are readable", () => {
    const { r, calls, scene } = make();
    calls.length = 0;
    r.setCamera({ x: 0, y: 0, zoom: 1 });
    const near = r.renderNow();
    expect(near.cards).toBeGreaterThan(0);
    expect(near.cards).toBeLessThan((scene.units.length + scene.chip_person.length) / 4);
    const names = texts(calls);
    const firstChip = scene.chip_content[0]?.name as string;
    expect(names).toContain(firstChip);
    expect(names).toContain(scene.unit_content[0]?.name);

    calls.length = 0;
    r.setCamera({ x: scene.bounds.x, y: scene.bounds.y, zoom: 0.02 });
    const far = r.renderNow();
    expect(far.cards).toBe(scene.units.length + scene.chip_person.length);
    expect(texts(calls)).toEqual([]); // far out: blocks, no text at all
  });

  it("keeps team names readable at a far zoom where the team boxes still have room for them", () => {
    const { r, calls, scene } = make();
    const i = scene.unit_content.findIndex((c) => c.kind !== "group");
    const zoom = 0.3; // names at 14 px would be 4 px: below the readable size
    r.setCamera({ x: (scene.x[i] as number) - 10, y: (scene.y[i] as number) - 10, zoom });
    calls.length = 0;
    r.renderNow();
    expect(texts(calls)).toContain(scene.unit_content[i]?.name);
    const font = calls.filter((c) => c.name === "set:font").map((c) => c.args[0] as string).find((f) => f.startsWith("600 36.6"));
    expect(font ?? "").toMatch(/^600 36\.6/); // 11 px on screen at zoom 0.3
  });

  it("names a collapsed group with its people at a far zoom, where open groups go unnamed", () => {
    const { r, calls, scene } = make();
    const g = scene.unit_content.findIndex((c) => c.kind === "group");
    expect(g).toBeGreaterThanOrEqual(0);
    const content = scene.unit_content.map((c, i) => (i === g ? { ...c, collapsed: true, headcount: 1234 } : c));
    const w = scene.w.map((v, i) => (i === g ? 220 : v)), h = scene.h.map((v, i) => (i === g ? 88 : v));
    r.setScene({ ...scene, unit_content: content, w, h });
    const zoom = 0.3; // group names at 16 px would be 4.8 px
    r.setCamera({ x: (scene.x[g] as number) - 10, y: (scene.y[g] as number) - 10, zoom });
    calls.length = 0;
    r.renderNow();
    const name = scene.unit_content[g]?.name as string;
    expect(texts(calls).some((t) => t.startsWith(name.slice(0, 4)) && t.includes("1,234"))).toBe(true);

    r.setScene(scene); // the same group open: no name at this zoom
    calls.length = 0;
    r.renderNow();
    expect(texts(calls).some((t) => t.includes(name))).toBe(false);
  });

  it("draws a collapsed group's counts under its name at a reading zoom, not beside it", () => {
    const { r, calls, scene } = make();
    const g = scene.unit_content.findIndex((c) => c.kind === "group");
    const content = scene.unit_content.map((c, i) => (i === g ? { ...c, name: "Payments", collapsed: true, hiddenUnits: 12, headcount: 1234 } : c));
    const w = scene.w.map((v, i) => (i === g ? 220 : v)), h = scene.h.map((v, i) => (i === g ? 88 : v));
    r.setScene({ ...scene, unit_content: content, w, h });
    const x = scene.x[g] as number, y = scene.y[g] as number;
    r.setCamera({ x: x - 10, y: y - 10, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const at = (text: string) => calls.find((c) => c.name === "fillText" && c.args[0] === text)?.args as [string, number, number] | undefined;
    expect(at("Payments")?.slice(1)).toEqual([x + 12, y + 15]);
    expect(at("12 units · 1,234 people")?.slice(1)).toEqual([x + 12, y + 35]);
  });

  it("shows the allocation of a person on several teams", () => {
    const { r, calls, scene } = make();
    const k = scene.chip_content.findIndex((c) => c.teamCount > 1);
    expect(k).toBeGreaterThanOrEqual(0);
    r.setCamera({ x: (scene.chip_x[k] as number) - 20, y: (scene.chip_y[k] as number) - 20, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    expect(texts(calls)).toContain(`${scene.chip_content[k]?.allocation}%`);
  });

  it("draws a count badge at the top-right corner of a unit with health findings, and none on a unit without", () => {
    const { r, calls, scene } = make();
    const i = scene.unit_content.findIndex((c) => c.kind !== "group");
    const x = scene.x[i] as number, y = scene.y[i] as number, w = scene.w[i] as number;
    r.setCamera({ x: x - 40, y: y - 40, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    expect(texts(calls)).not.toContain("9+");

    r.setHighlights({ unitBadges: new Map([[scene.units[i] as number, 12]]) });
    calls.length = 0;
    r.renderNow();
    expect(texts(calls)).toContain("9+");
    const badge = calls.find((c) => c.name === "arc" && Math.abs((c.args[0] as number) - (x + w)) < 10 && Math.abs((c.args[1] as number) - y) < 10);
    expect(badge).toBeDefined();
  });

  it("leaves badges off units too small on screen to carry one, zoomed out to the whole org", () => {
    const { r, calls, scene } = make();
    r.setHighlights({ unitBadges: new Map(scene.units.map((id) => [id, 2])) });
    const zoom = 0.02;
    r.setCamera({ x: scene.bounds.x, y: scene.bounds.y, zoom });
    calls.length = 0;
    r.renderNow();
    // Only the largest boundaries (departments) are wide enough on screen; teams are blocks without badges.
    const wide = scene.units.filter((_, i) => (scene.w[i] as number) * zoom >= 48 && Math.min(scene.w[i] as number, scene.h[i] as number) * zoom >= 6);
    expect(wide.length).toBeLessThan(scene.units.length / 10);
    expect(texts(calls).filter((t) => t === "2")).toHaveLength(wide.length);
  });

  it("draws a person's findings as a badge on each of their readable chips", () => {
    const { r, calls, scene } = make();
    const k = scene.chip_content.findIndex((c) => !c.isOpenPosition);
    r.setHighlights({ personBadges: new Map([[scene.chip_person[k] as number, 3]]) });
    r.setCamera({ x: (scene.chip_x[k] as number) - 20, y: (scene.chip_y[k] as number) - 20, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const cx = (scene.chip_x[k] as number) + (scene.chip_w[k] as number), cy = scene.chip_y[k] as number;
    expect(calls.some((c) => c.name === "arc" && c.args[0] === cx && c.args[1] === cy)).toBe(true);
    expect(calls.some((c) => c.name === "fillText" && c.args[0] === "3" && c.args[1] === cx && c.args[2] === cy)).toBe(true);
  });

  it("tints and outlines every chip of a coloured person in their colour, as blocks too, and no other chip", () => {
    const { r, calls, scene } = make();
    const k = scene.chip_content.findIndex((c) => !c.isOpenPosition);
    const person = scene.chip_person[k] as number;
    r.setHighlights({ personColours: new Map([[person, "#aa3300"]]) });
    r.setCamera({ x: (scene.chip_x[k] as number) - 20, y: (scene.chip_y[k] as number) - 20, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const at = calls.findIndex((c) => c.name === "set:strokeStyle" && c.args[0] === "#aa3300");
    expect(at).toBeGreaterThan(0);
    expect(calls.slice(0, at).some((c) => c.name === "set:fillStyle" && c.args[0] === "#aa330040")).toBe(true);
    // The tinted path holds this person's chips only: from its beginPath to its fill.
    const begin = calls.slice(0, at).map((c) => c.name).lastIndexOf("beginPath");
    const shapes = calls.slice(begin, at).filter((c) => c.name === "roundRect").map((c) => [c.args[0], c.args[1]]);
    const mine = scene.chip_person.flatMap((p, j) => (p === person ? [[scene.chip_x[j], scene.chip_y[j]]] : []));
    expect(shapes.length).toBeGreaterThan(0);
    for (const s of shapes) expect(mine).toContainEqual(s);

    calls.length = 0;
    r.setCamera({ x: scene.bounds.x, y: scene.bounds.y, zoom: 0.02 });
    r.renderNow();
    expect(calls.some((c) => c.name === "set:fillStyle" && c.args[0] === "#aa3300")).toBe(true); // a block in the colour
  });

  it("marks every chip of the people the sheet's filter matches with the search hit outline, and no other chip", () => {
    const { r, calls, scene } = make();
    const k = scene.chip_content.findIndex((c) => !c.isOpenPosition);
    const person = scene.chip_person[k] as number;
    r.setHighlights({ hits: new Set([person]) });
    r.setCamera({ x: (scene.chip_x[k] as number) - 20, y: (scene.chip_y[k] as number) - 20, zoom: 1 });
    calls.length = 0;
    r.renderNow();
    const at = calls.findIndex((c) => c.name === "set:strokeStyle" && c.args[0] === "#e8890c");
    expect(at).toBeGreaterThan(0);
    const begin = calls.slice(0, at).map((c) => c.name).lastIndexOf("beginPath");
    const marked = calls.slice(begin, at).filter((c) => c.name === "rect").map((c) => [c.args[0], c.args[1]]);
    const mine = scene.chip_person.flatMap((p, j) => (p === person ? [[scene.chip_x[j], scene.chip_y[j]]] : []));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(mine).toContainEqual(m);
  });

  it("splits visible indices by level of detail keeping draw order, into one reused buffer", () => {
    const buf = new Uint32Array(8);
    const [even, odd] = partition(Uint32Array.of(1, 2, 3, 4, 6, 7), buf, (i) => i % 2 === 0);
    expect([...even]).toEqual([2, 4, 6]);
    expect([...odd]).toEqual([1, 3, 7]);
  });
});
