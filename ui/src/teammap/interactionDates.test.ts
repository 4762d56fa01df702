import { describe, expect, it } from "vitest";
import { dateFieldValue } from "./interactionDates";

describe("an interaction date field", () => {
  it("clears the date when emptied and sends a typed date trimmed", () => {
    expect(dateFieldValue("   ")).toBeNull();
    expect(dateFieldValue(" 2027-03-31 ")).toBe("2027-03-31");
  });
});
