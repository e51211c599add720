import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { defaultMatchingSettings, loadMatchingSettings } from "../../lib/matching/matching-settings";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { loadSupplierQualityHistory } from "../../lib/quality/load-supplier-quality-history";
import { loadQualityOverview } from "../../lib/quality/load-quality-overview";
import { loadSupplierScorecard } from "../../lib/suppliers/load-supplier-scorecard";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { seedDatabase } from "../../prisma/seed";
import { acme, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// CNC milling in aluminium for the Munich buyer goes to Müller (Stuttgart) first, then Rossi (Brescia)
// (tests/integration/matching.test.ts). Slow answers flag Müller: the response time is not part of the
// matcher's score, so only the flag can move it down the ranking.
const mueller = "seed_company_mueller";
const rossi = "seed_company_rossi";
const slowAnswer = "Mean response time 30.0 h";

interface RecordedCandidate {
  companyId: string;
  score: number;
  unflaggedScore: number;
  flags: string[];
}

describe("partners flagged for review", () => {
  let db: Database;

  async function placeMillingLine(requiredCountryCode?: string) {
    return (await placeAcmeOrder(db, { requiredCountryCode })).line;
  }

  /** Matches a new line and returns the offer it made and the decision's ranked candidates. */
  async function matchNewLine() {
    const line = await placeMillingLine();
    const outcome = await matchOrderLine(db, line.id, "quality test");
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    const ranked = (decision.candidates as unknown as { ranked: RecordedCandidate[] }).ranked;
    return { line, outcome, decision, ranked };
  }

  /** Müller gets the next line and accepts it 30 hours after the offer was made. */
  async function muellerAnswersSlowly() {
    const { outcome } = await matchNewLine();
    if (outcome.kind !== "offered") throw new Error(`expected an offer, got ${outcome.kind}`);
    expect(outcome.supplierCompanyId).toBe(mueller);
    const now = new Date();
    await db.offer.update({
      where: { id: outcome.offerId },
      data: { createdAt: new Date(now.getTime() - 30 * 3_600_000) },
    });
    await acceptOffer(db, { userId: "seed_user_mueller", companyId: mueller }, outcome.offerId, now);
  }

  const muellerInOverview = async () =>
    (await loadQualityOverview(db)).suppliers.find((supplier) => supplier.companyId === mueller)!;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 120 },
    });
  });
  afterAll(() => db.$disconnect());

  // The tests below build on each other, in order: one supplier's record grows and is judged at each step.
  it("does not flag a partner while there is too little data to judge", async () => {
    await muellerAnswersSlowly();
    await muellerAnswersSlowly();
    const supplier = await muellerInOverview();
    expect(supplier.track).toMatchObject({ offersAnswered: 2, meanResponseHours: expect.closeTo(30, 3) });
    expect(supplier.flags).toEqual([]);
    const { ranked } = await matchNewLine();
    expect(ranked[0]).toMatchObject({ companyId: mueller, flags: [] });
    expect(ranked[0]!.score).toBe(ranked[0]!.unflaggedScore);
    // That line went to Müller too: answer it slowly, the third answer.
    const offer = await db.offer.findFirstOrThrow({
      where: { supplierCompanyId: mueller, status: "PENDING" },
    });
    await db.offer.update({
      where: { id: offer.id },
      data: { createdAt: new Date(Date.now() - 30 * 3_600_000) },
    });
    await acceptOffer(db, { userId: "seed_user_mueller", companyId: mueller }, offer.id);
  });

  it("flags a partner once its record crosses a threshold with enough data", async () => {
    const overview = await loadQualityOverview(db);
    const supplier = overview.suppliers.find((entry) => entry.companyId === mueller)!;
    expect(supplier.track.offersAnswered).toBe(3);
    expect(supplier.flags).toEqual([
      {
        metric: "responseTime",
        value: expect.closeTo(30, 3),
        threshold: 24,
        message: expect.stringMatching(/^Mean response time 30\.0 h \(3 answered offers\) is above 24 h$/),
      },
    ]);
    expect(overview.suppliers[0]!.companyId).toBe(mueller);
    expect(overview.suppliers.filter((entry) => entry.flags.length > 0)).toHaveLength(1);
  });

  it("ranks a flagged partner that would otherwise come first below an unflagged one", async () => {
    const { outcome, ranked, decision } = await matchNewLine();
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: rossi });
    expect(decision.chosenSupplierCompanyId).toBe(rossi);
    const flagged = ranked.find((candidate) => candidate.companyId === mueller)!;
    const first = ranked[0]!;
    expect(first).toMatchObject({ companyId: rossi, flags: [] });
    expect(flagged.unflaggedScore).toBeGreaterThan(first.score);
    expect(flagged.score).toBeCloseTo(
      flagged.unflaggedScore * defaultMatchingSettings.flaggedScoreFactor,
      12,
    );
    expect(flagged.score).toBeLessThan(first.score);
    expect(flagged.flags).toEqual([expect.stringContaining(slowAnswer)]);
  });

  it("unflags the partner when a new settings version raises the bar it crossed", async () => {
    const { settings } = await loadMatchingSettings(db);
    await db.matchingSettings.create({
      data: {
        version: 2,
        settings: {
          ...settings,
          qualityThresholds: { ...settings.qualityThresholds, maxMeanResponseHours: 36 },
        },
        source: "quality test: answers within 36 hours are fine",
      },
    });
    expect((await muellerInOverview()).flags).toEqual([]);
    const { outcome, ranked, decision } = await matchNewLine();
    expect(decision.settingsVersion).toBe(2);
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: mueller });
    expect(ranked[0]).toMatchObject({ companyId: mueller, flags: [] });
    expect(ranked[0]!.score).toBe(ranked[0]!.unflaggedScore);
  });

  it("flags late deliveries from the third shipped line, as the partner reports them shipped", async () => {
    // Made in Poland: only Nowak can take these lines. Each is due yesterday when Nowak ships it.
    const nowak = { userId: "seed_user_nowak", companyId: "seed_company_nowak" };
    const onTimeFlags = async () =>
      (await loadQualityOverview(db)).suppliers
        .find((supplier) => supplier.companyId === nowak.companyId)!
        .flags.filter((flag) => flag.metric === "onTime")
        .map((flag) => flag.message);
    for (let shipped = 1; shipped <= 3; shipped++) {
      const line = await placeMillingLine("PL");
      const outcome = await matchOrderLine(db, line.id, "quality test");
      if (outcome.kind !== "offered") throw new Error(`expected an offer, got ${outcome.kind}`);
      expect(outcome.supplierCompanyId).toBe(nowak.companyId);
      await acceptOffer(db, nowak, outcome.offerId);
      await db.orderLine.update({
        where: { id: line.id },
        data: { deliveryDate: new Date(Date.now() - 86_400_000 * 2) },
      });
      await updateJobStatus(db, nowak, line.id, { to: "IN_PRODUCTION" });
      await updateJobStatus(db, nowak, line.id, {
        to: "SHIPPED",
        carrier: "DHL",
        trackingNumber: `LATE${shipped}`,
      });
      expect(await onTimeFlags()).toEqual(
        shipped < 3 ? [] : ["On time 0 % (0 of 3 shipped lines) is below 85 %"],
      );
    }
  });
});

