import { describe, expect, it } from "vitest";
import { defaultMatchingSettings } from "./matching-settings";
import { scoreCandidate, emptyTrackRecord } from "./score-candidate";
import { describeScoreFactors } from "./describe-score-factors";

describe("a ranked partner's score factors", () => {
  it("gives each factor's measure, value, weight and share, adding up to the score", () => {
    const scored = scoreCandidate(
      { track: emptyTrackRecord, utilisation: 0.25, distanceKm: 120, costIndex: 1.05 },
      defaultMatchingSettings,
    );
    const factors = describeScoreFactors(
      {
        ...scored,
        distanceKm: 120,
        supplierPriceCents: 41_200,
        freeHours: 90,
        utilisation: 0.25,
        costIndex: 1.05,
      },
      defaultMatchingSettings.weights,
    );
    expect(factors.map((factor) => [factor.label, factor.measure])).toEqual([
      ["On time", "90 % on time"],
      ["Rating", "4.0 stars"],
      ["Accepts offers", "15 % rejected or expired"],
      ["Few complaints", "3 % with complaints"],
      ["Free capacity", "25 % booked, 90.0 h free"],
      ["Distance", "120 km"],
      ["Price", "€412.00 (cost index 1.05)"],
    ]);
    expect(factors.reduce((sum, factor) => sum + factor.contribution!, 0)).toBeCloseTo(scored.score, 12);
  });

  it("reads decisions recorded before factors were stored: measures only, numbers left empty", () => {
    const factors = describeScoreFactors(
      { score: 0.7, distanceKm: null, supplierPriceCents: 1000, freeHours: 10, utilisation: 0.5 },
      undefined,
    );
    expect(
      factors.every(
        (factor) => factor.value === null && factor.weight === null && factor.contribution === null,
      ),
    ).toBe(true);
    expect(factors.find((factor) => factor.name === "distance")!.measure).toBe("location unknown");
    expect(factors.find((factor) => factor.name === "rating")!.measure).toBe("not recorded");
  });
});
