import { describe, expect, it } from "vitest";
import { defaultMatchingSettings } from "../matching/matching-settings";
import { emptyTrackRecord, type TrackRecord } from "../matching/score-candidate";
import { qualityFlagsOf } from "./quality-flags-of";

// The default thresholds: 85 % on time, 3.5 stars, 50 % rejected, 10 % upheld complaints, 24 h to answer;
// rates judged from 3 shipped lines (or ratings) and 3 offers.
const thresholds = defaultMatchingSettings.qualityThresholds;
const record = (track: Partial<TrackRecord>): TrackRecord => ({ ...emptyTrackRecord, ...track });

describe("flags on a partner's record", () => {
  it.each<[string, Partial<TrackRecord>, string[]]>([
    ["a partner without history", {}, []],
    [
      "a good record",
      {
        linesShipped: 20,
        linesOnTime: 19,
        ratingsCount: 10,
        ratingsStarsSum: 45,
        offersAnswered: 20,
        offersRejected: 2,
        complaintsCount: 3,
        complaintsUpheld: 1,
        meanResponseHours: 5,
      },
      [],
    ],
    [
      "5 of 8 lines on time",
      { linesShipped: 8, linesOnTime: 5 },
      ["On time 63 % (5 of 8 shipped lines) is below 85 %"],
    ],
    ["2 late lines of only 2 shipped: too little to judge", { linesShipped: 2, linesOnTime: 0 }, []],
    [
      "0 of 3 on time, just enough to judge",
      { linesShipped: 3, linesOnTime: 0 },
      ["On time 0 % (0 of 3 shipped lines) is below 85 %"],
    ],
    ["exactly 85 % on time is not below 85 %", { linesShipped: 20, linesOnTime: 17 }, []],
    [
      "84.6 % on time gets a decimal",
      { linesShipped: 13, linesOnTime: 11 },
      ["On time 84.6 % (11 of 13 shipped lines) is below 85 %"],
    ],
    [
      "a mean of 2.5 stars",
      { ratingsCount: 4, ratingsStarsSum: 10 },
      ["Mean rating 2.5 ★ (4 ratings) is below 3.5 ★"],
    ],
    ["two 1-star ratings: too few to judge", { ratingsCount: 2, ratingsStarsSum: 2 }, []],
    [
      "3 of 5 offers rejected or left to expire",
      { offersAnswered: 4, offersRejected: 2, offersExpired: 1 },
      ["Rejected or unanswered 60 % (3 of 5 offers) is above 50 %"],
    ],
    ["2 expired offers only: too few to judge", { offersExpired: 2 }, []],
    ["exactly half rejected is not above 50 %", { offersAnswered: 4, offersRejected: 2 }, []],
    [
      "2 upheld complaints on 8 lines",
      { linesShipped: 8, linesOnTime: 8, complaintsCount: 4, complaintsUpheld: 2 },
      ["Upheld complaints 25 % (2 on 8 shipped lines) is above 10 %"],
    ],
    [
      "complaints that were rejected or are still open",
      { linesShipped: 8, linesOnTime: 8, complaintsCount: 4, complaintsUpheld: 0 },
      [],
    ],
    [
      "answers after 30 hours on average",
      { offersAnswered: 3, meanResponseHours: 30 },
      ["Mean response time 30.0 h (3 answered offers) is above 24 h"],
    ],
    ["slow, but only 2 answers", { offersAnswered: 2, meanResponseHours: 30 }, []],
    [
      "everything wrong at once, in a fixed order",
      {
        linesShipped: 10,
        linesOnTime: 5,
        ratingsCount: 3,
        ratingsStarsSum: 6,
        offersAnswered: 4,
        offersRejected: 3,
        offersExpired: 2,
        complaintsCount: 3,
        complaintsUpheld: 3,
        meanResponseHours: 48.25,
      },
      [
        "On time 50 % (5 of 10 shipped lines) is below 85 %",
        "Mean rating 2.0 ★ (3 ratings) is below 3.5 ★",
        "Rejected or unanswered 83 % (5 of 6 offers) is above 50 %",
        "Upheld complaints 30 % (3 on 10 shipped lines) is above 10 %",
        "Mean response time 48.3 h (4 answered offers) is above 24 h",
      ],
    ],
  ])("%s", (_case, track, messages) => {
    expect(qualityFlagsOf(record(track), thresholds).map((flag) => flag.message)).toEqual(messages);
  });

  it("reports the metric, the raw value and the threshold with each flag", () => {
    expect(qualityFlagsOf(record({ linesShipped: 8, linesOnTime: 5 }), thresholds)).toEqual([
      { metric: "onTime", value: 5 / 8, threshold: 0.85, message: expect.any(String) },
    ]);
  });

  it("follows the thresholds it is given: a lower bar clears the flag, more data required delays it", () => {
    const late = record({ linesShipped: 8, linesOnTime: 5 });
    expect(qualityFlagsOf(late, { ...thresholds, minOnTimeRate: 0.6 })).toEqual([]);
    expect(qualityFlagsOf(late, { ...thresholds, minShippedLines: 9 })).toEqual([]);
    expect(qualityFlagsOf(late, { ...thresholds, minOnTimeRate: 0.7 })).toHaveLength(1);
  });
});
