import { describe, expect, it } from "vitest";
import { endOfDeadlineDay } from "./end-of-deadline-day";
import { formatDeadline } from "./format-deadline";

describe("the end of a deadline day", () => {
  it("is 23:59:59 in Berlin: an hour before UTC's in winter, two in summer", () => {
    expect(endOfDeadlineDay("2026-12-18").toISOString()).toBe("2026-12-18T22:59:59.000Z");
    expect(endOfDeadlineDay("2027-07-01").toISOString()).toBe("2027-07-01T21:59:59.000Z");
  });

  it("reads back as the same day with its zone named, across the spring clock change", () => {
    expect(formatDeadline(endOfDeadlineDay("2026-12-18"))).toBe("18 Dec 2026, 23:59 CET");
    expect(formatDeadline(endOfDeadlineDay("2027-03-28"))).toBe("28 Mar 2027, 23:59 CEST");
  });
});
