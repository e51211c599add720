import { describe, expect, it } from "vitest";
import { vatCents } from "./vat-cents";

describe("vatCents", () => {
  it("rounds half up to whole cents", () => {
    expect(vatCents(1050, 19)).toBe(200); // 199.5
    expect(vatCents(1000, 0)).toBe(0);
  });
});
