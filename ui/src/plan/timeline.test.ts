import { describe, expect, it } from "vitest";
import { endDrag, keyTarget, markerShare, monthOf, moveDrag, periodAt, periodIndexOf, startDrag } from "./timeline";

const quarters = ["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"];
const months = ["2027-01", "2027-02", "2027-03"];

describe("the hiring timeline", () => {
  it("reads quarters, months and days as the month they start in, and nothing else", () => {
    expect(monthOf("2027-Q3")).toBe(2027 * 12 + 6);
    expect(monthOf("2027-q1")).toBe(2027 * 12);
    expect(monthOf("2027-07")).toBe(2027 * 12 + 6);
    expect(monthOf("2027-07-15")).toBe(2027 * 12 + 6);
    expect(monthOf("2027-13")).toBeNull();
    expect(monthOf("soon")).toBeNull();
  });

  it("puts a target start in the period holding it, before or after the table when outside it", () => {
    expect(periodIndexOf(quarters, "2027-02")).toBe(1);
    expect(periodIndexOf(quarters, "2027-Q3")).toBe(3);
    expect(periodIndexOf(quarters, "2026-11-20")).toBe(0);
    expect(periodIndexOf(quarters, "2026-Q1")).toBe(-1);
    expect(periodIndexOf(quarters, "2028-01")).toBe(4);
    expect(periodIndexOf(months, "2027-Q1")).toBe(0);
    expect(periodIndexOf(quarters, null)).toBeNull();
    expect(periodIndexOf(quarters, "next year")).toBeNull();
  });

  it("finds the period under the pointer, holding to the ends past them", () => {
    const track = { left: 100, width: 400, count: 4 };
    expect(periodAt(track, 100)).toBe(0);
    expect(periodAt(track, 299)).toBe(1);
    expect(periodAt(track, 300)).toBe(2);
    expect(periodAt(track, 499)).toBe(3);
    expect(periodAt(track, 20)).toBe(0);
    expect(periodAt(track, 900)).toBe(3);
  });

  it("draws a marker in the middle of its period, at an end when outside the table", () => {
    expect(markerShare(0, 4)).toBe(0.125);
    expect(markerShare(3, 4)).toBe(0.875);
    expect(markerShare(-1, 4)).toBe(0);
    expect(markerShare(4, 4)).toBe(1);
  });

  it("drops a dragged hire in the period under the pointer, and a press without a drag changes nothing", () => {
    const track = { left: 0, width: 400, count: 4 };
    const press = startDrag(7, 3, 350);
    expect(endDrag(moveDrag(press, track, 352))).toBeNull();
    const dragged = moveDrag(moveDrag(press, track, 250), track, 120);
    expect(dragged.at).toBe(1);
    expect(endDrag(dragged)).toBe(1);
    expect(endDrag(moveDrag(dragged, track, 390))).toBeNull();
  });

  it("moves a focused marker a period per arrow, a year per page, to the ends with Home and End", () => {
    expect(keyTarget("ArrowRight", 1, 4, 4)).toBe(2);
    expect(keyTarget("ArrowLeft", 1, 4, 4)).toBe(0);
    expect(keyTarget("ArrowLeft", 0, 4, 4)).toBeNull();
    expect(keyTarget("ArrowRight", 3, 4, 4)).toBeNull();
    expect(keyTarget("PageUp", 0, 12, 12)).toBe(11);
    expect(keyTarget("PageDown", 11, 12, 4)).toBe(7);
    expect(keyTarget("Home", 2, 4, 4)).toBe(0);
    expect(keyTarget("End", 2, 4, 4)).toBe(3);
    expect(keyTarget("Enter", 2, 4, 4)).toBeNull();
  });

  it("brings a hire without a date or outside the table in at the end nearest the key", () => {
    expect(keyTarget("ArrowRight", null, 4, 4)).toBe(0);
    expect(keyTarget("ArrowRight", -1, 4, 4)).toBe(0);
    expect(keyTarget("ArrowLeft", 4, 4, 4)).toBe(3);
  });
});
