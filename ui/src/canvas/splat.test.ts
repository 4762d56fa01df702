import { describe, expect, it } from "vitest";
import { packColour, splatBlocks, splatConnectors } from "./splat";
import type { StyleTable } from "./styleTable";

describe("packColour", () => {
  it("packs #rrggbb and rgba() as little-endian ABGR", () => {
    expect(packColour("#102030")).toBe(0xff302010);
    expect(packColour("rgba(16, 32, 48, 0.5)")).toBe(((128 << 24) | 0x302010) >>> 0);
    expect(packColour("rgb(1, 2, 3)")).toBe(0xff030201);
  });
});

describe("splatBlocks", () => {
  const scene = { ids: [1, 2, 3], x: [0, 10, 1000], y: [0, 0, 0], w: [4, 0.1, 4], h: [2, 0.1, 2], connectors: [], bounds: { x: 0, y: 0, w: 1004, h: 2 } };
  const styles: StyleTable = { flags: new Uint8Array(3), colour: Uint16Array.from([1, 2, 1]), palette: ["#000", "#f00", "#0f0"] };
  const colours = Uint32Array.from([0, 11, 22]);

  it("writes each card as the device pixels it covers, at least one, clipped to the canvas", () => {
    const w = 8, h = 4;
    const px = new Uint32Array(w * h).fill(7);
    splatBlocks(px, w, h, scene, Uint32Array.from([0, 1, 2]), styles, colours, { x: 0, y: 0, zoom: 0.5 }, 2);
    // Card 0: 4x2 world at zoom 0.5, dpr 2 -> 4x2 device px at the origin.
    expect(Array.from(px.subarray(0, 8))).toEqual([11, 11, 11, 11, 7, 7, 7, 7]);
    expect(Array.from(px.subarray(8, 16))).toEqual([11, 11, 11, 11, 7, 7, 7, 7]);
    // Card 1 is sub-pixel at world x=10 -> device px 10, outside an 8 px canvas: nothing written, no overflow.
    expect(px.filter((v) => v === 22).length).toBe(0);
    expect(px.length).toBe(32);
  });

  it("a sub-pixel card still lights one pixel", () => {
    const px = new Uint32Array(16 * 2);
    splatBlocks(px, 16, 2, scene, Uint32Array.from([1]), styles, colours, { x: 0, y: 0, zoom: 1 }, 1);
    expect(px[10]).toBe(22);
    expect(px.filter((v) => v !== 0).length).toBe(1);
  });
});

describe("splatConnectors", () => {
  const cam = { x: 0, y: 0, zoom: 1 };

  it("draws axis-aligned elbows as runs of pixels, clipped to the canvas", () => {
    const px = new Uint32Array(10 * 10);
    splatConnectors(px, 10, 10, [{ points: [2, -50, 2, 5, 500, 5], dotted: false }], Uint32Array.from([0]), 1, 2, cam, 1);
    for (let y = 0; y <= 5; y++) expect(px[y * 10 + 2]).toBe(1);
    for (let x = 2; x < 10; x++) expect(px[5 * 10 + x]).toBe(1);
    expect(px.filter((v) => v !== 0).length).toBe(6 + 7);
  });

  it("dashes dotted lines 4 on, 4 off, in its own colour", () => {
    const px = new Uint32Array(16);
    splatConnectors(px, 16, 1, [{ points: [0, 0, 15, 0], dotted: true }], Uint32Array.from([0]), 1, 2, cam, 1);
    expect(Array.from(px)).toEqual([2, 2, 2, 2, 0, 0, 0, 0, 2, 2, 2, 2, 0, 0, 0, 0]);
  });

  it("skips segments entirely off screen", () => {
    const px = new Uint32Array(16);
    splatConnectors(px, 4, 4, [{ points: [-100, -100, -50, 200], dotted: false }], Uint32Array.from([0]), 1, 2, cam, 1);
    expect(px.every((v) => v === 0)).toBe(true);
  });
});
