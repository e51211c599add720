import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { jobHandlers } from "../../scripts/worker/job-handlers";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { expireDueOffers, matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer, expireOffer, rejectOffer } from "../../lib/matching/respond-to-offer";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { updateJobStatus } from "../../lib/suppliers/update-job-status";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestDatabase } from "./setup/test-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { formatDay } from "../../lib/dates/format-day";
import { formatDeadline } from "../../lib/dates/format-deadline";

// Matching against the seeded suppliers: CNC milling in aluminium can go to Müller (Stuttgart, nearest to
// the Munich buyer), Rossi (Brescia), Nowak (Wrocław) and MetalPrint (Eindhoven); Schmidt waits for its
// audit; the additive bureaus do not mill.
const acme = "seed_company_acme";
const anna: Orderer = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN",
  email: "anna.buyer@acme.example",
};
const supplier = (key: string) => ({ userId: `seed_user_${key}`, companyId: `seed_company_${key}` });
const address = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};

describe("matching order lines to partners", () => {
  let db: Database;
  let url: string;

  async function placeMillingOrder(
    requirements: { requiredCountryCode?: string; requiredCertificates?: string[] } = {},
    quantity = 10,
  ) {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity,
    });
    await addQuoteToCart(db, anna, quote.id);
    const order = await placeOrder(db, anna, {
      companyName: "Acme Robotics GmbH",
      vatNumber: "",
      billingAddress: address,
      shippingAddress: address,
      paymentMethod: "INVOICE",
      acceptTerms: true,
      ...requirements,
    });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    return { order, line };
  }

  const pendingOffer = (orderLineId: string) =>
    db.offer.findFirstOrThrow({ where: { orderLineId, status: "PENDING" } });
  const heldHours = async (offerId: string) =>
    (
      await db.capacityReservation.aggregate({
        where: { offerId, releasedAt: null },
        _sum: { machineHours: true },
      })
    )._sum.machineHours ?? 0;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = createPrismaClient(url);
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: "seed_company_mueller", process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 120 },
    });
    // Earlier tests' offers hold hours and their answers shape the suppliers' records: clear both, so each
    // test starts with free suppliers without history.
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    await db.supplierScore.deleteMany();
  });

  it("offers a confirmed line to the best partner, holds its hours and records every candidate", async () => {
    const { order, line } = await placeMillingOrder();
    expect(line.partSizeMm).toEqual([80, 40, 12]);
    const [outcome] = await matchWaitingLines(db, { orderId: order.id, trigger: "order confirmed" });
    expect(outcome).toMatchObject({ kind: "offered", supplierCompanyId: "seed_company_mueller" });

    const offer = await pendingOffer(line.id);
    expect(offer.supplierPriceCents).toBe(line.supplierTotalCents);
    expect(offer.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("OFFERED");

    const decision = await db.matchDecision.findFirstOrThrow({ where: { orderLineId: line.id } });
    const record = decision.candidates as {
      ranked: { companyId: string; score: number }[];
      skipped: { companyId: string; reason: string }[];
      notOfferingProcess: number;
    };
    expect(record.ranked.map((entry) => entry.companyId)).toEqual([
      "seed_company_mueller",
      "seed_company_rossi",
      "seed_company_nowak",
      "seed_company_metalprint",
    ]);
    expect(record.ranked[0]!.score).toBeGreaterThan(record.ranked[1]!.score);
    expect(record.skipped).toContainEqual({
      companyId: "seed_company_schmidt",
      name: "Werkstatt Schmidt Rapid",
      rule: "not-active",
      reason: "waits for its audit",
    });
    expect(record.notOfferingProcess).toBe(2);
    expect(decision).toMatchObject({ trigger: "order confirmed", settingsVersion: 1 });

    const mail = await db.outboxEmail.findFirst({
      where: { toAddress: "partner@mueller-cnc.example" },
      orderBy: { createdAt: "desc" },
    });
    // Found on walk 7: the material by its catalogue code ("AL-6061-T6"), where partners read names.
    expect(mail?.subject).toBe(
      `New job offer: 10 × CNC milling in Aluminium 6061-T6, due ${formatDay(line.deliveryDate)}`,
    );
    expect(mail?.text).toContain(`Please accept or reject it by ${formatDeadline(offer.expiresAt)}`);
    expect(mail?.text).not.toContain("AL-6061-T6");
  });

  it("tells a partner whose offer expired which job it was, by order number and part, not the offer's id", async () => {
    // Found on walk 7: "You did not answer the offer cmxd41lkv002mum7d5a97ai10 in time".
    const { order, line } = await placeMillingOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await pendingOffer(line.id);
    await expireOffer(db, offer.id, new Date(offer.expiresAt.getTime() + 1));
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { subject: { startsWith: "An offer expired" }, text: { contains: order.number } },
    });
    const part = await db.part.findUniqueOrThrow({ where: { id: line.partId } });
    expect(mail.text).toContain(
      `You did not answer the offer of order ${order.number}, 10 × ${part.originalFileName}, in time`,
    );
    expect(mail.text.replace(`/supplier/offers/${offer.id}`, "")).not.toContain(offer.id);
  });

  it("moves a rejected offer to the next partner and releases the hours; nobody left is an exception", async () => {
    const { order, line } = await placeMillingOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const first = await pendingOffer(line.id);
    await expect(rejectOffer(db, supplier("rossi"), first.id, { reason: "NO_CAPACITY" })).rejects.toThrow(
      /no such offer/,
    );
    await expect(rejectOffer(db, supplier("mueller"), first.id, { reason: "OTHER" })).rejects.toThrow(
      /why you reject/,
    );
    await rejectOffer(db, supplier("mueller"), first.id, {
      reason: "NO_CAPACITY",
      note: "Full until January",
    });
    expect(await heldHours(first.id)).toBe(0);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("AWAITING_MATCH");

    await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    const second = await pendingOffer(line.id);
    expect(second.supplierCompanyId).toBe("seed_company_rossi");
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual(
      expect.objectContaining({
        companyId: "seed_company_mueller",
        reason: "had this line's offer already (rejected)",
      }),
    );

    for (const key of ["rossi", "nowak", "metalprint"]) {
      const offer = await pendingOffer(line.id);
      expect(offer.supplierCompanyId).toBe(`seed_company_${key}`);
      await rejectOffer(db, supplier(key), offer.id, { reason: "PRICE_TOO_LOW" });
      await matchWaitingLines(db, { orderId: order.id, trigger: "offer rejected" });
    }
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("UNMATCHED");
    const alert = await db.outboxEmail.findFirst({
      where: { subject: { startsWith: `No partner for order ${order.number}` } },
    });
    // In words with links, not a list of rule codes (issue 21).
    expect(alert?.text).toContain("Every capable partner declined.");
    expect(alert?.text).toContain(`/ops/orders/${order.id}`);
    // Walk 7: the material by its name, not its catalogue code.
    expect(alert?.text).toContain("(CNC milling in Aluminium 6061-T6)");
  });

  it("expires an unanswered offer and offers the line to the next partner", async () => {
    const { order, line } = await placeMillingOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const first = await pendingOffer(line.id);
    expect(await expireDueOffers(db, new Date(first.expiresAt.getTime() - 1000))).toEqual([]);
    const outcomes = await expireDueOffers(db, new Date(first.expiresAt.getTime() + 1000));
    expect(outcomes).toEqual([
      expect.objectContaining({ kind: "offered", supplierCompanyId: "seed_company_rossi" }),
    ]);
    expect((await db.offer.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("EXPIRED");
    expect(await heldHours(first.id)).toBe(0);
    await expect(acceptOffer(db, supplier("mueller"), first.id)).rejects.toThrow(/expired/);
  });

  it("accepts: the line is the partner's, the order is in progress, the hours stay held", async () => {
    const { order, line } = await placeMillingOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await pendingOffer(line.id);
    await expect(acceptOffer(db, supplier("rossi"), offer.id)).rejects.toThrow(/no such offer/);
    await acceptOffer(db, supplier("mueller"), offer.id);
    const accepted = await db.orderLine.findUniqueOrThrow({
      where: { id: line.id },
      include: { order: true },
    });
    expect(accepted).toMatchObject({ status: "ACCEPTED", supplierCompanyId: "seed_company_mueller" });
    expect(accepted.order.status).toBe("IN_PROGRESS");
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    await expect(acceptOffer(db, supplier("mueller"), offer.id)).rejects.toThrow(
      /accepted this offer already/,
    );
  });

  it("lets the partner report progress to shipped, in order, and not after", async () => {
    const { order, line } = await placeMillingOrder();
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    await acceptOffer(db, supplier("mueller"), (await pendingOffer(line.id)).id);
    const mueller = supplier("mueller");
    await expect(updateJobStatus(db, supplier("rossi"), line.id, { to: "IN_PRODUCTION" })).rejects.toThrow(
      /no such job/,
    );
    await expect(
      updateJobStatus(db, mueller, line.id, { to: "SHIPPED", carrier: "DHL", trackingNumber: "JJD0001" }),
    ).rejects.toThrow(/accepted cannot be marked shipped/);
    await updateJobStatus(db, mueller, line.id, { to: "IN_PRODUCTION" });
    await expect(updateJobStatus(db, mueller, line.id, { to: "SHIPPED", carrier: "DHL" })).rejects.toThrow(
      /tracking number/,
    );
    await updateJobStatus(db, mueller, line.id, { to: "SHIPPED", carrier: "DHL", trackingNumber: "JJD0001" });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      status: "SHIPPED",
      carrier: "DHL",
      trackingNumber: "JJD0001",
    });
    expect(
      await db.supplierScore.findUniqueOrThrow({ where: { companyId: "seed_company_mueller" } }),
    ).toMatchObject({ linesShipped: 1, linesOnTime: 1 });
    // Delivered is the buyer's; reopening it (a remake) is operations' decision, not the supplier's.
    await db.orderLine.update({
      where: { id: line.id },
      data: { status: "DELIVERED", deliveredAt: new Date() },
    });
    await expect(updateJobStatus(db, mueller, line.id, { to: "IN_PRODUCTION" })).rejects.toThrow(
      /contact operations/,
    );
  });

  it("keeps to the order's certificates and country", async () => {
    const aerospace = await placeMillingOrder({ requiredCertificates: ["AS9100"] });
    await matchWaitingLines(db, { orderId: aerospace.order.id, trigger: "test" });
    const offer = await pendingOffer(aerospace.line.id);
    expect(offer.supplierCompanyId).toBe("seed_company_rossi");
    const decision = await db.matchDecision.findFirstOrThrow({ where: { orderLineId: aerospace.line.id } });
    expect(
      (decision.candidates as { ranked: { companyId: string }[] }).ranked.map((entry) => entry.companyId),
    ).toEqual(["seed_company_rossi", "seed_company_metalprint"]);

    const madeInPoland = await placeMillingOrder({ requiredCountryCode: "PL" });
    await matchWaitingLines(db, { orderId: madeInPoland.order.id, trigger: "test" });
    expect((await pendingOffer(madeInPoland.line.id)).supplierCompanyId).toBe("seed_company_nowak");
  });

  it("never overbooks a partner when many lines are matched at once", async () => {
    // Only Müller mills in Germany among the audited suppliers; give it room for a few of these jobs.
    const orders = [];
    for (let index = 0; index < 8; index++)
      orders.push(await placeMillingOrder({ requiredCountryCode: "DE" }, 40));
    const hours = orders[0]!.line.estimatedMachineHours;
    const weekly = hours * 1.2;
    await db.weeklyCapacity.updateMany({
      where: { companyId: "seed_company_mueller", process: "CNC_MILLING" },
      data: { machineHoursPerWeek: weekly },
    });
    const outcomes = await Promise.all(
      orders.map(({ line }) => matchOrderLine(db, line.id, "parallel test")),
    );
    const offered = outcomes.filter((outcome) => outcome.kind === "offered");
    expect(offered.length).toBeGreaterThan(0);
    expect(outcomes.some((outcome) => outcome.kind === "unmatched")).toBe(true);

    const perWeek = await db.capacityReservation.groupBy({
      by: ["weekStart"],
      where: { companyId: "seed_company_mueller", process: "CNC_MILLING", releasedAt: null },
      _sum: { machineHours: true },
    });
    for (const week of perWeek) expect(week._sum.machineHours!).toBeLessThanOrEqual(weekly + 1e-6);
    const total = perWeek.reduce((sum, week) => sum + week._sum.machineHours!, 0);
    expect(total).toBeCloseTo(offered.length * hours, 6);
  });

  it("ends an acceptance racing the expiry in exactly one state", async () => {
    for (let round = 0; round < 8; round++) {
      const { order, line } = await placeMillingOrder();
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      const offer = await pendingOffer(line.id);
      const deadline = new Date(Date.now() + 5_000);
      await db.offer.update({ where: { id: offer.id }, data: { expiresAt: deadline } });
      const [accepted, expired] = await Promise.allSettled([
        acceptOffer(
          db,
          supplier(offer.supplierCompanyId.replace("seed_company_", "")),
          offer.id,
          new Date(deadline.getTime() - 1),
        ),
        expireOffer(db, offer.id, new Date(deadline.getTime() + 1)),
      ]);
      const acceptWon = accepted.status === "fulfilled";
      const expireWon = expired.status === "fulfilled" && expired.value !== null;
      expect(acceptWon !== expireWon).toBe(true);
      const after = await db.offer.findUniqueOrThrow({
        where: { id: offer.id },
        include: { orderLine: true },
      });
      if (acceptWon) {
        expect(after.status).toBe("ACCEPTED");
        expect(after.orderLine.status).toBe("ACCEPTED");
        expect(await heldHours(offer.id)).toBeGreaterThan(0);
      } else {
        expect(after.status).toBe("EXPIRED");
        expect(after.orderLine.status).toBe("AWAITING_MATCH");
        expect(await heldHours(offer.id)).toBe(0);
        expect(accepted.status === "rejected" && String(accepted.reason)).toMatch(/expired/);
      }
    }
  });

  describe("with the job queue running", () => {
    let queue: JobQueue;
    beforeAll(async () => {
      queue = await startJobQueue(url, pino({ level: "silent" }));
      await queue.startWorkers(db, jobHandlers);
    });
    afterAll(() => queue.stop());

    // The queue's workers poll; on a machine busy with other work a step can take many seconds, so the
    // waits are generous: this checks what happens, not how fast.
    it("matches a confirmed order and expires its offer at the deadline", { timeout: 150_000 }, async () => {
      const { order, line } = await placeMillingOrder();
      await queue.send("matching.match-waiting-lines", { orderId: order.id, trigger: "order confirmed" });
      await expect
        .poll(() => db.offer.count({ where: { orderLineId: line.id } }), { timeout: 45_000 })
        .toBe(1);
      const offer = await pendingOffer(line.id);
      // Bring the deadline close and ask for the expiry job at it, as matching does for each offer.
      const deadline = new Date(Date.now() + 1_500);
      await db.offer.update({ where: { id: offer.id }, data: { expiresAt: deadline } });
      await queue.send("offers.expire", {}, { startAfter: deadline });
      await expect
        .poll(async () => (await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status, {
          timeout: 45_000,
        })
        .toBe("EXPIRED");
      await expect
        .poll(() => db.offer.count({ where: { orderLineId: line.id, status: "PENDING" } }), {
          timeout: 45_000,
        })
        .toBe(1);
      expect((await pendingOffer(line.id)).supplierCompanyId).toBe("seed_company_rossi");
    });
  });
});
