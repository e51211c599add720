import { describe, expect, it } from "vitest";
import { defaultMatchingSettings, type MatchingSettings } from "./matching-settings";
import {
  fitsEnvelope,
  lastProductionDay,
  rankCandidates,
  type LineToMatch,
  type SupplierCandidate,
} from "./rank-candidates";
import { emptyTrackRecord } from "./score-candidate";

// Monday 2 November 2026. Delivery on Friday the 27th less two shipping days leaves production from
// Tuesday the 3rd to Wednesday the 25th: 4 + 5 + 5 + 3 = 17 working days, 136 h at 40 h a week.
const today = "2026-11-02";
// As the crow flies, Munich to Stuttgart is 190.7 km and Munich to Hamburg 611.8 km.
const munich = { latitude: 48.14, longitude: 11.58 };
const stuttgart = { latitude: 48.78, longitude: 9.18 };
const hamburg = { latitude: 53.55, longitude: 9.99 };

const line: LineToMatch = {
  materialCode: "AL-6061-T6",
  partSizeMm: [80, 40, 12],
  estimatedMachineHours: 10,
  deliveryDate: "2026-11-27",
  supplierTotalCents: 100_000,
  totalPriceCents: 150_000,
  requiredCertificates: ["ISO_9001"],
  requiredCountryCode: null,
  buyerLocation: munich,
};

/** A supplier that passes every rule for `line`; each test changes what it is about. */
function supplier(overrides: Partial<SupplierCandidate> = {}): SupplierCandidate {
  return {
    companyId: "partner",
    name: "Partner GmbH",
    status: "ACTIVE",
    countryCode: "DE",
    location: stuttgart,
    costIndex: 1,
    minOrderValueCents: null,
    maxOrderValueCents: null,
    offersMaterial: true,
    machineEnvelopesMm: [[500, 400, 300]],
    certificates: [{ kind: "ISO_9001", validUntil: "2027-12-31" }],
    audit: { status: "APPROVED", expiresAt: "2027-06-01" },
    machineHoursPerWeek: 40,
    reservedHoursByWeek: new Map(),
    blockedDays: new Set(),
    track: emptyTrackRecord,
    previousOffer: null,
    ...overrides,
  };
}

const rank = (
  candidates: SupplierCandidate[],
  lineOverrides: Partial<LineToMatch> = {},
  settings: MatchingSettings = defaultMatchingSettings,
) => rankCandidates({ ...line, ...lineOverrides }, candidates, settings, today);

const rankedIds = (candidates: SupplierCandidate[], settings?: MatchingSettings) =>
  rank(candidates, {}, settings).ranked.map((candidate) => candidate.companyId);

