import { describe, expect, it } from "vitest";
import { unscroll } from "./pageScroll";

describe("unscroll", () => {
  it("puts a scrolled element back at its origin and says it had moved", () => {
    const el = { scrollLeft: 316, scrollTop: 0 };
    expect(unscroll(el)).toBe(true);
    expect(el).toEqual({ scrollLeft: 0, scrollTop: 0 });
  });

  it("leaves an unscrolled element alone", () => {
    const el = { scrollLeft: 0, scrollTop: 0 };
    expect(unscroll(el)).toBe(false);
  });
});
