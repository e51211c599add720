import { describe, expect, it } from "vitest";
import { isoDayYearsAfter } from "./iso-day-years-after";

describe("isoDayYearsAfter", () => {
  it("gives the same calendar day years later, and 1 March for a 29 February in a common year", () => {
    expect(isoDayYearsAfter("2026-12-06", 1)).toBe("2027-12-06");
    expect(isoDayYearsAfter("2028-02-29", 1)).toBe("2029-03-01");
    expect(isoDayYearsAfter("2026-01-31", 3)).toBe("2029-01-31");
  });
});