describe("which partners the matcher skips, and why", () => {
  const nearlyFull = new Map(
    ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((week) => [week, 38]),
  );

  it.each<[string, Partial<SupplierCandidate>, Partial<LineToMatch>, string]>([
    [
      "it rejected this line's offer before",
      { previousOffer: "REJECTED" },
      {},
      "had this line's offer already (rejected)",
    ],
    [
      "it let this line's offer expire",
      { previousOffer: "EXPIRED" },
      {},
      "had this line's offer already (expired)",
    ],
    ["it waits for its audit", { status: "PENDING_AUDIT" }, {}, "waits for its audit"],
    ["it is suspended", { status: "SUSPENDED" }, {}, "is suspended"],
    ["it was rejected as a partner", { status: "REJECTED" }, {}, "is rejected"],
    ["it has no decided audit", { audit: null }, {}, "has no approved audit"],
    [
      "its audit was rejected",
      { audit: { status: "REJECTED", expiresAt: null } },
      {},
      "has no approved audit",
    ],
    [
      "its audit is still in progress",
      { audit: { status: "IN_PROGRESS", expiresAt: "2027-06-01" } },
      {},
      "has no approved audit",
    ],
    [
      "its audit expired yesterday",
      { audit: { status: "APPROVED", expiresAt: "2026-11-01" } },
      {},
      "its audit expired on 1 Nov 2026",
    ],
    ["it does not offer the material", { offersMaterial: false }, {}, "does not offer AL-6061-T6"],
    [
      "it has no machine for the process",
      { machineEnvelopesMm: [] },
      {},
      "has no machine for this process on file",
    ],
    [
      "the part fits none of its machines, however turned",
      {
        machineEnvelopesMm: [
          [70, 70, 70],
          [300, 30, 30],
        ],
      },
      {},
      "the part (80 × 40 × 12 mm) fits none of its machines",
    ],
    [
      "it holds no required certificate",
      { certificates: [] },
      {},
      "holds no ISO 9001 valid through 27 Nov 2026",
    ],
    [
      "its certificate runs out the day before delivery",
      { certificates: [{ kind: "ISO_9001", validUntil: "2026-11-26" }] },
      {},
      "holds no ISO 9001 valid through 27 Nov 2026",
    ],
    [
      "it holds a different certificate than the one required",
      { certificates: [{ kind: "ISO_14001", validUntil: "2027-12-31" }] },
      { requiredCertificates: ["ISO_9001", "AS9100"] },
      "holds no ISO 9001, AS9100 valid through 27 Nov 2026",
    ],
    [
      "it produces in another country than the order asks for",
      {},
      { requiredCountryCode: "PL" },
      "produces in Germany; the order asks for Poland",
    ],
    [
      // €1,000 would pass the €950 minimum; its cost index makes the job €900.
      "its cost index takes the job below its minimum order value",
      { costIndex: 0.9, minOrderValueCents: 95_000 },
      {},
      "the job (€900.00) is below its minimum order value of €950.00",
    ],
    [
      // €1,000 would pass the €1,100 maximum; its cost index makes the job €1,200.
      "its cost index takes the job above its maximum order value",
      { costIndex: 1.2, maxOrderValueCents: 110_000 },
      {},
      "the job (€1,200.00) is above its maximum order value of €1,100.00",
    ],
    [
      "its price equals what the buyer pays",
      { costIndex: 1.5 },
      {},
      "its price (€1,500.00) leaves no margin on €1,500.00",
    ],
    [
      "it has no weekly capacity for the process",
      { machineHoursPerWeek: null },
      {},
      "has no weekly capacity set for this process",
    ],
    [
      "its weekly capacity is zero",
      { machineHoursPerWeek: 0 },
      {},
      "has no weekly capacity set for this process",
    ],
    [
      // 38 of 40 h held in each of the four weeks leaves 2 h in each.
      "its capacity is held up to the delivery date",
      { reservedHoursByWeek: nearlyFull },
      {},
      "has 8.0 of the 10.0 machine hours free by 25 Nov 2026",
    ],
    [
      // Delivery on Wednesday less two shipping days is Monday, which is today.
      "the delivery date leaves no production day",
      {},
      { deliveryDate: "2026-11-04" },
      "no production days are left before 4 Nov 2026",
    ],
  ])("skips a partner when %s", (_case, overrides, lineOverrides, reason) => {
    const ranking = rank([supplier(overrides)], lineOverrides);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.skipped).toEqual([
      { companyId: "partner", name: "Partner GmbH", rule: expect.any(String), reason },
    ]);
  });

  it.each<[string, Partial<SupplierCandidate>, Partial<LineToMatch>?]>([
    ["its audit expires today", { audit: { status: "APPROVED", expiresAt: "2026-11-02" } }],
    ["its audit has no end date", { audit: { status: "APPROVED", expiresAt: null } }],
    [
      "its audit was approved with conditions",
      { audit: { status: "APPROVED_WITH_CONDITIONS", expiresAt: null } },
    ],
    ["the part fits only when turned", { machineEnvelopesMm: [[20, 50, 100]] }],
    ["the part's size is unknown and it has no machine", { machineEnvelopesMm: [] }, { partSizeMm: [] }],
    [
      "its certificate runs out on the delivery date",
      { certificates: [{ kind: "ISO_9001", validUntil: "2026-11-27" }] },
    ],
    ["the order asks for its country", {}, { requiredCountryCode: "DE" }],
    ["its price is exactly its minimum order value", { costIndex: 0.95, minOrderValueCents: 95_000 }],
    ["its price is exactly its maximum order value", { costIndex: 1.1, maxOrderValueCents: 110_000 }],
    ["its price leaves one cent of margin", { costIndex: 1.49999 }],
    [
      "exactly the hours needed are free",
      {
        reservedHoursByWeek: new Map([
          ["2026-11-02", 37.5],
          ["2026-11-09", 37.5],
          ["2026-11-16", 37.5],
          ["2026-11-23", 37.5],
        ]),
      },
    ],
  ])("keeps a partner when %s", (_case, overrides, lineOverrides = {}) => {
    const ranking = rank([supplier(overrides)], lineOverrides);
    expect(ranking.skipped).toEqual([]);
    expect(ranking.ranked.map((candidate) => candidate.companyId)).toEqual(["partner"]);
  });

  it("offers a remake the platform pays at the price operations set, with no margin to keep", () => {
    const ranking = rank([supplier({ costIndex: 1.4 })], {
      isRemake: true,
      totalPriceCents: 0,
      supplierTotalCents: 80_000,
    });
    expect(ranking.skipped).toEqual([]);
    expect(ranking.ranked[0]?.supplierPriceCents).toBe(80_000);
    // The same line as a sale is refused: nothing is left for the platform.
    expect(
      rank([supplier({ costIndex: 1.4 })], { totalPriceCents: 0, supplierTotalCents: 80_000 }).skipped,
    ).toEqual([expect.objectContaining({ rule: "margin" })]);
  });

  it("gives the first rule a partner fails, in the order the rules are checked", () => {
    const ranking = rank([
      supplier({ companyId: "a", status: "SUSPENDED", offersMaterial: false, certificates: [] }),
      supplier({ companyId: "b", offersMaterial: false, certificates: [], machineHoursPerWeek: null }),
      supplier({ companyId: "c", certificates: [], countryCode: "PL", costIndex: 2 }),
    ]);
    expect(ranking.skipped.map((entry) => [entry.companyId, entry.reason])).toEqual([
      ["a", "is suspended"],
      ["b", "does not offer AL-6061-T6"],
      ["c", "holds no ISO 9001 valid through 27 Nov 2026"],
    ]);
  });

  it("prices the job with the partner's cost index and plans its hours earliest week first", () => {
    const [ranked] = rank([supplier({ costIndex: 0.85 })], { estimatedMachineHours: 40 }).ranked;
    expect(ranked).toMatchObject({
      supplierPriceCents: 85_000,
      capacity: {
        fits: true,
        freeHours: 136,
        allocations: [
          { weekStart: "2026-11-02", hours: 32 },
          { weekStart: "2026-11-09", hours: 8 },
        ],
      },
    });
    expect(ranked!.distanceKm).toBeCloseTo(190.7, 1);
  });

  it("reports the production window from tomorrow to the delivery date less shipping", () => {
    expect(rank([]).productionWindow).toEqual({ firstDay: "2026-11-03", lastDay: "2026-11-25" });
  });
});

