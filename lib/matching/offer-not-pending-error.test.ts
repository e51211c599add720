import { describe, expect, it } from "vitest";
import { notPendingError } from "./offer-not-pending-error";

const now = new Date("2026-12-08T06:00:00Z");

describe("notPendingError", () => {
  it("names an expired offer's deadline in Berlin time, not as a UTC timestamp", () => {
    const error = notPendingError({ status: "PENDING", expiresAt: new Date("2026-12-08T04:59:10Z") }, now);
    expect(error).toMatchObject({
      code: "invalid_state_transition",
      message: "This offer expired at 8 Dec 2026, 05:59 CET and has gone to another partner.",
    });
  });

  it("tells a partner who countered that its counteroffer settles the job", () => {
    expect(notPendingError({ status: "COUNTERED", expiresAt: now }, now).message).toBe(
      "You sent a counteroffer for this job: it is settled by that (see the offer), not accepted or rejected as it was.",
    );
  });
});
