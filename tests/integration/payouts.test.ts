import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { confirmDueDeliveries } from "../../lib/workflows/confirm-due-deliveries";
import { decideComplaint } from "../../lib/workflows/decide-complaint";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { markPayoutTransferred } from "../../lib/payouts/mark-payout-transferred";
import { payDuePayouts } from "../../lib/payouts/pay-due-payouts";
import { payPayout } from "../../lib/payouts/pay-payout";
import { payoutHeldReasons } from "../../lib/payouts/payout-method-for";
import { retryPayout } from "../../lib/payouts/retry-payout";
import { startStripeOnboarding } from "../../lib/payouts/start-stripe-onboarding";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  mueller,
  deliverAndCloseWindow,
  placeMillingOrder,
  shipThroughMueller,
  startStripeForTests,
  ledgerSums,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga" };
const buyer = { userId: anna.userId, companyId: acme };
// Complaints without photos never touch storage.
const noStorage = {} as FileStorage;

describe("partner payouts after delivery", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  const ledgerOf = (orderId: string) => ledgerSums(db, orderId);
  const differencesOf = async (orderId: string) =>
    (await checkLedger(db)).differences.filter((difference) => difference.orderId === orderId);
  const transfersOf = (payoutId: string) =>
    [...stripe.fake.state.transfers.values()].filter((transfer) => transfer.metadata.payoutId === payoutId);

  async function shippedOrder() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    const offer = await shipThroughMueller(db, order.id, line.id);
    return { order, line, offer };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
    // These orders are on invoice: their transfers draw on the platform's available balance, as on Stripe.
    stripe.fake.topUpBalance(100_000_000);
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
    await db.supplierScore.deleteMany();
    await stripe.fake.deliverAll();
  });

  it("issues the self-billing invoice when the complaint window closes, holds the payout until the partner connects Stripe, then transfers it", async () => {
    const { order, line, offer } = await shippedOrder();
    await deliverAndCloseWindow(db, buyer, line.id);

    const payout = await db.payout.findUniqueOrThrow({
      where: { orderLineId: line.id },
      include: { invoice: true },
    });
    expect(payout).toMatchObject({ status: "HELD", heldReason: payoutHeldReasons.missingDetails });
    // Müller is German: 19 % VAT on top of the price it accepted.
    const supplierVat = Math.round(offer.supplierPriceCents * 0.19);
    expect(payout.invoice).toMatchObject({
      kind: "SELF_BILLING",
      companyId: mueller.companyId,
      netCents: offer.supplierPriceCents,
      vatCents: supplierVat,
      totalCents: offer.supplierPriceCents + supplierVat,
    });
    expect(payout.invoice!.number).toMatch(/^SB-\d{4}-\d{6}$/);
    expect(payout.amountCents).toBe(payout.invoice!.totalCents);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("COMPLETED");
    expect(await ledgerOf(order.id)).toEqual({
      BUYER: order.totalCents,
      VAT: order.vatCents - supplierVat,
      SUPPLIER: payout.amountCents,
      MARGIN: order.subtotalCents - offer.supplierPriceCents,
    });
    await expect(confirmDelivery(db, buyer, line.id)).rejects.toThrow(/confirmed already/);

    const { url } = await startStripeOnboarding(db, {
      ...mueller,
      role: "SUPPLIER_ADMIN",
      email: "partner@mueller-cnc.example",
    });
    const accountId = (await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } }))
      .stripeConnectAccountId!;
    expect(url).toContain(accountId);
    stripe.fake.completeOnboarding(accountId);
    await stripe.fake.deliverAll();
    expect(stripe.results.at(-1)?.followUps).toEqual([{ kind: "pay-payout", payoutId: payout.id }]);
    expect(await payPayout(db, payout.id)).toBe("paid");

    const paid = await db.payout.findUniqueOrThrow({ where: { id: payout.id }, include: { invoice: true } });
    expect(paid).toMatchObject({ status: "PAID", method: "STRIPE_TRANSFER" });
    expect(paid.invoice!.status).toBe("PAID");
    expect(transfersOf(payout.id)).toEqual([
      expect.objectContaining({
        id: paid.stripeTransferId,
        amount: payout.amountCents,
        destination: accountId,
        transfer_group: `order_${order.id}`,
      }),
    ]);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("creates one Connect account even when the answer to creating it is lost", async () => {
    const rossi = {
      userId: "seed_user_rossi",
      companyId: "seed_company_rossi",
      role: "SUPPLIER_ADMIN" as const,
    };
    const editor = { ...rossi, email: "partner@rossi-fresatura.example" };
    await expect(startStripeOnboarding(db, { ...editor, role: "SUPPLIER_MEMBER" })).rejects.toThrow(
      /Only an admin/,
    );
    stripe.fake.failNext({ method: "POST", path: "/v1/accounts", mode: "after", times: 2 });
    await expect(startStripeOnboarding(db, editor)).rejects.toThrow();
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: rossi.companyId } })).stripeConnectAccountId,
    ).toBeNull();
    const { url } = await startStripeOnboarding(db, editor);
    const accounts = [...stripe.fake.state.accounts.values()].filter(
      (account) => account.metadata.companyId === rossi.companyId,
    );
    expect(accounts).toHaveLength(1);
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: rossi.companyId } })).stripeConnectAccountId,
    ).toBe(accounts[0]!.id);
    expect(url).toContain(accounts[0]!.id);
  });

  it("completes a transfer interrupted after Stripe made it, without a second transfer", async () => {
    const { line } = await shippedOrder();
    const { payoutId, payNow } = await deliverAndCloseWindow(db, buyer, line.id);
    expect(payNow).toBe(true);
    stripe.fake.failNext({ method: "POST", path: "/v1/transfers", mode: "after", times: 2 });
    await expect(payPayout(db, payoutId)).rejects.toThrow();
    expect((await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).status).toBe("PENDING");
    // The sweep retries with the same idempotency key.
    await payDuePayouts(db);
    const paid = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(paid.status).toBe("PAID");
    expect(transfersOf(payoutId)).toHaveLength(1);
    expect(paid.stripeTransferId).toBe(transfersOf(payoutId)[0]!.id);
  });

  it("marks a payout Stripe refuses as failed for operations, and pays it on retry once the account is fixed", async () => {
    const { line } = await shippedOrder();
    const accountId = (await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } }))
      .stripeConnectAccountId!;
    const account = stripe.fake.state.accounts.get(accountId)!;
    account.capabilities.transfers = "inactive";
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    expect(await payPayout(db, payoutId)).toBe("failed");
    const failed = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(failed.status).toBe("FAILED");
    expect(failed.failureReason).toMatch(/capabilities enabled: transfers/);
    expect(
      await db.outboxEmail.count({ where: { subject: { startsWith: "Payout to Präzisionsteile Müller" } } }),
    ).toBe(1);

    account.capabilities.transfers = "active";
    expect(await retryPayout(db, olga, payoutId)).toBe(true);
    expect(await payPayout(db, payoutId)).toBe("paid");
    expect(transfersOf(payoutId)).toHaveLength(1);
  });

  it("retries a failed payout once when operations press Retry twice at once", async () => {
    const { line } = await shippedOrder();
    const account = stripe.fake.state.accounts.get(
      (await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } })).stripeConnectAccountId!,
    )!;
    account.capabilities.transfers = "inactive";
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    expect(await payPayout(db, payoutId)).toBe("failed");
    account.capabilities.transfers = "active";

    const presses = await Promise.allSettled([
      retryPayout(db, olga, payoutId),
      retryPayout(db, olga, payoutId),
    ]);
    expect(presses.map((press) => press.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(presses.find((press) => press.status === "rejected")).toMatchObject({
      reason: { code: "invalid_state_transition" },
    });
    // One retry in the audit log, with the idempotency key the payout holds.
    const retried = await db.auditLogEntry.findMany({
      where: { action: "payout.retried", entityId: payoutId },
    });
    expect(retried).toHaveLength(1);
    const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(retried[0]!.data).toMatchObject({ idempotencyKey: payout.idempotencyKey });
    expect(await payPayout(db, payoutId)).toBe("paid");
    expect(transfersOf(payoutId)).toHaveLength(1);
  });

  it("holds the payout on a complaint; operations uphold it, refund part and withhold the payout", async () => {
    const { order, line } = await shippedOrder();
    const complaint = await fileComplaint({ db, storage: noStorage }, buyer, line.id, {
      text: "Two of the ten plates have the pocket on the wrong side.",
      photos: [],
    });
    // An open complaint stops the automatic confirmation.
    await confirmDueDeliveries(db, new Date(Date.now() + 8 * 86_400_000));
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("SHIPPED");

    await decideComplaint(db, olga, complaint.id, {
      decision: "UPHELD",
      resolution: "The pockets are mirrored against the drawing.",
      refundEuros: "50",
      supplierPayout: "WITHHOLD",
      earlyDecisionReason: "Decided at once in this test.",
    });
    const payout = await db.payout.findUniqueOrThrow({
      where: { orderLineId: line.id },
      include: { invoice: true },
    });
    expect(payout.status).toBe("CANCELLED");
    // Withheld inside the complaint window: no self-billing invoice was ever issued.
    expect(payout.invoice).toBeNull();
    const creditNote = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "CREDIT_NOTE" },
    });
    expect(creditNote.totalCents).toBe(5000);
    // Nothing was ever moved to the partner: no SUPPLIER entries at all.
    expect(await ledgerOf(order.id)).toEqual({
      BUYER: order.totalCents - 5000,
      VAT: order.vatCents - creditNote.vatCents,
      MARGIN: order.subtotalCents - creditNote.netCents,
    });
    expect(await transfersOf(payout.id)).toEqual([]);
    expect(await differencesOf(order.id)).toEqual([]);
    await expect(
      decideComplaint(db, olga, complaint.id, {
        decision: "REJECTED",
        resolution: "Again",
        supplierPayout: "PAY",
        earlyDecisionReason: "Decided at once in this test.",
      }),
    ).rejects.toThrow(/decided already/);
  });

  it("holds a pending payout when a complaint comes after its window closed, and pays it when the complaint is rejected", async () => {
    const { line } = await shippedOrder();
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    const complaint = await fileComplaint({ db, storage: noStorage }, buyer, line.id, {
      text: "The surface looks rougher than Ra 3.2.",
      photos: [],
    });
    expect(await payPayout(db, payoutId)).toBe("skipped");
    expect((await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).status).toBe("HELD");
    const { payoutToPay } = await decideComplaint(db, olga, complaint.id, {
      decision: "REJECTED",
      resolution: "Measured Ra 2.9 on the photos' reference part.",
      supplierPayout: "PAY",
      earlyDecisionReason: "Decided at once in this test.",
    });
    expect(payoutToPay).toBe(payoutId);
    expect(await payPayout(db, payoutId)).toBe("paid");
  });

  it("confirms a delivery automatically 7 days after shipping; the payout waits for the complaint window", async () => {
    const { line } = await shippedOrder();
    expect(await confirmDueDeliveries(db, new Date(Date.now() + 6 * 86_400_000))).toEqual([]);
    const scheduled = await confirmDueDeliveries(db, new Date(Date.now() + 7 * 86_400_000 + 3_600_000));
    const payout = await db.payout.findUniqueOrThrow({ where: { orderLineId: line.id } });
    expect(scheduled).toContain(payout.id);
    expect(payout).toMatchObject({ status: "WAITING", invoiceId: null });
    const delivered = await db.orderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(delivered.status).toBe("DELIVERED");
  });

  it("pays partners without Stripe by bank transfer that operations record", async () => {
    await db.company.update({
      where: { id: mueller.companyId },
      data: {
        stripePayoutsEnabled: false,
        bankAccountHolder: "Präzisionsteile Müller GmbH",
        bankIban: "DE89370400440532013000",
      },
    });
    const { line } = await shippedOrder();
    const { payoutId, payNow } = await deliverAndCloseWindow(db, buyer, line.id);
    expect(payNow).toBe(false);
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "PENDING",
      method: "MANUAL_TRANSFER",
    });
    await expect(markPayoutTransferred(db, olga, payoutId, { reference: "" })).rejects.toThrow(/reference/);
    await markPayoutTransferred(db, olga, payoutId, { reference: "SEPA 2026-11-22 0042" });
    expect(await db.payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "PAID",
      transferReference: "SEPA 2026-11-22 0042",
    });
    await db.company.update({ where: { id: mueller.companyId }, data: { stripePayoutsEnabled: true } });
  });

  it("reports differences between the ledger, the payouts and Stripe's transfers", async () => {
    const { order, line } = await shippedOrder();
    const { payoutId } = await deliverAndCloseWindow(db, buyer, line.id);
    await payPayout(db, payoutId);
    expect(await differencesOf(order.id)).toEqual([]);
    await db.payout.update({ where: { id: payoutId }, data: { amountCents: { increment: 1 } } });
    const whats = (await differencesOf(order.id)).map((difference) => difference.what);
    expect(whats).toEqual(
      expect.arrayContaining(["partner: payouts vs ledger", "Stripe: transfers vs paid payouts"]),
    );
    await db.payout.update({ where: { id: payoutId }, data: { amountCents: { decrement: 1 } } });
    expect(await db.ledgerCheck.count()).toBeGreaterThan(1);
  });
});
