import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { reofferOrderLine } from "../../lib/matching/reoffer-order-line";
import { rejectOffer } from "../../lib/matching/respond-to-offer";
import { listSupplierOffers } from "../../lib/suppliers/list-supplier-offers";
import { offerAnswerLabel } from "../../lib/matching/offer-answer-label";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { reinstateSupplier } from "../../lib/workflows/reinstate-supplier";
import { suspendSupplier } from "../../lib/workflows/suspend-supplier";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 21, "a withdrawn offer locks the line". An order that must be made in Germany can go to Müller
// (Stuttgart) and, once approved, to Schmidt (Leipzig): two partners, so a wrong exclusion leaves the
// line UNMATCHED, as operations saw it.
const olga = { userId: "seed_user_olga" };
const mueller = "seed_company_mueller";
const schmidt = "seed_company_schmidt";

describe("withdrawn offers and the buyer's cancellation", () => {
  let db: Database;

  const pendingOffer = (orderLineId: string) =>
    db.offer.findFirstOrThrow({ where: { orderLineId, status: "PENDING" } });
  const lineStatus = async (id: string) => (await db.orderLine.findUniqueOrThrow({ where: { id } })).status;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    // Schmidt approved (as the audit flow would leave it) and active; both partners free.
    await db.company.update({ where: { id: schmidt }, data: { status: "ACTIVE", suspendedReason: null } });
    await db.company.update({ where: { id: mueller }, data: { status: "ACTIVE", suspendedReason: null } });
    await db.supplierAudit.updateMany({
      where: { supplierCompanyId: schmidt },
      data: { status: "APPROVED", decidedAt: new Date(), expiresAt: new Date("2028-12-31T00:00:00Z") },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  it("offers the line to the earlier partner again when the partner operations chose is suspended", async () => {
    const { order, line } = await placeAcmeOrder(db, { requiredCountryCode: "DE" });
    await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    const first = await pendingOffer(line.id);
    expect(first.supplierCompanyId).toBe(mueller);

    await reofferOrderLine(db, olga, line.id, { supplierCompanyId: schmidt });
    expect(await db.offer.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawnBy: "OPERATIONS",
    });
    await suspendSupplier(db, olga, schmidt, { reason: "The sample part failed its re-measurement." });
    expect(await lineStatus(line.id)).toBe("AWAITING_MATCH");

    // Müller never declined: its withdrawn offer does not keep it from the line.
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "partner suspended" });
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: mueller });
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    const skipped = (decision.candidates as { skipped: { companyId: string; reason: string }[] }).skipped;
    expect(skipped).toContainEqual(expect.objectContaining({ companyId: schmidt, reason: "is suspended" }));
    expect(skipped.map((entry) => entry.reason)).not.toContain("had this line's offer already (withdrawn)");
  });

  it("a partner that declined stays out; reinstating the other partner rematches the unmatched line", async () => {
    const { order, line } = await placeAcmeOrder(db, { requiredCountryCode: "DE" });
    await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    await reofferOrderLine(db, olga, line.id, { supplierCompanyId: schmidt });
    await suspendSupplier(db, olga, schmidt, { reason: "The sample part failed its re-measurement." });
    await matchWaitingLines(db, { orderId: order.id, trigger: "partner suspended" });
    const again = await pendingOffer(line.id);
    expect(again.supplierCompanyId).toBe(mueller);
    await rejectOffer(db, { userId: "seed_user_mueller", companyId: mueller }, again.id, {
      reason: "NO_CAPACITY",
    });
    const [unmatched] = await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    expect(unmatched).toEqual({ kind: "unmatched" });
    expect(await lineStatus(line.id)).toBe("UNMATCHED");

    const reinstated = await reinstateSupplier(db, olga, schmidt, {
      reason: "Re-measured by TÜV: the sample part is in tolerance.",
    });
    expect(reinstated.orderIdsToMatch).toContain(order.id);
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "partner reinstated" });
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: schmidt });
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual(
      expect.objectContaining({ companyId: mueller, reason: "had this line's offer already (rejected)" }),
    );
  });

  it("tells the partner that the buyer cancelled, on its offers page and by e-mail with a link", async () => {
    const { order, line } = await placeAcmeOrder(db, { requiredCountryCode: "DE" });
    await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    const offer = await pendingOffer(line.id);
    const supplierUser = await db.user.findFirstOrThrow({ where: { companyId: offer.supplierCompanyId } });
    await cancelOrder(db, anna, order.id, { reason: "The design changed; we reorder next week." });

    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "WITHDRAWN",
      withdrawnBy: "BUYER",
    });
    const { recent } = await listSupplierOffers(db, offer.supplierCompanyId);
    const row = recent.find((entry) => entry.id === offer.id)!;
    expect(offerAnswerLabel(row)).toBe("Cancelled by the buyer");

    const { number } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: supplierUser.email, subject: { contains: number } },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toBe(`Offer withdrawn: the buyer cancelled order ${number}`);
    expect(mail.text).toMatch(new RegExp(`https?://\\S+/supplier#offer-${offer.id}`));
    // The buyer's reason is the buyer's: the partner is not told it.
    expect(mail.text).not.toContain("design changed");
  });
});
