import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitCounteroffer } from "../../lib/counteroffers/submit-counteroffer";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { workingDayAfter } from "../fixtures/working-day-after";
import { createSeededAcmeDatabase } from "./setup/seeded-acme-database";

// Found walking issue 21 from an attacker's chair: the matcher kept a supplier on probation to its job
// value limit, but the supplier's own answer did not. A counteroffer within the cap raised the job above
// the limit and was accepted by the margin rule at once; an offer made before operations started the
// probation (a renewed audit approved with conditions) could still be accepted above it.
const euros = (cents: number) => (cents / 100).toFixed(2);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("a supplier on probation answering an offer", () => {
  let db: Database;

  async function pendingOfferOnProbation(limit: (supplierPriceCents: number) => number) {
    const { order, line } = await placeAcmeOrder(db, { quantity: 10 });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const admin = await db.user.findFirstOrThrow({
      where: { companyId: offer.supplierCompanyId, role: "SUPPLIER_ADMIN" },
    });
    // Operations approve the supplier's renewed audit with conditions while the offer waits.
    await db.supplierProbation.create({
      data: {
        companyId: offer.supplierCompanyId,
        maxOrderValueCents: limit(offer.supplierPriceCents),
        maxOpenJobs: null,
        conditionsDueOn: new Date("2099-01-15T00:00:00Z"),
      },
    });
    return { line, offer, supplier: { userId: admin.id, companyId: offer.supplierCompanyId } };
  }

  beforeAll(async () => {
    db = await createSeededAcmeDatabase();
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    await db.supplierProbation.deleteMany({});
  });

  it("refuses a counteroffer that would raise the job above the probation's limit, and keeps the offer open", async () => {
    const { line, offer, supplier } = await pendingOfferOnProbation((price) => price);
    // Within the cap and the margin rule: without probation this is accepted at once.
    const raisedCents = Math.min(
      Math.floor(offer.supplierPriceCents * 1.03),
      Math.floor(line.totalPriceCents * 0.9),
    );
    expect(raisedCents).toBeGreaterThan(offer.supplierPriceCents);
    await expect(
      submitCounteroffer(db, supplier, offer.id, {
        price: euros(raisedCents),
        deliveryDate: day(line.deliveryDate),
      }),
    ).rejects.toThrow(/probation.*at most/);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "PENDING",
      supplierPriceCents: offer.supplierPriceCents,
    });
    expect(await db.counteroffer.count({ where: { offerId: offer.id } })).toBe(0);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).not.toBe("ACCEPTED");

    // A later date at the offered price stays within the limit and is the buyer's to decide.
    const supplierCompany = await db.company.findUniqueOrThrow({ where: { id: supplier.companyId } });
    const dateOnly = await submitCounteroffer(db, supplier, offer.id, {
      price: euros(offer.supplierPriceCents),
      deliveryDate: workingDayAfter(day(line.deliveryDate), 7, [supplierCompany]),
    });
    expect(dateOnly.outcome).toBe("awaiting_buyer");
  });

  it("refuses to accept an offer above the probation's limit started after the offer was made", async () => {
    const { line, offer, supplier } = await pendingOfferOnProbation((price) => price - 100);
    await expect(acceptOffer(db, supplier, offer.id)).rejects.toThrow(/probation.*at most/);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).supplierCompanyId).toBeNull();
  });

  it("accepts an offer within the probation's limit", async () => {
    const { line, offer, supplier } = await pendingOfferOnProbation((price) => price);
    await acceptOffer(db, supplier, offer.id);
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      status: "ACCEPTED",
      supplierCompanyId: supplier.companyId,
    });
  });
});
