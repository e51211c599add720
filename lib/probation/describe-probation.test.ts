import { describe, expect, it } from "vitest";
import { describeProbation, type OwnProbation } from "./describe-probation";

const probation: OwnProbation = {
  maxOrderValueCents: 5_000,
  maxOpenJobs: 2,
  conditionsDueOn: "2027-01-15",
  startedAt: new Date("2026-12-01T09:00:00Z"),
  openJobs: 1,
  conditions: "Send a second sample part.",
};

describe("describeProbation", () => {
  it("names the limits, where the partner stands and the due date", () => {
    const text = describeProbation(probation, "2026-12-06");
    expect(text.headline).toBe(
      "You are on probation until operations confirm the conditions of your audit are met (due by 15 Jan 2027).",
    );
    expect(text.offers).toBe(
      "You receive offers worth up to €50.00 each, while you hold fewer than 2 open jobs.",
    );
    expect(text.limits).toEqual([
      { label: "Largest job value", value: "€50.00 per job" },
      { label: "Open jobs at a time", value: "At most 2; you hold 1" },
      { label: "Conditions due by", value: "15 Jan 2027" },
    ]);
    expect(text.lifts).toMatch(/^Operations lift the probation once they have checked/);
    expect(text.overdue).toBe(false);
  });

  it("says no new offer comes while the open jobs are at the limit, as the matcher refuses them", () => {
    expect(describeProbation({ ...probation, openJobs: 2 }, "2026-12-06").offers).toBe(
      "You hold 2 open jobs, your limit: new offers come once one of them ships or is cancelled.",
    );
  });

  it("says no offers come at all once the due date has passed without the conditions confirmed", () => {
    const text = describeProbation(probation, "2027-01-16");
    expect(text.overdue).toBe(true);
    expect(text.offers).toMatch(/^The conditions were due by 15 Jan 2027 and are not yet confirmed met/);
    expect(text.limits[2]).toEqual({ label: "Conditions due by", value: "15 Jan 2027, passed" });
    // On the due day itself the matcher still offers (probation-refusal.ts refuses after it).
    expect(describeProbation(probation, "2027-01-15").overdue).toBe(false);
  });

  it("reads without limits too", () => {
    const text = describeProbation(
      { ...probation, maxOrderValueCents: null, maxOpenJobs: null },
      "2026-12-06",
    );
    expect(text.offers).toBe("You receive offers as usual until the due date.");
    expect(text.limits[0]).toEqual({ label: "Largest job value", value: "No limit" });
  });
});
