import { describe, expect, it } from "vitest";
import { inspectedShare } from "./inspected-share";

describe("inspectedShare (ISO 2859-1, general level II, normal single sampling)", () => {
  it.each([
    [1, 1],
    [2, 1],
    [8, 2 / 8],
    [50, 8 / 50],
    [500, 50 / 500],
    [1000, 80 / 1000],
    [1200, 80 / 1200],
    [3200, 125 / 3200],
  ])("measures the standard's sample of a lot of %i at its boundaries", (lot, share) => {
    expect(inspectedShare(lot)).toBeCloseTo(share, 12);
  });

  it("never measures a larger share of a larger lot", () => {
    let previous = 1;
    for (let lot = 1; lot <= 20_000; lot++) {
      const share = inspectedShare(lot);
      expect(share).toBeLessThanOrEqual(previous + 1e-15);
      previous = share;
    }
  });
});
