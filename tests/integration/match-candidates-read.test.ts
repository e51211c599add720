import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { loadMatchCandidates } from "../../lib/matching/load-match-candidates";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 22 (decision 0055): the candidate query sends most of a supplier as one comma-separated text field
// per row, which the loader splits. This supplier has a value of every kind in it, including the awkward
// ones (a name with commas, no coordinates, fractional hours, an empty minimum, no score at all for its
// twin), and the loader must give back exactly what the tables hold.
const odd = "match_read_odd";
const twin = "match_read_twin";
const date = (day: string) => new Date(`${day}T00:00:00Z`);

describe("the matcher's candidate read", () => {
  let db: Database;
  let line: { id: string; currency: string };
  /** A milling line's read, due 8 Jan 2027, with no certificates asked unless `part` asks some. */
  const millingQuery = (
    part: Pick<Parameters<typeof loadMatchCandidates>[1], "materialCode" | "partSizeMm"> & {
      requiredCertificates?: Parameters<typeof loadMatchCandidates>[1]["requiredCertificates"];
    },
  ): Parameters<typeof loadMatchCandidates>[1] => ({
    orderLineId: line.id,
    process: "CNC_MILLING",
    requiredCertificates: [],
    deliveryDate: "2027-01-08",
    today: "2026-12-06",
    firstDay: "2026-12-07",
    lastDay: "2026-12-30",
    closureDays: [],
    supplierCount: 10,
    ...part,
  });

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
    ({ line } = await placeAcmeOrder(db, {}));
    for (const [id, name, scored] of [
      [odd, 'Fräse, Dreh- & Schleif; "Werk" 2', true],
      [twin, "Twin, without a score", false],
    ] as const) {
      await db.company.create({
        data: {
          id,
          kind: "SUPPLIER",
          status: "ACTIVE",
          name,
          countryCode: "AT",
          region: "Tirol, Nord",
          city: "Innsbruck",
          latitude: null,
          longitude: null,
          costIndex: 1.0625,
          minOrderValueCents: null,
          maxOrderValueCents: 1_234_567,
          supplierProcesses: { create: { process: "CNC_MILLING" } },
          supplierMaterials: { create: { materialId: "seed_material_AL-6061-T6" } },
          machines: {
            create: {
              process: "CNC_MILLING",
              name: "Mill",
              envelopeXMm: 30,
              envelopeYMm: 500,
              envelopeZMm: 90.5,
            },
          },
          weeklyCapacities: { create: { process: "CNC_MILLING", machineHoursPerWeek: 37.5 } },
          certificates: {
            create: [
              {
                kind: "ISO_9001",
                number: "Q-1",
                issuer: "TÜV",
                validFrom: date("2026-01-01"),
                validUntil: date("2027-12-31"),
              },
              {
                kind: "ISO_9001",
                number: "Q-2",
                issuer: "TÜV",
                validFrom: date("2026-01-01"),
                validUntil: date("2028-06-30"),
              },
            ],
          },
          audits: {
            create: {
              status: "APPROVED_WITH_CONDITIONS",
              decidedAt: new Date("2026-06-01T10:00:00Z"),
              expiresAt: date("2026-12-15"),
            },
          },
          ...(scored
            ? {
                supplierScore: {
                  create: {
                    offersAnswered: 7,
                    offersRejected: 2,
                    offersExpired: 1,
                    linesShipped: 40,
                    linesOnTime: 37,
                    ratingsCount: 9,
                    ratingsStarsSum: 41,
                    complaintsCount: 3,
                    complaintsUpheld: 1,
                    meanResponseHours: 3.25,
                    computedAt: new Date(),
                  },
                },
              }
            : {}),
          blockedDays: { create: { day: date("2026-12-09"), reason: "Inventory, day 1" } },
        },
      });
    }
    await db.capacityReservation.createMany({
      data: [
        {
          companyId: odd,
          process: "CNC_MILLING",
          weekStart: date("2026-12-07"),
          machineHours: 2.5,
          orderLineId: line.id,
        },
        {
          companyId: odd,
          process: "CNC_MILLING",
          weekStart: date("2026-12-07"),
          machineHours: 0.125,
          orderLineId: line.id,
        },
        {
          companyId: odd,
          process: "CNC_MILLING",
          weekStart: date("2026-12-21"),
          machineHours: 8,
          orderLineId: line.id,
        },
        // Released hours hold nothing.
        {
          companyId: odd,
          process: "CNC_MILLING",
          weekStart: date("2026-12-14"),
          machineHours: 5,
          orderLineId: line.id,
          releasedAt: new Date(),
        },
      ],
    });
  });
  afterAll(() => db.$disconnect());

  it("gives back every value of the supplier's rows, whatever they contain", async () => {
    const { candidates } = await loadMatchCandidates(
      db,
      millingQuery({
        materialCode: "AL-6061-T6",
        partSizeMm: [400, 80, 25],
        requiredCertificates: ["ISO_9001", "ISO_14001"],
      }),
    );
    const read = candidates.find((candidate) => candidate.companyId === odd)!;
    expect(read).toMatchObject({
      name: 'Fräse, Dreh- & Schleif; "Werk" 2',
      status: "ACTIVE",
      countryCode: "AT",
      costIndex: 1.0625,
      minOrderValueCents: null,
      maxOrderValueCents: 1_234_567,
      offersMaterial: true,
      partFitsMachine: true,
      machineHoursPerWeek: 37.5,
      audit: { status: "APPROVED_WITH_CONDITIONS", expiresAt: "2026-12-15" },
      track: {
        offersAnswered: 7,
        offersRejected: 2,
        offersExpired: 1,
        linesShipped: 40,
        linesOnTime: 37,
        ratingsCount: 9,
        ratingsStarsSum: 41,
        complaintsCount: 3,
        complaintsUpheld: 1,
        meanResponseHours: 3.25,
      },
      previousOffer: null,
      probation: null,
    });
    // No coordinates: Austria's centroid, as before.
    expect(read.location).not.toBeNull();
    // Both ISO 9001 certificates are valid through delivery; ISO 14001 is not held.
    expect(read.certificates.map((certificate) => certificate.kind)).toEqual(["ISO_9001", "ISO_9001"]);
    expect(Object.fromEntries(read.reservedHoursByWeek)).toEqual({ "2026-12-07": 2.625, "2026-12-21": 8 });
    expect(read.blockedDays.has("2026-12-09")).toBe(true);

    const unscored = candidates.find((candidate) => candidate.companyId === twin)!;
    expect(unscored.track).toEqual({
      offersAnswered: 0,
      offersRejected: 0,
      offersExpired: 0,
      linesShipped: 0,
      linesOnTime: 0,
      ratingsCount: 0,
      ratingsStarsSum: 0,
      complaintsCount: 0,
      complaintsUpheld: 0,
      meanResponseHours: null,
    });
    expect(unscored.reservedHoursByWeek.size).toBe(0);
  });

  it("says a part fits no machine when it does not, and which earlier offer a supplier had", async () => {
    await db.offer.create({
      data: {
        status: "REJECTED",
        orderLineId: line.id,
        supplierCompanyId: odd,
        supplierPriceCents: 1000,
        currency: line.currency,
        rank: 1,
        score: 0.5,
        expiresAt: new Date(),
      },
    });
    const { candidates } = await loadMatchCandidates(
      db,
      millingQuery({ materialCode: "STEEL-C45", partSizeMm: [600, 10, 10] }),
    );
    const read = candidates.find((candidate) => candidate.companyId === odd)!;
    expect(read).toMatchObject({ partFitsMachine: false, offersMaterial: false, previousOffer: "REJECTED" });
    expect(read.certificates).toEqual([]);
  });

  // Issue 22 (decision 0074, follow-up 2): the read leaves out a card this process kept in the same
  // version, so a change must come through as a new version, and names and regions may hold "|" and line
  // breaks (they travel as JSON inside the read's "|"- and line-separated text).
  it("reads a changed card again, whatever its name and region hold", async () => {
    const query = millingQuery({ materialCode: "AL-6061-T6", partSizeMm: [400, 80, 25] });
    const before = await loadMatchCandidates(db, query);
    expect(before.candidates.find((candidate) => candidate.companyId === twin)!.name).toBe(
      "Twin, without a score",
    );
    const name = 'Twin | renamed\nwith a line break, "quotes" and ✓ 𝔘';
    await db.company.update({ where: { id: twin }, data: { name, region: "Tirol | Süd\n2" } });
    await db.weeklyCapacity.update({
      where: { companyId_process: { companyId: odd, process: "CNC_MILLING" } },
      data: { machineHoursPerWeek: 12.5 },
    });
    const after = await loadMatchCandidates(db, query);
    expect(after.candidates).toHaveLength(before.candidates.length);
    expect(after.candidates.find((candidate) => candidate.companyId === twin)!.name).toBe(name);
    expect(after.candidates.find((candidate) => candidate.companyId === odd)!.machineHoursPerWeek).toBe(12.5);
    // Every other supplier is given back as before.
    const others = (candidates: typeof before.candidates) =>
      candidates.filter((candidate) => candidate.companyId !== twin && candidate.companyId !== odd);
    expect(others(after.candidates)).toEqual(others(before.candidates));
  });
});
