import { describe, expect, it } from "vitest";
import { firstInReadingOrder, nearestInDirection } from "./spatialNav";

const box = (x: number, y: number, w = 10, h = 10) => ({ x, y, w, h });

describe("arrow keys over boxes in two dimensions", () => {
  // A 3×2 grid, 20 apart, and one box far off to the lower right.
  const grid = [box(0, 0), box(20, 0), box(40, 0), box(0, 20), box(20, 20), box(40, 20), box(200, 200)];

  it("goes to the next box in the same row or column", () => {
    expect(nearestInDirection(grid[0]!, "right", grid, 0)).toBe(1);
    expect(nearestInDirection(grid[1]!, "left", grid, 1)).toBe(0);
    expect(nearestInDirection(grid[1]!, "down", grid, 1)).toBe(4);
    expect(nearestInDirection(grid[4]!, "up", grid, 4)).toBe(1);
  });

  it("prefers a box in line over a nearer one off to the side", () => {
    const boxes = [box(0, 0), box(25, 24), box(60, 0)];
    expect(nearestInDirection(boxes[0]!, "right", boxes, 0)).toBe(2);
  });

  it("answers -1 when nothing lies that way", () => {
    expect(nearestInDirection(grid[0]!, "left", grid, 0)).toBe(-1);
    expect(nearestInDirection(grid[0]!, "up", grid, 0)).toBe(-1);
  });

  it("reads top to bottom, then left to right", () => {
    expect(firstInReadingOrder([box(50, 10), box(30, 0), box(0, 0)])).toBe(2);
    expect(firstInReadingOrder([])).toBe(-1);
  });
});
