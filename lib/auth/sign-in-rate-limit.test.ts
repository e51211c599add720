import { describe, expect, it } from "vitest";
import { delaySecondsAfterFailures, maxDelaySeconds } from "./sign-in-rate-limit";

describe("delaySecondsAfterFailures", () => {
  it("lets the first failures through without waiting", () => {
    expect(delaySecondsAfterFailures(0, 5)).toBe(0);
    expect(delaySecondsAfterFailures(4, 5)).toBe(0);
  });

  it("doubles the wait with every further failure", () => {
    expect([5, 6, 7, 8].map((failures) => delaySecondsAfterFailures(failures, 5))).toEqual([
      30, 60, 120, 240,
    ]);
  });

  it(`never waits longer than ${maxDelaySeconds / 60} minutes: a delay, not a lock-out`, () => {
    expect(delaySecondsAfterFailures(10, 5)).toBe(maxDelaySeconds);
    expect(delaySecondsAfterFailures(10_000, 5)).toBe(maxDelaySeconds);
  });
});
