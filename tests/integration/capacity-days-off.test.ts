import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { addClosureDay } from "../../lib/settings/add-closure-day";
import { loadCapacityCalendar } from "../../lib/suppliers/load-capacity-calendar";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 21, "capacity": Müller (Stuttgart, Baden-Württemberg, 120 h of milling a week) is the only
// active partner for an order made in Germany. The platform closes on 24 Dec and 28–31 Dec. A line due
// on Friday 8 Jan 2027, matched on Sunday 20 Dec, may use 21 Dec – 6 Jan (two shipping days before).
// Of that, Müller works 21–23 Dec (72 h; 24 Dec closed, 25 Dec Christmas), nothing between the years
// (28–31 Dec closed, 1 Jan New Year) and 4–5 Jan (48 h; 6 Jan is Epiphany in Baden-Württemberg): 120 h.
const mueller = "seed_company_mueller";
const olga = { userId: "seed_user_olga" };
const matchedOn = new Date("2026-12-20T09:00:00Z");

describe("capacity without holidays and closure days, and hours released when a job is done", () => {
  let db: Database;

  async function lineNeeding(hours: number) {
    const { order, line } = await placeAcmeOrder(db, { requiredCountryCode: "DE" });
    await db.orderLine.update({
      where: { id: line.id },
      data: { estimatedMachineHours: hours, deliveryDate: new Date("2027-01-08T00:00:00Z") },
    });
    return { order, line };
  }
  const heldByWeek = async (orderLineId: string) =>
    Object.fromEntries(
      (
        await db.capacityReservation.findMany({
          where: { orderLineId, releasedAt: null },
          orderBy: { weekStart: "asc" },
        })
      ).map((row) => [row.weekStart.toISOString().slice(0, 10), row.machineHours]),
    );

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
    for (const [date, name] of [
      ["2026-12-24", "Christmas Eve"],
      ["2026-12-28", "Between the years"],
      ["2026-12-29", "Between the years"],
      ["2026-12-30", "Between the years"],
      ["2026-12-31", "New Year's Eve"],
    ])
      await addClosureDay(db, olga, { date, name, reason: "Christmas closure of the platform" });
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  it("shows no hours on Müller's holidays and the platform's closure days in its capacity calendar", async () => {
    const calendar = await loadCapacityCalendar(db, mueller, 4, matchedOn);
    const milling = calendar.find((entry) => entry.process === "CNC_MILLING")!;
    expect(milling.weeks.map((week) => [week.weekStart, week.capacityHours])).toEqual([
      ["2026-12-14", 120],
      ["2026-12-21", 72],
      ["2026-12-28", 0],
      ["2027-01-04", 96],
    ]);
    expect(milling.weeks[1]!.daysOff).toEqual([
      { day: "2026-12-24", name: "Christmas Eve", kind: "closure" },
      { day: "2026-12-25", name: "Christmas Day", kind: "holiday" },
    ]);
    expect(milling.weeks[3]!.daysOff).toEqual([{ day: "2027-01-06", name: "Epiphany", kind: "holiday" }]);
  });

  it("has the matcher count the same free hours: 150 h do not fit, 100 h fit around Christmas", async () => {
    const tooLarge = await lineNeeding(150);
    expect(await matchOrderLine(db, tooLarge.line.id, "test", matchedOn)).toEqual({ kind: "unmatched" });
    const decision = await db.matchDecision.findFirstOrThrow({ where: { orderLineId: tooLarge.line.id } });
    expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual({
      companyId: mueller,
      name: "Präzisionsteile Müller GmbH",
      rule: "capacity",
      reason: "has 120.0 of the 150.0 machine hours free by 6 Jan 2027",
    });

    // The hours are held where Müller works: none in the week between the years.
    const fits = await lineNeeding(100);
    expect(await matchOrderLine(db, fits.line.id, "test", matchedOn)).toMatchObject({
      kind: "offered",
      supplierCompanyId: mueller,
    });
    expect(await heldByWeek(fits.line.id)).toEqual({ "2026-12-21": 72, "2027-01-04": 28 });
  });

  it("releases the hours a job still holds when it ships", async () => {
    const { line } = await lineNeeding(10);
    const outcome = await matchOrderLine(db, line.id, "test");
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: mueller });
    const supplier = { userId: "seed_user_mueller", companyId: mueller };
    await acceptOffer(db, supplier, (outcome as { offerId: string }).offerId);
    await updateJobStatus(db, supplier, line.id, { to: "IN_PRODUCTION" });
    expect(Object.values(await heldByWeek(line.id)).reduce((a, b) => a + b, 0)).toBeCloseTo(10, 6);
    await updateJobStatus(db, supplier, line.id, {
      to: "SHIPPED",
      carrier: "DHL",
      trackingNumber: "JJD0002",
    });
    expect(await heldByWeek(line.id)).toEqual({});
  });

  it("releases the hours of a job operations cancel after the partner started", async () => {
    const { order, line } = await lineNeeding(10);
    const outcome = await matchOrderLine(db, line.id, "test");
    const supplier = { userId: "seed_user_mueller", companyId: mueller };
    await acceptOffer(db, supplier, (outcome as { offerId: string }).offerId);
    await updateJobStatus(db, supplier, line.id, { to: "IN_PRODUCTION" });
    await cancelOrder(
      db,
      { userId: olga.userId, companyId: "seed_company_platform", role: "OPERATIONS" },
      order.id,
      { reason: "The buyer's design changed after production started." },
    );
    expect(await heldByWeek(line.id)).toEqual({});
  });
});
