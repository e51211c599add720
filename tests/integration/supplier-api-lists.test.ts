import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer, rejectOffer } from "../../lib/matching/respond-to-offer";
import { recordShipment } from "../../lib/shipments/record-shipment";
import { listJobsForApi, findJobForApi } from "../../lib/supplier-api/list-jobs-for-api";
import { findOfferForApi, listOffersForApi } from "../../lib/supplier-api/list-offers-for-api";
import { listPayoutsForApi } from "../../lib/supplier-api/list-payouts-for-api";
import { apiJobSchema, apiOfferSchema, apiPayoutSchema } from "../../lib/supplier-api/supplier-api-schemas";
import { pageSchema } from "../../lib/public-api/paginate";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 24 (i24-partner, docs/decisions/0060): what the public API lists for a partner's own systems:
// its offers, its jobs with parcels and documents, its payouts; a page at a time, only its own.
describe("the partner API's lists", () => {
  let db: Database;

  /** An order offered to the best supplier: its pending offer and the supplier holding it. */
  async function offeredOrder(options: Parameters<typeof placeAcmeOrder>[1] = {}) {
    const { order, line } = await placeAcmeOrder(db, options);
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const admin = await db.user.findFirstOrThrow({
      where: { companyId: offer.supplierCompanyId, role: "SUPPLIER_ADMIN" },
    });
    return { order, line, offer, supplier: { userId: admin.id, companyId: offer.supplierCompanyId } };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.weeklyCapacity.updateMany({ data: { machineHoursPerWeek: 500 } });
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });

  it("lists a partner's own offers newest first, page by page, and nobody else's", async () => {
    const first = await offeredOrder();
    // Later orders go to the same partner, so its list holds several.
    const more = [await offeredOrder(), await offeredOrder()].filter(
      (entry) => entry.supplier.companyId === first.supplier.companyId,
    );
    const companyId = first.supplier.companyId;
    const expected = await db.offer.count({ where: { supplierCompanyId: companyId } });
    expect(expected).toBeGreaterThanOrEqual(1 + more.length);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await listOffersForApi(db, companyId, { cursor, limit: 1 });
      expect(pageSchema(apiOfferSchema).parse(page)).toEqual(page);
      seen.push(...page.data.map((offer) => offer.id));
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    const times = await db.offer.findMany({
      where: { id: { in: seen } },
      select: { id: true, createdAt: true },
    });
    const at = new Map(times.map((row) => [row.id, row.createdAt.getTime()]));
    expect(seen.map((id) => at.get(id)!)).toEqual([...seen.map((id) => at.get(id)!)].sort((a, b) => b - a));

    const shown = (await findOfferForApi(db, companyId, first.offer.id))!;
    expect(shown).toMatchObject({
      id: first.offer.id,
      status: "PENDING",
      priceCents: first.offer.supplierPriceCents,
      job: { jobId: first.line.id, quantity: 10, process: "CNC_MILLING", materialCode: "AL-6061-T6" },
    });
    expect(JSON.stringify(shown)).not.toContain(String(first.line.totalPriceCents));

    // Another company sees neither the offer nor the list entry.
    const other = await db.company.findFirstOrThrow({
      where: { kind: "SUPPLIER", id: { not: companyId }, offers: { none: { orderLineId: first.line.id } } },
    });
    expect(await findOfferForApi(db, other.id, first.offer.id)).toBeNull();
    const theirs = await listOffersForApi(db, other.id, { limit: 100 });
    expect(theirs.data.map((offer) => offer.id)).not.toContain(first.offer.id);

    const pending = await listOffersForApi(db, companyId, { status: "PENDING", limit: 100 });
    expect(pending.data.every((offer) => offer.status === "PENDING")).toBe(true);
    await expect(listOffersForApi(db, companyId, { cursor: "not-ours", limit: 5 })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("shows a job with its parcels, tracking links, missing documents and next steps, then its payout", async () => {
    const { line, offer, supplier } = await offeredOrder({
      requiredQualityDocuments: ["CERTIFICATE_OF_CONFORMITY"],
    });
    await acceptOffer(db, supplier, offer.id);
    let job = (await findJobForApi(db, supplier.companyId, line.id))!;
    expect(apiJobSchema.parse(job)).toEqual(job);
    expect(job).toMatchObject({
      status: "ACCEPTED",
      priceCents: offer.supplierPriceCents,
      currency: "EUR",
      shippedQuantity: 0,
      missingQualityDocuments: ["CERTIFICATE_OF_CONFORMITY"],
      nextSteps: ["IN_PRODUCTION"],
    });

    await updateJobStatus(db, supplier, line.id, { to: "IN_PRODUCTION" });
    await db.qualityDocument.create({
      data: {
        orderLineId: line.id,
        kind: "CERTIFICATE_OF_CONFORMITY",
        fileName: "coc.pdf",
        contentType: "application/pdf",
        storageKey: "test/coc",
        sizeBytes: 10,
      },
    });
    await recordShipment(db, supplier, line.id, {
      carrier: "UPS",
      trackingNumber: "1Z999AA10123456784",
      quantity: 4,
    });
    job = (await findJobForApi(db, supplier.companyId, line.id))!;
    expect(job).toMatchObject({
      status: "IN_PRODUCTION",
      shippedQuantity: 4,
      missingQualityDocuments: [],
      qualityDocuments: [{ kind: "CERTIFICATE_OF_CONFORMITY", fileName: "coc.pdf" }],
      shipments: [
        {
          carrier: "UPS",
          trackingNumber: "1Z999AA10123456784",
          trackingUrl: "https://www.ups.com/track?loc=en_DE&tracknum=1Z999AA10123456784",
          quantity: 4,
        },
      ],
      nextSteps: ["QUALITY_CHECK", "SHIPPED"],
    });
    await recordShipment(db, supplier, line.id, {
      carrier: "DPD",
      trackingNumber: "01234567890123",
      quantity: 6,
    });
    const shipped = await listJobsForApi(db, supplier.companyId, { status: "SHIPPED", limit: 100 });
    expect(shipped.data.find((entry) => entry.jobId === line.id)).toMatchObject({
      status: "SHIPPED",
      shippedQuantity: 10,
      nextSteps: [],
    });
    // Not a job of any other company, nor of the buyer.
    expect(await findJobForApi(db, acme, line.id)).toBeNull();

    await confirmDelivery(db, { userId: anna.userId, companyId: acme }, line.id);
    const payouts = await listPayoutsForApi(db, supplier.companyId, { limit: 100 });
    expect(pageSchema(apiPayoutSchema).parse(payouts)).toEqual(payouts);
    const payout = await db.payout.findUniqueOrThrow({ where: { orderLineId: line.id } });
    // The partner's price with its VAT where it charges any: what the payouts page shows.
    expect(payout.amountCents).toBeGreaterThanOrEqual(offer.supplierPriceCents);
    expect(payouts.data.find((entry) => entry.jobId === line.id)).toMatchObject({
      id: payout.id,
      status: "WAITING",
      amountCents: payout.amountCents,
      statusText: expect.stringMatching(/^Due on .* after the complaint window$/),
      invoiceNumber: null,
    });
    expect((await listPayoutsForApi(db, acme, { limit: 100 })).data).toEqual([]);
  });

  it("drops a rejected job from the jobs list while the offer list keeps the answer", async () => {
    const { line, offer, supplier } = await offeredOrder();
    await rejectOffer(db, supplier, offer.id, { reason: "NO_CAPACITY" });
    const jobs = await listJobsForApi(db, supplier.companyId, { limit: 100 });
    expect(jobs.data.map((job) => job.jobId)).not.toContain(line.id);
    expect(await findOfferForApi(db, supplier.companyId, offer.id)).toMatchObject({
      status: "REJECTED",
      rejectReason: "NO_CAPACITY",
    });
  });
});
