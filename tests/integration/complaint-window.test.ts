import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { payDuePayouts } from "../../lib/payouts/pay-due-payouts";
import { payPayout } from "../../lib/payouts/pay-payout";
import { payoutHeldReasons } from "../../lib/payouts/payout-method-for";
import { releaseDuePayouts } from "../../lib/payouts/release-due-payouts";
import { startStripeOnboarding } from "../../lib/payouts/start-stripe-onboarding";
import { updateComplaintWindow } from "../../lib/settings/update-complaint-window";
import type { FileStorage } from "../../lib/storage/file-storage";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { confirmNoComplaint } from "../../lib/workflows/confirm-no-complaint";
import { decideComplaint } from "../../lib/workflows/decide-complaint";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  ledgerSums,
  mueller,
  placeMillingOrder,
  shipThroughMueller,
  startStripeForTests,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const olga = { userId: "seed_user_olga" };
const buyer = { userId: anna.userId, companyId: acme };
// Complaints without photos never touch storage.
const noStorage = {} as FileStorage;
const dayMs = 86_400_000;
const supplierAddress = "partner@mueller-cnc.example";

// Issue 19, "payout before the complaint window closes" (docs/decisions/0031): the partner is paid when
// the buyer's complaint window closes or the buyer confirms "no complaint"; a complaint inside the window
// holds the payout until operations decide; the partner's e-mails say how its payout stands.
describe("partner payouts wait for the buyer's complaint window", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  const transfersOf = (payoutId: string) =>
    [...stripe.fake.state.transfers.values()].filter((transfer) => transfer.metadata.payoutId === payoutId);
  const payoutOf = (orderLineId: string) =>
    db.payout.findUniqueOrThrow({ where: { orderLineId }, include: { invoice: true } });
  const differencesOf = async (orderId: string) =>
    (await checkLedger(db)).differences.filter((difference) => difference.orderId === orderId);
  const mailsTo = async (toAddress: string, since: Date) =>
    db.outboxEmail.findMany({
      where: { toAddress, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
    });
  const complain = (orderLineId: string, now?: Date) =>
    fileComplaint(
      { db, storage: noStorage },
      buyer,
      orderLineId,
      { text: "Two of the ten plates have the pocket on the wrong side.", photos: [] },
      now,
    );

  async function deliveredOrder() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    const offer = await shipThroughMueller(db, order.id, line.id);
    const delivered = await confirmDelivery(db, buyer, line.id);
    if (!delivered.payoutId) throw new Error("no payout");
    return { order, line, offer, payoutId: delivered.payoutId };
  }

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
    // These orders are on invoice: their transfers draw on the platform's available balance, as on Stripe.
    stripe.fake.topUpBalance(100_000_000);
    // Müller is paid by Stripe transfer: the case where a payout used to go out at once.
    await startStripeOnboarding(db, { ...mueller, role: "SUPPLIER_ADMIN", email: supplierAddress });
    const accountId = (await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } }))
      .stripeConnectAccountId!;
    stripe.fake.completeOnboarding(accountId);
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
    await db.supplierScore.deleteMany();
    await stripe.fake.deliverAll();
  });

  it("at delivery creates the payout waiting for the window: no self-billing invoice, no transfer, the partner told when it is due", async () => {
    const before = new Date();
    const { order, payoutId, line } = await deliveredOrder();
    // The pay job's sweep runs at once on a worker: it must find nothing to pay.
    await payDuePayouts(db);
    expect(await payPayout(db, payoutId)).toBe("skipped");

    const payout = await payoutOf(line.id);
    expect(payout).toMatchObject({ status: "WAITING", invoiceId: null, heldReason: null });
    expect(payout.dueAt!.getTime() - payout.createdAt.getTime()).toBeGreaterThanOrEqual(14 * dayMs - 5_000);
    expect(payout.dueAt!.getTime() - payout.createdAt.getTime()).toBeLessThanOrEqual(14 * dayMs + 5_000);
    expect(await db.invoice.count({ where: { orderId: order.id, kind: "SELF_BILLING" } })).toBe(0);
    expect(transfersOf(payoutId)).toEqual([]);
    // Nothing moved to the partner in the ledger yet, and the check agrees.
    expect((await ledgerSums(db, order.id)).SUPPLIER ?? 0).toBe(0);
    expect(await differencesOf(order.id)).toEqual([]);

    const mails = (await mailsTo(supplierAddress, before)).filter(
      (mail) => !mail.subject.startsWith("New job"),
    );
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(
        /^Delivery confirmed on order .*: payout due on \d{1,2} \w{3} \d{4} \(Berlin time\)$/,
      ),
    ]);
    expect(mails[0]!.text).toContain("after the complaint window");
    expect(mails[0]!.text).toContain("Nothing has been paid yet.");
    expect(mails[0]!.text).not.toMatch(/released|on its way/);
  });

  it("the release job issues the invoice and pays once the window has closed, once with two workers at once", async () => {
    const { order, payoutId, line } = await deliveredOrder();
    const { dueAt } = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(await releaseDuePayouts(db, undefined, new Date(dueAt!.getTime() - 3_600_000))).toEqual([]);
    expect((await payoutOf(line.id)).status).toBe("WAITING");

    const after = new Date(dueAt!.getTime() + 60_000);
    const [first, second] = await Promise.all([
      releaseDuePayouts(db, undefined, after),
      releaseDuePayouts(db, payoutId, after),
    ]);
    expect([...first, ...second].filter((id) => id === payoutId)).toEqual([payoutId]);
    const released = await payoutOf(line.id);
    expect(released.status).toBe("PENDING");
    expect(released.invoice).toMatchObject({ kind: "SELF_BILLING", totalCents: released.amountCents });
    expect(await db.invoice.count({ where: { orderId: order.id, kind: "SELF_BILLING" } })).toBe(1);
    // The pay job was sent with the release; the transfer goes once.
    await payDuePayouts(db);
    await payDuePayouts(db);
    expect((await payoutOf(line.id)).status).toBe("PAID");
    expect(transfersOf(payoutId)).toHaveLength(1);
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("the buyer's 'no complaint' gives up the window: invoice and transfer at once; refused twice, before delivery and with a complaint open", async () => {
    const { order, payoutId, line } = await deliveredOrder();
    expect(await confirmNoComplaint(db, buyer, line.id)).toEqual({ payoutId });
    const payout = await payoutOf(line.id);
    expect(payout.status).toBe("PENDING");
    expect(payout.invoice?.number).toMatch(/^SB-\d{4}-\d{6}$/);
    expect(await payPayout(db, payoutId)).toBe("paid");
    expect(
      (await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).noComplaintConfirmedAt,
    ).not.toBeNull();
    await expect(confirmNoComplaint(db, buyer, line.id)).rejects.toThrow(/confirmed already/);
    expect(await differencesOf(order.id)).toEqual([]);

    const shipped = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, shipped.order.id, shipped.line.id);
    await expect(confirmNoComplaint(db, buyer, shipped.line.id)).rejects.toThrow(
      /Confirm the delivery first/,
    );
    await confirmDelivery(db, buyer, shipped.line.id);
    await complain(shipped.line.id);
    await expect(confirmNoComplaint(db, buyer, shipped.line.id)).rejects.toThrow(
      /complaint about this part is open/,
    );
    await expect(
      confirmNoComplaint(db, { userId: "seed_user_mueller", companyId: mueller.companyId }, line.id),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a complaint inside the window holds the payout; operations uphold it and withhold the payout, nothing was invoiced or paid", async () => {
    const { order, payoutId, line } = await deliveredOrder();
    await payDuePayouts(db);
    const since = new Date();
    const complaint = await complain(line.id);

    const held = await payoutOf(line.id);
    expect(held).toMatchObject({ status: "HELD", heldReason: payoutHeldReasons.complaint, invoiceId: null });
    const supplierMails = await mailsTo(supplierAddress, since);
    expect(supplierMails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/your payout is held$/),
    ]);
    expect(supplierMails[0]!.text).toContain("held: complaint open");
    const opsMail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: { startsWith: "Complaint on order" }, createdAt: { gte: since } },
    });
    expect(opsMail.text).toContain("is held until you decide; you may withhold it.");

    // The window closes while the complaint is open: the release job leaves it held.
    expect(await releaseDuePayouts(db, undefined, new Date(held.dueAt!.getTime() + dayMs))).not.toContain(
      payoutId,
    );
    expect((await payoutOf(line.id)).status).toBe("HELD");

    await decideComplaint(db, olga, complaint.id, {
      decision: "UPHELD",
      resolution: "The pockets are mirrored against the drawing.",
      refundEuros: "50",
      supplierPayout: "WITHHOLD",
      earlyDecisionReason: "Decided at once in this test.",
    });
    const withheld = await payoutOf(line.id);
    expect(withheld).toMatchObject({ status: "CANCELLED", invoiceId: null });
    expect(transfersOf(payoutId)).toEqual([]);
    expect((await ledgerSums(db, order.id)).SUPPLIER ?? 0).toBe(0);
    expect(await differencesOf(order.id)).toEqual([]);
    const decision = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: supplierAddress, subject: { endsWith: ": upheld" }, createdAt: { gte: since } },
    });
    expect(decision.text).toContain("Withheld: not paid");
  });

  it("a complaint rejected inside the window sends the payout back to wait, and the partner reads when it is due, not 'released'", async () => {
    const { payoutId, line } = await deliveredOrder();
    const complaint = await complain(line.id);
    const since = new Date();
    const { payoutToPay } = await decideComplaint(db, olga, complaint.id, {
      decision: "REJECTED",
      resolution: "Measured within tolerance on the photos' reference part.",
      supplierPayout: "PAY",
      earlyDecisionReason: "Decided at once in this test.",
    });
    expect(payoutToPay).toBeNull();
    const waiting = await payoutOf(line.id);
    expect(waiting).toMatchObject({ status: "WAITING", heldReason: null, invoiceId: null });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: supplierAddress, subject: { endsWith: ": rejected" }, createdAt: { gte: since } },
    });
    expect(mail.text).toMatch(/Due on \d{1,2} \w{3} \d{4} \(Berlin time\) after the complaint window/);
    expect(mail.text).not.toContain("released");

    expect(await releaseDuePayouts(db, undefined, new Date(waiting.dueAt!.getTime() + 1_000))).toContain(
      payoutId,
    );
    expect(await payPayout(db, payoutId)).toBe("paid");
  });

  it("a complaint decided after the window closed releases the payout at once", async () => {
    const { payoutId, line } = await deliveredOrder();
    const complaint = await complain(line.id);
    const { dueAt } = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
    const { payoutToPay } = await decideComplaint(
      db,
      olga,
      complaint.id,
      {
        decision: "REJECTED",
        resolution: "Within the drawing's tolerance.",
        supplierPayout: "PAY",
        earlyDecisionReason: "Decided at once in this test.",
      },
      new Date(dueAt!.getTime() + 2 * dayMs),
    );
    expect(payoutToPay).toBe(payoutId);
    const released = await payoutOf(line.id);
    expect(released.status).toBe("PENDING");
    expect(released.invoice?.kind).toBe("SELF_BILLING");
  });

  it("a complaint after the payout was made is accepted, cannot stop it, and operations read so", async () => {
    const { order, payoutId, line } = await deliveredOrder();
    await confirmNoComplaint(db, buyer, line.id);
    expect(await payPayout(db, payoutId)).toBe("paid");
    const since = new Date();
    const complaint = await complain(line.id);
    expect((await payoutOf(line.id)).status).toBe("PAID");
    const opsMail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: { startsWith: "Complaint on order" }, createdAt: { gte: since } },
    });
    expect(opsMail.text).toMatch(
      /was paid on .*, before this complaint \(the buyer confirmed "no complaint"/,
    );
    expect(opsMail.text).toContain("cannot be held back or withheld");
    // The partner is not told its payout is held: it is not.
    // The partner is asked to answer (issue 21), but not told of a held payout: it was paid.
    expect((await mailsTo(supplierAddress, since)).map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/: please answer by [^;]+$/),
    ]);

    await expect(
      decideComplaint(db, olga, complaint.id, {
        decision: "UPHELD",
        resolution: "Mirrored pockets.",
        supplierPayout: "WITHHOLD",
        earlyDecisionReason: "Decided at once in this test.",
      }),
    ).rejects.toThrow(/has been paid; it cannot be withheld/);
    await decideComplaint(db, olga, complaint.id, {
      decision: "UPHELD",
      resolution: "Mirrored pockets; we recover the cost from the partner.",
      refundEuros: "20",
      supplierPayout: "PAY",
      earlyDecisionReason: "Decided at once in this test.",
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: supplierAddress, subject: { endsWith: ": upheld" }, createdAt: { gte: since } },
    });
    expect(mail.text).toMatch(/Paid on \d{1,2} \w{3} \d{4}/);
    expect(mail.text).not.toContain("released");
    expect(await differencesOf(order.id)).toEqual([]);
  });

  it("operations change the window in the settings: new deliveries wait as long, complaints close with it", async () => {
    await expect(updateComplaintWindow(db, olga, { days: "0", reason: "Faster payouts" })).rejects.toThrow(
      /from 1 to 60/,
    );
    const saved = await updateComplaintWindow(db, olga, { days: "10", reason: "Faster payouts" });
    expect(saved.summary).toBe("Complaint window 14 → 10 days");
    try {
      const { payoutId, line } = await deliveredOrder();
      const payout = await db.payout.findUniqueOrThrow({ where: { id: payoutId } });
      expect(payout.dueAt!.getTime() - payout.createdAt.getTime()).toBeLessThanOrEqual(10 * dayMs + 5_000);
      expect(payout.dueAt!.getTime() - payout.createdAt.getTime()).toBeGreaterThanOrEqual(10 * dayMs - 5_000);
      await expect(complain(line.id, new Date(Date.now() + 11 * dayMs))).rejects.toThrow(
        /within 10 days of delivery/,
      );
    } finally {
      await updateComplaintWindow(db, olga, { days: "14", reason: "Back to the default" });
    }
  });
});