describe("a partner's record month by month", () => {
  let db: Database;
  const nowak = "seed_company_nowak";
  // Mid-March 2026 in Berlin; the four months shown are December 2025 to March 2026.
  const now = new Date("2026-03-15T12:00:00Z");
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    const { line: template } = await placeAcmeOrder(db);
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...lineFields } = template;

    /** A line Nowak shipped, due on `due`, shipped and (maybe) delivered at the given moments. */
    const shippedLine = (due: string, shippedAt: string, deliveredAt: string | null) =>
      db.orderLine.create({
        data: {
          ...lineFields,
          partSizeMm: template.partSizeMm,
          supplierCompanyId: nowak,
          status: deliveredAt ? "DELIVERED" : "SHIPPED",
          deliveryDate: at(`${due}T00:00:00Z`),
          shippedAt: at(shippedAt),
          deliveredAt: deliveredAt ? at(deliveredAt) : null,
        },
      });
    const offer = (
      createdAt: string,
      status: "ACCEPTED" | "REJECTED" | "EXPIRED" | "WITHDRAWN",
      hours?: number,
    ) =>
      db.offer.create({
        data: {
          orderLineId: template.id,
          supplierCompanyId: nowak,
          status,
          supplierPriceCents: 1000,
          currency: "EUR",
          rank: 1,
          score: 0.5,
          createdAt: at(createdAt),
          expiresAt: at(createdAt),
          respondedAt: hours === undefined ? null : new Date(at(createdAt).getTime() + hours * 3_600_000),
        },
      });

    // December: three offers (one accepted in 2 h, one rejected in 4 h, one left to expire), two lines
    // shipped of which one late, a 5-star and a 2-star rating, and an upheld complaint.
    await offer("2025-12-02T09:00:00Z", "ACCEPTED", 2);
    await offer("2025-12-03T09:00:00Z", "REJECTED", 4);
    await offer("2025-12-04T09:00:00Z", "EXPIRED");
    const onTime = await shippedLine("2025-12-20", "2025-12-10T10:00:00Z", "2025-12-12T10:00:00Z");
    const late = await shippedLine("2025-12-10", "2025-12-09T10:00:00Z", "2025-12-11T10:00:00Z");
    const rating = (orderLineId: string, stars: number, createdAt: string) =>
      db.rating.create({
        data: {
          orderLineId,
          buyerCompanyId: acme,
          supplierCompanyId: nowak,
          stars,
          createdAt: at(createdAt),
        },
      });
    const complaint = (orderLineId: string, status: "OPEN" | "UPHELD" | "REJECTED", createdAt: string) =>
      db.complaint.create({
        data: {
          orderLineId,
          buyerCompanyId: acme,
          createdById: "seed_user_anna",
          text: "Burrs on the edges",
          status,
          createdAt: at(createdAt),
        },
      });
    await rating(onTime.id, 5, "2025-12-13T10:00:00Z");
    await rating(late.id, 2, "2025-12-14T10:00:00Z");
    await complaint(late.id, "UPHELD", "2025-12-15T10:00:00Z");
    // January: nothing at all. Except 23:30 UTC on 31 January, which is already February in Berlin.
    await offer("2026-01-31T23:30:00Z", "ACCEPTED", 10);
    // February: a withdrawn offer (not counted), a line delivered on its due date in Berlin (23:30 UTC is
    // after midnight there: late), one shipped but not yet delivered and on time, two complaints still
    // open or rejected.
    await offer("2026-02-05T09:00:00Z", "WITHDRAWN", 1);
    const lateAtMidnight = await shippedLine("2026-02-10", "2026-02-08T10:00:00Z", "2026-02-10T23:30:00Z");
    const inTransit = await shippedLine("2026-02-28", "2026-02-20T10:00:00Z", null);
    await complaint(lateAtMidnight.id, "OPEN", "2026-02-12T10:00:00Z");
    await complaint(inTransit.id, "REJECTED", "2026-02-25T10:00:00Z");
    // November 2025 is outside the four months.
    await offer("2025-11-20T09:00:00Z", "REJECTED", 1);
    await shippedLine("2025-11-25", "2025-11-20T10:00:00Z", null);
  });
  afterAll(() => db.$disconnect());

  it("counts each month by Germany's calendar, with gaps for months without data", async () => {
    const months = await loadSupplierQualityHistory(db, nowak, { months: 4, now });
    expect(months.map((month) => month.month)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03"]);
    const [december, january, february, march] = months;
    expect(december).toEqual({
      month: "2025-12",
      offers: 3,
      accepted: 1,
      rejected: 1,
      expired: 1,
      rejectionRate: 2 / 3,
      meanResponseHours: expect.closeTo(3, 9),
      shipped: 2,
      onTime: 1,
      onTimeRate: 0.5,
      ratings: 2,
      meanStars: 3.5,
      complaints: { total: 1, open: 0, upheld: 1, rejected: 0 },
      complaintsPerShippedLine: 0.5,
    });
    expect(january).toEqual({
      month: "2026-01",
      offers: 0,
      accepted: 0,
      rejected: 0,
      expired: 0,
      rejectionRate: null,
      meanResponseHours: null,
      shipped: 0,
      onTime: 0,
      onTimeRate: null,
      ratings: 0,
      meanStars: null,
      complaints: { total: 0, open: 0, upheld: 0, rejected: 0 },
      complaintsPerShippedLine: null,
    });
    expect(february).toMatchObject({
      offers: 1,
      accepted: 1,
      rejectionRate: 0,
      meanResponseHours: expect.closeTo(10, 9),
      shipped: 2,
      onTime: 1,
      onTimeRate: 0.5,
      meanStars: null,
      complaints: { total: 2, open: 1, upheld: 0, rejected: 1 },
      complaintsPerShippedLine: 1,
    });
    expect(march).toMatchObject({ offers: 0, shipped: 0, onTimeRate: null });
  });

  it("gives twelve months by default, ending with the current one", async () => {
    const months = await loadSupplierQualityHistory(db, nowak, { now });
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe("2025-04");
    expect(months.at(-1)!.month).toBe("2026-03");
    expect(months.find((month) => month.month === "2025-11")).toMatchObject({ offers: 1, shipped: 1 });
  });

  it("shows the partner its own scorecard from the same figures", async () => {
    const { months, year } = await loadSupplierScorecard(db, nowak, now);
    expect(months.find((month) => month.month === "2025-12")).toEqual({
      month: "2025-12",
      offers: 3,
      rejected: 1,
      expired: 1,
      shipped: 2,
      onTime: 1,
      ratings: 2,
      meanStars: 3.5,
      complaints: 1,
    });
    // Twelve months: November's rejected offer and line count too.
    expect(year).toMatchObject({ offers: 5, declined: 3, shipped: 5, onTime: 3, complaints: 3 });
  });
});
