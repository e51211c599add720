import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { startCardCheckout } from "../../lib/payments/start-card-checkout";
import { payDuePayouts } from "../../lib/payouts/pay-due-payouts";
import { payPayout } from "../../lib/payouts/pay-payout";
import { retryPayout } from "../../lib/payouts/retry-payout";
import { startStripeOnboarding } from "../../lib/payouts/start-stripe-onboarding";
import { updatePayoutRetrySettings } from "../../lib/settings/update-payout-retry-settings";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  mueller,
  deliverAndCloseWindow,
  placeMillingOrder,
  shipThroughMueller,
  startStripeForTests,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga" };
const buyer = { userId: anna.userId, companyId: acme };
const minute = 60_000;

/**
 * Issue 19, point 1: transfers to partners funded from their card charge (source_transaction), balance
 * errors retried with growing delays instead of failing, and transfer.reversed recorded, each against the
 * fake's platform balance (pending card funds, available funds, balance_insufficient).
 */
describe("transfers funded from their charge, retried for lack of funds, and reversed", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;
  let sdk: Stripe;

  const transfersOf = (payoutId: string) =>
    [...stripe.fake.state.transfers.values()].filter((transfer) => transfer.metadata.payoutId === payoutId);
  const differencesOf = async (orderId: string) =>
    (await checkLedger(db)).differences.filter((difference) => difference.orderId === orderId);
  const opsMails = (subjectStart: string) =>
    db.outboxEmail.findMany({ where: { subject: { startsWith: subjectStart } } });
  const payoutJobs = (payoutId: string) =>
    db.$queryRawUnsafe<{ startAfter: Date }[]>(
      `SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = 'payouts.pay' AND data->>'payoutId' = $1 ORDER BY start_after`,
      payoutId,
    );

  /** A card order paid on the fake (its charge still pending), made and delivered: its payout is due. */
  async function deliveredCardOrder() {
    const { order, line } = await placeMillingOrder(db, "CARD");
    await startCardCheckout(db, anna, order.id);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    stripe.fake.completeCheckout(payment.stripeCheckoutSessionId!);
    await stripe.fake.deliverAll();
    await shipThroughMueller(db, order.id, line.id);
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    return { order, payoutId, paymentId: payment.id };
  }

  /** An order on invoice, made and delivered: its transfer can only come from the available balance. */
  async function deliveredInvoiceOrder() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    return { order, payoutId };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
    sdk = new Stripe("sk_test_integration", {
      host: stripe.fake.host,
      port: stripe.fake.port,
      protocol: stripe.fake.protocol,
      maxNetworkRetries: 0,
    });
    await startStripeOnboarding(db, {
      ...mueller,
      role: "SUPPLIER_ADMIN",
      email: "partner@mueller-cnc.example",
    });
    const { stripeConnectAccountId } = await db.company.findUniqueOrThrow({
      where: { id: mueller.companyId },
    });
    stripe.fake.completeOnboarding(stripeConnectAccountId!);
    await stripe.fake.deliverAll();
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    await stripe.fake.deliverAll();
  });

  it("pays a card order's partner from the order's charge while its funds are still pending", async () => {
    const { order, payoutId, paymentId } = await deliveredCardOrder();
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const intent = stripe.fake.state.paymentIntents.get(payment.stripePaymentIntentId!)!;
    // Nothing is available on the platform balance: the card money is pending for days.
    expect(stripe.fake.balance().available.find((entry) => entry.currency === "eur")?.amount ?? 0).toBe(0);

    expect(await payPayout(db, payoutId)).toBe("paid");
    const paid = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(paid).toMatchObject({ status: "PAID", transferAttempts: 0, nextTransferAttemptAt: null });
    expect(transfersOf(payoutId)).toEqual([
      expect.objectContaining({
        id: paid.stripeTransferId,
        amount: paid.amountCents,
        source_transaction: intent.latest_charge,
        transfer_group: `order_${order.id}`,
      }),
    ]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).stripeChargeId).toBe(
      intent.latest_charge,
    );
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("keeps a transfer Stripe refuses for lack of balance pending, retries it with growing delays and pays it once funds are available", async () => {
    const { order, payoutId } = await deliveredInvoiceOrder();
    const start = new Date();

    expect(await payPayout(db, payoutId, start)).toBe("retrying");
    const first = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(first).toMatchObject({ status: "PENDING", transferAttempts: 1 });
    expect(first.failureReason).toMatch(/insufficient available funds/);
    const firstDelay = first.nextTransferAttemptAt!.getTime() - start.getTime();
    expect(firstDelay).toBe(15 * minute);
    expect((await payoutJobs(payoutId)).map((job) => job.startAfter.getTime())).toContain(
      first.nextTransferAttemptAt!.getTime(),
    );
    // Not due yet: the sweep leaves it alone.
    expect(await payDuePayouts(db, undefined, new Date(start.getTime() + minute))).not.toContain("retrying");
    expect((await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).transferAttempts).toBe(1);

    expect(await payPayout(db, payoutId, first.nextTransferAttemptAt!)).toBe("retrying");
    const second = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(second.transferAttempts).toBe(2);
    expect(second.nextTransferAttemptAt!.getTime() - first.nextTransferAttemptAt!.getTime()).toBe(
      2 * firstDelay,
    );
    expect(transfersOf(payoutId)).toEqual([]);
    // Each attempt asked Stripe under its own key: Stripe replays a refusal for the key it was given.
    const keys = stripe.fake.requests
      .filter((request) => request.path === "/v1/transfers" && request.params.metadata)
      .filter((request) => (request.params.metadata as Record<string, string>).payoutId === payoutId)
      .map((request) => request.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    expect(await opsMails("Payout to Präzisionsteile Müller")).toEqual([]);

    stripe.fake.topUpBalance(second.amountCents);
    expect(await payDuePayouts(db, undefined, second.nextTransferAttemptAt!)).toContain("paid");
    const paid = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });
    expect(paid).toMatchObject({ status: "PAID", nextTransferAttemptAt: null, failureReason: null });
    expect(paid.invoice!.status).toBe("PAID");
    expect(transfersOf(payoutId)).toEqual([
      expect.objectContaining({ id: paid.stripeTransferId, source_transaction: null }),
    ]);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("tells operations and marks the payout failed once the retries are used up; their retry starts afresh", async () => {
    const { payoutId } = await deliveredInvoiceOrder();
    let at = new Date();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      outcomes.push(await payPayout(db, payoutId, at));
      const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
      if (payout.nextTransferAttemptAt) at = payout.nextTransferAttemptAt;
    }
    expect(outcomes).toEqual([...Array<string>(7).fill("retrying"), "failed"]);
    const failed = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(failed).toMatchObject({ status: "FAILED", transferAttempts: 8, nextTransferAttemptAt: null });
    const mails = await opsMails("Payout to Präzisionsteile Müller");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/8 attempts/);
    expect(mails[0]!.text).toMatch(/Stripe balance/);

    stripe.fake.topUpBalance(failed.amountCents);
    expect(await retryPayout(db, olga, payoutId)).toBe(true);
    expect((await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).transferAttempts).toBe(0);
    expect(await payPayout(db, payoutId)).toBe("paid");
  });

  it("records a reversed transfer on the payout, tells operations, and the ledger check still balances", async () => {
    const { order, payoutId } = await deliveredCardOrder();
    expect(await payPayout(db, payoutId)).toBe("paid");
    const paid = await db.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { invoice: true } });

    await sdk.transfers.createReversal(paid.stripeTransferId!, { amount: 1_000 });
    await stripe.fake.deliverAll();
    expect(stripe.results.at(-1)).toMatchObject({ type: "transfer.reversed", outcome: "processed" });
    const partly = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(partly).toMatchObject({ status: "PAID", amountReversedCents: 1_000 });
    expect(partly.reversedAt).not.toBeNull();
    expect(await differencesOf(order.id)).toEqual([]);

    await sdk.transfers.createReversal(paid.stripeTransferId!);
    await stripe.fake.deliverAll();
    const reversed = await db.payout.findUniqueOrThrow({
      where: { id: payoutId },
      include: { invoice: true },
    });
    expect(reversed).toMatchObject({ status: "FAILED", amountReversedCents: paid.amountCents });
    expect(reversed.failureReason).toMatch(/reversed/);
    expect(reversed.invoice!.status).toBe("ISSUED");
    const reversalMails = () =>
      db.outboxEmail.findMany({
        where: {
          subject: {
            startsWith: "Transfer to Präzisionsteile Müller",
            endsWith: `reversed (order ${order.number})`,
          },
        },
        orderBy: { createdAt: "asc" },
      });
    const mails = await reversalMails();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.text).toMatch(/The partner keeps/);
    expect(mails[1]!.text).toMatch(/retry it from the payments page/);
    expect(await differencesOf(order.id)).toEqual([]);

    // A repeated event changes nothing.
    const reversedEvent = stripe.fake.events.filter((event) => event.type === "transfer.reversed").at(-1)!;
    expect(await stripe.fake.deliver(reversedEvent.id)).toBe(200);
    expect(await reversalMails()).toHaveLength(2);

    // Operations pay it again: the reversed money is back on the available balance, a new transfer goes out.
    expect(await retryPayout(db, olga, payoutId)).toBe(true);
    expect(await payPayout(db, payoutId)).toBe("paid");
    const repaid = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(repaid).toMatchObject({ status: "PAID", amountReversedCents: 0 });
    expect(repaid.stripeTransferId).not.toBe(paid.stripeTransferId);
    expect(transfersOf(payoutId)).toHaveLength(2);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("retries on the delays operations set in the settings, and refuses waits that shrink", async () => {
    await expect(
      updatePayoutRetrySettings(db, olga, {
        firstDelayMinutes: "600",
        maxDelayHours: "2",
        maxAttempts: "5",
        reason: "Shorter waits",
      }),
    ).rejects.toThrow(/at least as long as the first one/);
    await updatePayoutRetrySettings(db, olga, {
      firstDelayMinutes: "5",
      maxDelayHours: "1",
      maxAttempts: "2",
      reason: "Faster retries while the balance is low",
    });
    const { payoutId } = await deliveredInvoiceOrder();
    const start = new Date();
    expect(await payPayout(db, payoutId, start)).toBe("retrying");
    const waiting = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(waiting.nextTransferAttemptAt!.getTime() - start.getTime()).toBe(5 * minute);
    expect(await payPayout(db, payoutId, waiting.nextTransferAttemptAt!)).toBe("failed");
  });
});
