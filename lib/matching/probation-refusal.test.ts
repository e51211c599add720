import { describe, expect, it } from "vitest";
import { probationRefusal } from "./probation-refusal";

const probation = { maxOrderValueCents: 100_000, maxOpenJobs: 2, conditionsDueOn: "2027-01-31", openJobs: 1 };

describe("the matcher's probation rule", () => {
  it("lets a job within every limit through, and never refuses a supplier without probation", () => {
    expect(probationRefusal(probation, 100_000, "2026-12-07")).toBeNull();
    expect(probationRefusal(null, 10_000_000, "2026-12-07")).toBeNull();
  });
  it("refuses a job above the value limit", () => {
    expect(probationRefusal(probation, 100_001, "2026-12-07")).toBe(
      "is on probation: the job (€1,000.01) is above its limit of €1,000.00",
    );
  });
  it("refuses once the supplier holds as many open jobs as it may", () => {
    expect(probationRefusal({ ...probation, openJobs: 2 }, 5_000, "2026-12-07")).toMatch(
      /holds 2 open jobs, its limit/,
    );
    expect(
      probationRefusal({ ...probation, maxOpenJobs: null, openJobs: 9 }, 5_000, "2026-12-07"),
    ).toBeNull();
  });
  it("refuses everything once the conditions are overdue", () => {
    expect(probationRefusal(probation, 5_000, "2027-02-01")).toMatch(/were due on 31 Jan 2027/);
    expect(probationRefusal(probation, 5_000, "2027-01-31")).toBeNull();
  });
});