describe("the order of the partners that may take the line", () => {
  // Each pair differs in one thing only; the better one has the later id so that the id tie-break
  // cannot be what puts it first.
  const shippedOnTime = (onTime: number) => ({ ...emptyTrackRecord, linesShipped: 20, linesOnTime: onTime });

  it.each<[string, Partial<SupplierCandidate>, Partial<SupplierCandidate>]>([
    ["a better on-time record", { track: shippedOnTime(20) }, { track: shippedOnTime(12) }],
    ["being nearer the buyer", { location: stuttgart }, { location: hamburg }],
    ["a lower cost index", { costIndex: 0.9 }, { costIndex: 1.1 }],
    [
      "less of its capacity held",
      { reservedHoursByWeek: new Map([["2026-11-09", 5]]) },
      { reservedHoursByWeek: new Map([["2026-11-09", 30]]) },
    ],
    [
      "better ratings and fewer rejections",
      { track: { ...emptyTrackRecord, ratingsCount: 10, ratingsStarsSum: 50, offersAnswered: 10 } },
      {
        track: {
          ...emptyTrackRecord,
          ratingsCount: 10,
          ratingsStarsSum: 20,
          offersAnswered: 10,
          offersRejected: 6,
        },
      },
    ],
  ])("ranks a partner higher for %s", (_case, better, worse) => {
    const ranking = rank([supplier({ companyId: "a", ...worse }), supplier({ companyId: "b", ...better })]);
    expect(ranking.ranked.map((candidate) => candidate.companyId)).toEqual(["b", "a"]);
    expect(ranking.ranked[0]!.score).toBeGreaterThan(ranking.ranked[1]!.score);
  });

  it("breaks a tie in score by distance, then by company id, and puts an unknown distance last", () => {
    const distanceIgnored = {
      ...defaultMatchingSettings,
      weights: { ...defaultMatchingSettings.weights, distance: 0 },
    };
    const candidates = [
      supplier({ companyId: "d", location: null }),
      supplier({ companyId: "c", location: hamburg }),
      supplier({ companyId: "b", location: stuttgart }),
      supplier({ companyId: "a", location: hamburg }),
    ];
    const ranking = rank(candidates, {}, distanceIgnored);
    expect(new Set(ranking.ranked.map((candidate) => candidate.score)).size).toBe(1);
    expect(ranking.ranked.map((candidate) => candidate.companyId)).toEqual(["b", "a", "c", "d"]);
    expect(ranking.ranked.map((candidate) => candidate.distanceKm)).toEqual([
      expect.closeTo(190.7, 1),
      expect.closeTo(611.8, 1),
      expect.closeTo(611.8, 1),
      null,
    ]);
  });

  it("ranks the same whatever order the partners come in", () => {
    const candidates = [
      supplier({ companyId: "near-cheap", costIndex: 0.9 }),
      supplier({ companyId: "far", location: hamburg }),
      supplier({ companyId: "late", track: shippedOnTime(10) }),
      supplier({ companyId: "busy", reservedHoursByWeek: new Map([["2026-11-16", 40]]) }),
      supplier({ companyId: "twin-b" }),
      supplier({ companyId: "twin-a" }),
      supplier({ companyId: "skipped", offersMaterial: false }),
    ];
    const expected = ["near-cheap", "twin-a", "twin-b", "far", "busy", "late"];
    const orders = [
      ...candidates.map((_, start) => [...candidates.slice(start), ...candidates.slice(0, start)]),
      [...candidates].reverse(),
    ];
    for (const order of orders) expect(rankedIds(order)).toEqual(expected);
  });
});

