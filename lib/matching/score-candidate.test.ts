import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultMatchingSettings, type MatchingSettings } from "./matching-settings";
import { emptyTrackRecord, scoreCandidate, type ScoreInput, type TrackRecord } from "./score-candidate";

// The default priors: 90 % on time, 4 stars, 15 % rejected, 3 % complaints, each worth 5 orders.
const newcomer: ScoreInput = { track: emptyTrackRecord, utilisation: 0.5, distanceKm: null, costIndex: 1 };
const withTrack = (track: Partial<TrackRecord>): ScoreInput => ({
  ...newcomer,
  track: { ...emptyTrackRecord, ...track },
});
const score = (input: ScoreInput, settings: MatchingSettings = defaultMatchingSettings) =>
  scoreCandidate(input, settings);
const onlyWeight = (name: keyof MatchingSettings["weights"]): MatchingSettings => ({
  ...defaultMatchingSettings,
  weights: {
    onTimeDelivery: 0,
    rating: 0,
    rejectionRate: 0,
    complaintRate: 0,
    utilisation: 0,
    distance: 0,
    cost: 0,
    [name]: 1,
  },
});

describe("a partner's score for an order line", () => {
  it("scores a newcomer at the priors", () => {
    const result = score(newcomer);
    expect(result.rates).toEqual({ onTimeRate: 0.9, meanStars: 4, rejectionRate: 0.15, complaintRate: 0.03 });
    expect(result.parts).toEqual({
      onTimeDelivery: 0.9,
      rating: 0.75,
      rejectionRate: 0.85,
      complaintRate: expect.closeTo(0.85, 12),
      utilisation: 0.5,
      distance: 0.5,
      cost: 0.5,
    });
    // (3 × 0.9 + 2 × 0.75 + 2 × 0.85 + 1.5 × 0.85 + 0.5 + 0.5 + 2 × 0.5) ÷ 12.5
    expect(result.score).toBeCloseTo(9.175 / 12.5, 12);
  });

  it.each<[string, Partial<TrackRecord>, string, number]>([
    // (0 + 0.9 × 5) ÷ (1 + 5): one late order does not sink a newcomer …
    ["one late delivery", { linesShipped: 1, linesOnTime: 0 }, "onTimeRate", 0.75],
    // … (1 + 4.5) ÷ 6: … and one punctual order does not make it perfect.
    ["one punctual delivery", { linesShipped: 1, linesOnTime: 1 }, "onTimeRate", 5.5 / 6],
    ["a long punctual record", { linesShipped: 95, linesOnTime: 95 }, "onTimeRate", 99.5 / 100],
    // (1 + 4 × 5) ÷ 6
    ["one 1-star rating", { ratingsCount: 1, ratingsStarsSum: 1 }, "meanStars", 3.5],
    // Rejected and expired offers both count against it: (3 + 2 + 0.75) ÷ (10 + 2 + 5)
    [
      "rejections and expiries",
      { offersAnswered: 10, offersRejected: 3, offersExpired: 2 },
      "rejectionRate",
      5.75 / 17,
    ],
    // (2 + 0.15) ÷ (5 + 5)
    [
      "two complaints in five shipments",
      { linesShipped: 5, linesOnTime: 5, complaintsCount: 2 },
      "complaintRate",
      0.215,
    ],
  ])("smooths %s towards the prior", (_case, track, rate, expected) => {
    const rates = score(withTrack(track)).rates as Record<string, number>;
    expect(rates[rate]).toBeCloseTo(expected, 12);
  });

  it("smooths less as the record grows", () => {
    const lateRate = (shipped: number) =>
      score(withTrack({ linesShipped: shipped, linesOnTime: shipped / 2 })).rates.onTimeRate;
    expect([2, 10, 100, 1000].map(lateRate)).toEqual([
      expect.closeTo((1 + 4.5) / 7, 12),
      expect.closeTo((5 + 4.5) / 15, 12),
      expect.closeTo((50 + 4.5) / 105, 12),
      expect.closeTo((500 + 4.5) / 1005, 12),
    ]);
  });

  it("scores each part from 0 to 1, reaching both ends", () => {
    const noPriors = {
      ...defaultMatchingSettings,
      priors: { ...defaultMatchingSettings.priors, priorWeight: 0 },
    };
    const best = score(
      {
        track: {
          offersAnswered: 20,
          offersRejected: 0,
          offersExpired: 0,
          linesShipped: 20,
          linesOnTime: 20,
          ratingsCount: 20,
          ratingsStarsSum: 100,
          complaintsCount: 0,
          complaintsUpheld: 0,
          meanResponseHours: 2,
        },
        utilisation: 0,
        distanceKm: 0,
        costIndex: 0.4,
      },
      noPriors,
    );
    expect(best.parts).toEqual({
      onTimeDelivery: 1,
      rating: 1,
      rejectionRate: 1,
      complaintRate: 1,
      utilisation: 1,
      distance: 1,
      cost: 1,
    });
    expect(best.score).toBe(1);
    const worst = score(
      {
        track: {
          offersAnswered: 10,
          offersRejected: 10,
          offersExpired: 10,
          linesShipped: 10,
          linesOnTime: 0,
          ratingsCount: 10,
          ratingsStarsSum: 10,
          complaintsCount: 2,
          complaintsUpheld: 2,
          meanResponseHours: 30,
        },
        utilisation: 1,
        distanceKm: 4000,
        costIndex: 2,
      },
      noPriors,
    );
    expect(worst.parts).toEqual({
      onTimeDelivery: 0,
      rating: 0,
      rejectionRate: 0,
      // A 20 % complaint rate already scores 0.
      complaintRate: 0,
      utilisation: 0,
      distance: 0,
      cost: 0,
    });
    expect(worst.score).toBe(0);
  });

  it.each([
    [0, 1],
    [500, 0.75],
    [2000, 0],
    [3000, 0],
    [null, 0.5],
  ])("scores a distance of %s km at %s", (distanceKm, part) => {
    expect(score({ ...newcomer, distanceKm }).parts.distance).toBeCloseTo(part, 12);
  });

  it.each([
    [0.5, 1],
    [0.75, 0.75],
    [1, 0.5],
    [1.25, 0.25],
    [1.5, 0],
    [1.8, 0],
  ])("scores a cost index of %s at %s", (costIndex, part) => {
    expect(score({ ...newcomer, costIndex }).parts.cost).toBeCloseTo(part, 12);
  });

  it("keeps every part and the score between 0 and 1 for any record", () => {
    const count = fc.integer({ min: 0, max: 500 });
    const tracks = fc
      .record({
        offersAnswered: count,
        offersRejected: count,
        offersExpired: count,
        linesShipped: count,
        linesOnTime: count,
        ratingsCount: fc.integer({ min: 0, max: 100 }),
        complaintsCount: count,
        stars: fc.double({ min: 1, max: 5, noNaN: true }),
      })
      .map(({ stars, ...track }) => ({
        ...track,
        offersRejected: Math.min(track.offersRejected, track.offersAnswered),
        linesOnTime: Math.min(track.linesOnTime, track.linesShipped),
        complaintsCount: Math.min(track.complaintsCount, track.linesShipped),
        complaintsUpheld: 0,
        meanResponseHours: null,
        ratingsStarsSum: Math.round(stars * track.ratingsCount),
      }));
    fc.assert(
      fc.property(
        tracks,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 10_000, noNaN: true })),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        (track, utilisation, distanceKm, costIndex) => {
          const result = score({ track, utilisation, distanceKm, costIndex });
          for (const part of [...Object.values(result.parts), result.score]) {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the weights of the score", () => {
  it.each([
    ["onTimeDelivery", 0.9],
    ["rating", 0.75],
    ["utilisation", 0.5],
    ["cost", 0.5],
  ] as const)("with only %s weighted, the score is that part", (name, expected) => {
    expect(score(newcomer, onlyWeight(name)).score).toBeCloseTo(expected, 12);
  });

  it("ignores a part weighted zero, however bad it is", () => {
    const distanceIgnored = {
      ...defaultMatchingSettings,
      weights: { ...defaultMatchingSettings.weights, distance: 0 },
    };
    const near = score({ ...newcomer, distanceKm: 0 }, distanceIgnored);
    const far = score({ ...newcomer, distanceKm: 5000 }, distanceIgnored);
    expect(far.parts.distance).toBe(0);
    expect(near.parts.distance).toBe(1);
    expect(far.score).toBe(near.score);
    // With the distance weighted (1 of 12.5), the same gap is worth 0.08.
    expect(
      score({ ...newcomer, distanceKm: 0 }).score - score({ ...newcomer, distanceKm: 5000 }).score,
    ).toBeCloseTo(1 / 12.5, 12);
  });

  it("counts a weight twice as much when it is doubled", () => {
    const settings = onlyWeight("cost");
    const costTwice = { ...settings, weights: { ...settings.weights, cost: 2, utilisation: 1 } };
    // (2 × 0.75 + 1 × 0.2) ÷ 3
    expect(score({ ...newcomer, costIndex: 0.75, utilisation: 0.8 }, costTwice).score).toBeCloseTo(
      1.7 / 3,
      12,
    );
  });

  it("scores 0 when every weight is zero", () => {
    const nothingWeighted = { ...onlyWeight("cost"), weights: { ...onlyWeight("cost").weights, cost: 0 } };
    expect(score(newcomer, nothingWeighted).score).toBe(0);
  });
});
