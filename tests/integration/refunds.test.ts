import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { getEnv } from "../../lib/env";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { loadRefundsToActOn } from "../../lib/payments/load-refunds-to-act-on";
import { recordBankRefund } from "../../lib/payments/record-bank-refund";
import { refundByOperations } from "../../lib/payments/refund-by-operations";
import { retryRefund } from "../../lib/payments/retry-refund";
import { sendPendingRefunds } from "../../lib/payments/send-pending-refunds";
import { sendRefund } from "../../lib/payments/send-refund";
import { startCardCheckout } from "../../lib/payments/start-card-checkout";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, placeMillingOrder, startStripeForTests } from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga", companyId: "seed_company_platform", role: "OPERATIONS" as const };
const buyerEmail = "anna.buyer@acme.example";

// Issue 19, point 2: a card refund may wait (`pending`) and fail later; only Stripe's `succeeded` makes it
// a refund the buyer is told about, with a credit note.
describe("card refunds that wait for Stripe", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  async function paidCardOrder() {
    const { order } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    stripe.fake.completeCheckout(payment.stripeCheckoutSessionId!);
    await stripe.fake.deliverAll();
    return { order, payment };
  }

  /** A 20 € goodwill refund, sent to Stripe (which answers `pending` unless told otherwise). */
  async function sentRefund(orderId: string) {
    const { refundId } = await refundByOperations(db, olga, orderId, {
      amountEuros: "20.00",
      reason: "Goodwill",
    });
    await sendRefund(db, refundId!);
    return db.refund.findUniqueOrThrow({ where: { id: refundId! } });
  }

  const refundOf = (id: string) => db.refund.findUniqueOrThrow({ where: { id } });
  const creditNotes = (orderId: string) => db.invoice.count({ where: { orderId, kind: "CREDIT_NOTE" } });
  const mailsTo = (to: string, subject: RegExp) =>
    db.outboxEmail
      .findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } })
      .then((mails) => mails.filter((mail) => subject.test(mail.subject)));
  const eventsFor = (stripeRefundId: string, type?: string) =>
    stripe.fake
      .pendingEvents()
      .filter(
        (event) =>
          (event.data.object as { id?: string }).id === stripeRefundId && (!type || event.type === type),
      );
  const differencesOf = async (orderId: string) =>
    (await checkLedger(db)).differences.filter((difference) => difference.orderId === orderId);

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    stripe.fake.setRefundMode("pending");
    await stripe.fake.deliverAll();
  });

  it("keeps a pending refund PENDING (no credit note, no e-mail, payment unchanged) until Stripe says succeeded", async () => {
    const { order, payment } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    expect(refund).toMatchObject({ status: "PENDING", creditNoteId: null });
    expect(refund.stripeRefundId).toMatch(/^re_/);
    await stripe.fake.deliverAll();
    expect(await refundOf(refund.id)).toMatchObject({ status: "PENDING", stripeStatus: "pending" });
    expect(await creditNotes(order.id)).toBe(0);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "SUCCEEDED",
      refundedCents: 0,
    });
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*refund`, "i"))).toEqual([]);
    // Pending at Stripe counts on the charge and on our side alike: the books agree meanwhile.
    expect(await differencesOf(order.id)).toEqual([]);

    stripe.fake.settleRefund(refund.stripeRefundId!, { status: "succeeded" });
    await stripe.fake.deliverAll();
    const done = await db.refund.findUniqueOrThrow({
      where: { id: refund.id },
      include: { creditNote: true },
    });
    expect(done).toMatchObject({ status: "SUCCEEDED", stripeStatus: "succeeded" });
    expect(done.creditNote).toMatchObject({ kind: "CREDIT_NOTE", totalCents: 2000 });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedCents: 2000,
    });
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*refunded`))).toHaveLength(1);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("takes refund events in any order and any number of times: a late pending after succeeded changes nothing", async () => {
    const { order } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    stripe.fake.settleRefund(refund.stripeRefundId!, { status: "succeeded" });
    const [created] = eventsFor(refund.stripeRefundId!, "refund.created");
    const [updated] = eventsFor(refund.stripeRefundId!, "refund.updated");
    expect(await stripe.fake.deliver(updated!.id)).toBe(200);
    expect(await stripe.fake.deliver(created!.id)).toBe(200);
    expect(await stripe.fake.deliver(updated!.id)).toBe(200);
    expect(await refundOf(refund.id)).toMatchObject({ status: "SUCCEEDED", stripeStatus: "succeeded" });
    expect(await creditNotes(order.id)).toBe(1);
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*refunded`))).toHaveLength(1);
    // Our own late answer (a replay of Stripe's first `pending`) changes nothing either.
    expect(await sendRefund(db, refund.id)).toBe("skipped");
    expect(await refundOf(refund.id)).toMatchObject({ status: "SUCCEEDED" });
  });

  it("fails a pending refund with Stripe's reason: operations told what to do, buyer not told, the amount refundable again, books balanced", async () => {
    const { order, payment } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    stripe.fake.settleRefund(refund.stripeRefundId!, {
      status: "failed",
      failureReason: "expired_or_canceled_card",
    });
    // refund.failed before refund.updated, and both twice.
    const failedEvent = eventsFor(refund.stripeRefundId!, "refund.failed")[0]!;
    expect(await stripe.fake.deliver(failedEvent.id)).toBe(200);
    await stripe.fake.deliverAll();
    expect(await stripe.fake.deliver(failedEvent.id)).toBe(200);

    const failed = await refundOf(refund.id);
    expect(failed).toMatchObject({ status: "FAILED", stripeStatus: "failed", creditNoteId: null });
    expect(failed.failureReason).toMatch(/expired or was cancelled.*expired_or_canceled_card/i);
    expect(await creditNotes(order.id)).toBe(0);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "SUCCEEDED",
      refundedCents: 0,
    });
    const toOperations = await mailsTo(getEnv().OPERATIONS_EMAIL, new RegExp(`${order.number}.*failed`));
    expect(toOperations).toHaveLength(1);
    expect(toOperations[0]!.text).toMatch(/\/ops\/payments/);
    expect(toOperations[0]!.text).toMatch(/bank transfer/);
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*refund`, "i"))).toHaveLength(0);
    expect(await differencesOf(order.id)).toEqual([]);

    // The whole payment can be refunded again.
    const { refundId: again } = await refundByOperations(db, olga, order.id, {
      amountEuros: String(order.totalCents / 100),
      reason: "Order cancelled",
    });
    expect(again).not.toBeNull();
  });

  it("never sends a refund Stripe already has again, and reads the ones still waiting back from Stripe", async () => {
    const { order } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    const refundRequests = () =>
      stripe.fake.requests.filter(
        (request) => request.path === "/v1/refunds" && request.idempotencyKey === refund.idempotencyKey,
      ).length;
    const before = refundRequests();
    // Days later (Stripe keeps idempotency keys for 24 hours) the sweep must not send it again.
    stripe.fake.settleRefund(refund.stripeRefundId!, { status: "succeeded" });
    for (const event of eventsFor(refund.stripeRefundId!))
      await stripe.fake.deliver(event.id, { secret: "whsec_lost" });
    await sendPendingRefunds(db, undefined, new Date(Date.now() + 3 * 86_400_000));
    expect(refundRequests()).toBe(before);
    expect(await refundOf(refund.id)).toMatchObject({ status: "SUCCEEDED" });
    expect(await creditNotes(order.id)).toBe(1);
  });

  it("lets operations retry a failed refund once, with a new idempotency key, and lists it until then", async () => {
    const { order, payment } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    stripe.fake.settleRefund(refund.stripeRefundId!, {
      status: "failed",
      failureReason: "insufficient_funds",
    });
    await stripe.fake.deliverAll();
    const toActOn = await loadRefundsToActOn(db);
    expect(toActOn.failed.map((failed) => failed.id)).toContain(refund.id);
    expect(toActOn.failed.find((failed) => failed.id === refund.id)).toMatchObject({
      cardWorthRetrying: true,
    });

    const retryId = await retryRefund(db, olga, refund.id);
    await expect(retryRefund(db, olga, refund.id)).rejects.toThrow(/followed up already/);
    await expect(recordBankRefund(db, olga, refund.id, { reference: "SEPA-1" })).rejects.toThrow(
      /followed up already/,
    );
    const retry = await refundOf(retryId);
    expect(retry).toMatchObject({ status: "PENDING", followsRefundId: refund.id, amountCents: 2000 });
    expect(retry.idempotencyKey).not.toBe(refund.idempotencyKey);
    expect((await loadRefundsToActOn(db)).failed.map((failed) => failed.id)).not.toContain(refund.id);

    expect(await sendRefund(db, retryId)).toBe("sent");
    stripe.fake.settleRefund((await refundOf(retryId)).stripeRefundId!, { status: "succeeded" });
    await stripe.fake.deliverAll();
    expect(await refundOf(retryId)).toMatchObject({ status: "SUCCEEDED" });
    expect(await creditNotes(order.id)).toBe(1);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      refundedCents: 2000,
    });
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("handles a refund that succeeded and then came back: owed again, both told, paid by bank transfer, books balanced", async () => {
    const { order, payment } = await paidCardOrder();
    stripe.fake.setRefundMode("succeed-at-once");
    const refund = await sentRefund(order.id);
    expect(refund).toMatchObject({ status: "SUCCEEDED", stripeStatus: "succeeded" });
    await stripe.fake.deliverAll();
    stripe.fake.settleRefund(refund.stripeRefundId!, {
      status: "failed",
      failureReason: "lost_or_stolen_card",
    });
    await stripe.fake.deliverAll();

    const bounced = await refundOf(refund.id);
    expect(bounced).toMatchObject({ status: "FAILED", creditNoteId: refund.creditNoteId });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "SUCCEEDED",
      refundedCents: 0,
    });
    expect(await mailsTo(getEnv().OPERATIONS_EMAIL, new RegExp(`${order.number}.*came back`))).toHaveLength(
      1,
    );
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*did not take`))).toHaveLength(1);
    // Still owed: it cannot be refunded twice over by a new refund.
    await expect(
      refundByOperations(db, olga, order.id, { amountEuros: String(order.totalCents / 100), reason: "All" }),
    ).rejects.toThrow(/At most/);
    expect(await differencesOf(order.id)).toEqual([]);
    expect((await loadRefundsToActOn(db)).failed.find((failed) => failed.id === refund.id)).toMatchObject({
      cardWorthRetrying: false,
    });

    await expect(recordBankRefund(db, olga, refund.id, { reference: "" })).rejects.toThrow(/reference/);
    const bankId = await recordBankRefund(db, olga, refund.id, { reference: "SEPA 2026-12-05 Acme" });
    expect(await refundOf(bankId)).toMatchObject({
      status: "SUCCEEDED",
      method: "BANK_TRANSFER",
      creditNoteId: refund.creditNoteId,
    });
    expect(await creditNotes(order.id)).toBe(1);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      refundedCents: 2000,
    });
    expect(await mailsTo(buyerEmail, new RegExp(`${order.number}.*refunded`))).toHaveLength(2);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("balances the ledger to the cent after a failed refund followed by a bank transfer", async () => {
    const { order } = await paidCardOrder();
    const refund = await sentRefund(order.id);
    stripe.fake.settleRefund(refund.stripeRefundId!, { status: "failed", failureReason: "declined" });
    await stripe.fake.deliverAll();
    expect(await differencesOf(order.id)).toEqual([]);
    await recordBankRefund(db, olga, refund.id, { reference: "SEPA-3" });
    expect(await differencesOf(order.id)).toEqual([]);
    const sums = await db.ledgerEntry.groupBy({
      by: ["account"],
      where: { orderId: order.id },
      _sum: { amountCents: true },
    });
    const total = (account: string) => sums.find((sum) => sum.account === account)?._sum.amountCents ?? 0;
    expect(total("BUYER")).toBe(order.totalCents - 2000);
    expect(total("BUYER")).toBe(total("VAT") + total("SUPPLIER") + total("MARGIN"));
  });
});