describe("rules the ranking builds on", () => {
  it.each([
    ["Friday", "2026-11-27", 2, "2026-11-25"],
    ["Monday, over the weekend", "2026-11-30", 2, "2026-11-26"],
    ["Monday, without shipping days", "2026-11-30", 0, "2026-11-30"],
    ["Tuesday, five shipping days", "2026-12-01", 5, "2026-11-24"],
  ])("the last production day before delivery on %s", (_case, delivery, shippingDays, lastDay) => {
    expect(lastProductionDay(delivery, shippingDays)).toBe(lastDay);
  });

  it.each<[number[], number[], boolean]>([
    [[80, 40, 12], [100, 50, 20], true],
    [[80, 40, 12], [12, 40, 80], true],
    [[80, 40, 12], [20, 100, 50], true],
    [[80, 40, 12], [79, 79, 79], false],
    [[80, 40, 12], [100, 100, 11], false],
    [[100, 100, 100], [100, 100, 100], true],
  ])("a %j part in a %j envelope fits: %s", (part, envelope, fits) => {
    expect(fitsEnvelope(part, envelope)).toBe(fits);
  });
});

describe("partners flagged for review", () => {
  // 5 of 8 lines on time is below the default 85 %; the cheaper supplier would rank first without the flag.
  const late = { ...emptyTrackRecord, linesShipped: 8, linesOnTime: 5 };
  const candidates = [
    supplier({ companyId: "flagged-cheap", costIndex: 0.7, track: late }),
    supplier({ companyId: "clean", costIndex: 1 }),
  ];

  it("cuts a flagged partner's score by the flagged factor and keeps the score before and the reasons", () => {
    const unpenalised = rank(candidates, {}, { ...defaultMatchingSettings, flaggedScoreFactor: 1 });
    expect(unpenalised.ranked.map((candidate) => candidate.companyId)).toEqual(["flagged-cheap", "clean"]);

    const ranking = rank(candidates);
    expect(ranking.ranked.map((candidate) => candidate.companyId)).toEqual(["clean", "flagged-cheap"]);
    const flagged = ranking.ranked[1]!;
    expect(flagged.unflaggedScore).toBe(unpenalised.ranked[0]!.score);
    expect(flagged.score).toBeCloseTo(flagged.unflaggedScore * 0.6, 12);
    expect(flagged.flags.map((flag) => flag.message)).toEqual([
      "On time 63 % (5 of 8 shipped lines) is below 85 %",
    ]);
    expect(ranking.ranked[0]!).toMatchObject({ flags: [], score: ranking.ranked[0]!.unflaggedScore });
  });

  it("judges flags with the settings' thresholds", () => {
    const lowerBar = {
      ...defaultMatchingSettings,
      qualityThresholds: { ...defaultMatchingSettings.qualityThresholds, minOnTimeRate: 0.6 },
    };
    const ranking = rank(candidates, {}, lowerBar);
    expect(ranking.ranked.map((candidate) => candidate.companyId)).toEqual(["flagged-cheap", "clean"]);
    expect(ranking.ranked.every((candidate) => candidate.flags.length === 0)).toBe(true);
  });

  // Issue 22 (decision 0119): the matcher reads its settings anew for every line, while a supplier's track
  // record object is kept with its match card; its flags are worked out once for equal thresholds.
  it("gives a track record's flags again for equal thresholds, and judges them again for other ones", () => {
    const flagsOf = (settings: MatchingSettings) =>
      rank(candidates, {}, settings).ranked.find((candidate) => candidate.companyId === "flagged-cheap")!
        .flags;
    const first = flagsOf(structuredClone(defaultMatchingSettings));
    const again = flagsOf(structuredClone(defaultMatchingSettings));
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && first.every((flag) => Object.isFrozen(flag))).toBe(true);
    const lowerBar = structuredClone(defaultMatchingSettings);
    lowerBar.qualityThresholds.minOnTimeRate = 0.6;
    expect(flagsOf(lowerBar)).toEqual([]);
    const back = flagsOf(structuredClone(defaultMatchingSettings));
    expect(back.map((flag) => flag.message)).toEqual(["On time 63 % (5 of 8 shipped lines) is below 85 %"]);
    // Another record object with the same figures is judged on its own.
    const twin = [supplier({ companyId: "flagged-cheap", costIndex: 0.7, track: { ...late } })];
    const twinFlags = rank(twin).ranked[0]!.flags;
    expect(twinFlags).not.toBe(back);
    expect(twinFlags).toEqual(back);
  });
});
