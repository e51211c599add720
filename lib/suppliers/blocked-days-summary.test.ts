import { describe, expect, it } from "vitest";
import { blockedDaysSummary } from "./blocked-days-summary";

describe("blockedDaysSummary", () => {
  it.each([
    [{ blocked: 13, alreadyBlocked: 0, weekendDays: 4 }, "13 days blocked; skipped 4 weekend days."],
    [{ blocked: 1, alreadyBlocked: 0, weekendDays: 0 }, "1 day blocked."],
    [{ blocked: 0, alreadyBlocked: 1, weekendDays: 1 }, "0 days blocked; skipped 1 day already blocked and 1 weekend day."],
  ])("says %j in words, without day(s)", (result, sentence) => {
    expect(blockedDaysSummary(result)).toBe(sentence);
  });
});
