import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { decideCounteroffer } from "../../lib/counteroffers/decide-counteroffer";
import { expireDueCounteroffers } from "../../lib/counteroffers/expire-due-counteroffers";
import { submitCounteroffer } from "../../lib/counteroffers/submit-counteroffer";
import { expireDueOffers, matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { refreshSupplierScore } from "../../lib/matching/refresh-supplier-score";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestDatabase } from "./setup/test-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { formatIsoDay } from "../../lib/dates/format-day";
import { workingDayAfter } from "../fixtures/working-day-after";
import { publicHolidaysOf } from "../../lib/matching/public-holidays";

// Counteroffers (docs/decisions/0039) against the seeded partners: a CNC milling line in aluminium goes to
// Müller first, then Rossi. Defaults: at most 25 % above the offered price, at least 10 % margin on the
// line's sell price, 16 working hours for the buyer to decide a later date.
const acme = "seed_company_acme";
const anna: Orderer = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN",
  email: "anna.buyer@acme.example",
};
const mueller = { userId: "seed_user_mueller", companyId: "seed_company_mueller" };
const address = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};
const euros = (cents: number) => (cents / 100).toFixed(2);
const day = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => workingDayAfter(day(date), days);

describe("counteroffers", () => {
  let db: Database;

  async function offeredLine() {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, anna, quote.id);
    const order = await placeOrder(db, anna, {
      companyName: "Acme Robotics GmbH",
      vatNumber: "",
      billingAddress: address,
      shippingAddress: address,
      paymentMethod: "INVOICE",
      acceptTerms: true,
    });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    expect(offer.supplierCompanyId).toBe(mueller.companyId);
    // A price the margin rules allow: a little above the offer, far from 10 % margin on the sell price.
    const allowedPriceCents = Math.min(
      Math.floor(offer.supplierPriceCents * 1.03),
      Math.floor(line.totalPriceCents * 0.9),
    );
    expect(allowedPriceCents).toBeGreaterThan(offer.supplierPriceCents);
    return { order, line, offer, allowedPriceCents };
  }

  const heldHours = async (offerId: string) =>
    (
      await db.capacityReservation.aggregate({
        where: { offerId, releasedAt: null },
        _sum: { machineHours: true },
      })
    )._sum.machineHours ?? 0;
  const score = () => db.supplierScore.findUnique({ where: { companyId: mueller.companyId } });

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
    // Earlier tests' counteroffers still waiting for the buyer would be found by the deadline job.
    await db.counteroffer.updateMany({ where: { status: "AWAITING_BUYER" }, data: { status: "WITHDRAWN" } });
  });

  it("accepts a counteroffer within the margin and the buyer's date at once: the job is the partner's at the new price", async () => {
    const { line, offer, allowedPriceCents } = await offeredLine();
    const result = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: day(line.deliveryDate),
      note: "Material prices went up",
    });
    expect(result.outcome).toBe("accepted");
    const after = await db.offer.findUniqueOrThrow({
      where: { id: offer.id },
      include: { counteroffer: true },
    });
    expect(after).toMatchObject({ status: "ACCEPTED", supplierPriceCents: allowedPriceCents });
    expect(after.counteroffer).toMatchObject({
      status: "ACCEPTED",
      acceptedAutomatically: true,
      offeredPriceCents: offer.supplierPriceCents,
      decideBy: null,
    });
    const accepted = await db.orderLine.findUniqueOrThrow({
      where: { id: line.id },
      include: { order: true },
    });
    expect(accepted).toMatchObject({ status: "ACCEPTED", supplierCompanyId: mueller.companyId });
    expect(day(accepted.deliveryDate)).toBe(day(line.deliveryDate));
    expect(accepted.order.status).toBe("IN_PROGRESS");
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    // Sent twice (a double click): the first answer, nothing done again.
    const again = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: day(line.deliveryDate),
    });
    expect(again).toMatchObject({ counterofferId: result.counterofferId, outcome: "accepted" });
    expect(await db.orderStatusChange.count({ where: { orderLineId: line.id, toStatus: "ACCEPTED" } })).toBe(
      1,
    );
  });

  it("refuses a price above the cap with a clear error", async () => {
    const { line, offer } = await offeredLine();
    const date = day(line.deliveryDate);
    await expect(
      submitCounteroffer(db, mueller, offer.id, {
        price: euros(Math.ceil(offer.supplierPriceCents * 1.3)),
        deliveryDate: date,
      }),
    ).rejects.toThrow(`You can ask at most €${euros(Math.floor(offer.supplierPriceCents * 1.25))}`);
    // With a date past the horizon too, both are named at once, each on its field.
    await expect(
      submitCounteroffer(db, mueller, offer.id, {
        price: euros(Math.ceil(offer.supplierPriceCents * 1.3)),
        deliveryDate: "2099-01-05",
      }),
    ).rejects.toMatchObject({
      details: {
        fields: [
          { path: "price", message: expect.stringMatching(/You can ask at most/) },
          { path: "deliveryDate", message: expect.stringMatching(/no order is planned further ahead/) },
        ],
      },
    });
    // Within the cap but beyond the margin rule is the buyer's to accept: counteroffer-price-supplements.test.ts.
    await expect(
      submitCounteroffer(db, mueller, offer.id, {
        price: euros(offer.supplierPriceCents),
        deliveryDate: date,
      }),
    ).rejects.toThrow(/change one of them/);
    await expect(
      submitCounteroffer(db, { userId: "seed_user_rossi", companyId: "seed_company_rossi" }, offer.id, {
        price: euros(offer.supplierPriceCents + 100),
        deliveryDate: date,
      }),
    ).rejects.toThrow(/no such offer/);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
  });

  it("refuses a delivery day on the partner's public holiday or weekend, naming the day and the next working day", async () => {
    const { line, offer, allowedPriceCents } = await offeredLine();
    const after = day(line.deliveryDate);
    const year = Number(after.slice(0, 4));
    // Müller's (Baden-Württemberg) next weekday holiday after the buyer's date, and the next Saturday.
    const holiday = [
      ...publicHolidaysOf("DE", "Baden-Württemberg", year),
      ...publicHolidaysOf("DE", "Baden-Württemberg", year + 1),
    ]
      .filter(
        (entry) => entry.day > after && ![0, 6].includes(new Date(`${entry.day}T00:00:00Z`).getUTCDay()),
      )
      .sort((a, b) => a.day.localeCompare(b.day))[0]!;
    const saturday = new Date(`${after}T00:00:00Z`);
    do saturday.setUTCDate(saturday.getUTCDate() + 1);
    while (saturday.getUTCDay() !== 6);
    const submit = (deliveryDate: string) =>
      submitCounteroffer(db, mueller, offer.id, { price: euros(allowedPriceCents), deliveryDate });
    await expect(submit(holiday.day)).rejects.toThrow(
      `${formatIsoDay(holiday.day)} is ${holiday.name}, a public holiday in Germany (Baden-Württemberg): deliveries are not made then. Propose a working day, such as ${formatIsoDay(workingDayAfter(holiday.day, 1))}.`,
    );
    await expect(submit(day(saturday))).rejects.toThrow(
      `${formatIsoDay(day(saturday))} is a Saturday: deliveries are not made then. Propose a working day, such as ${formatIsoDay(workingDayAfter(day(saturday), 1))}.`,
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PENDING");
    // The next working day goes through.
    const result = await submit(workingDayAfter(holiday.day, 1));
    expect(result.outcome).toBe("awaiting_buyer");
  });

  it("asks the buyer about a later date by e-mail with a deadline; the offer's own expiry leaves it alone", async () => {
    const { order, line, offer, allowedPriceCents } = await offeredLine();
    const later = plusDays(line.deliveryDate, 7);
    const result = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: later,
    });
    expect(result.outcome).toBe("awaiting_buyer");
    expect(result.decideBy!.getTime()).toBeGreaterThan(Date.now() + 15 * 3_600_000);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("COUNTERED");
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("OFFERED");
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: {
        toAddress: "anna.buyer@acme.example",
        subject: { contains: `Order ${order.number}: the partner proposes` },
      },
    });
    expect(mail.text).toContain(
      `can deliver by ${formatIsoDay(later)} instead of ${formatIsoDay(day(line.deliveryDate))}`,
    );
    expect(mail.text).toMatch(/\d{2}:\d{2} CES?T/);
    expect(mail.text).toContain("declined automatically");
    expect(mail.text).toContain(`/orders/${order.id}#counteroffer-${result.counterofferId}`);
    // The buyer never sees the partner's price.
    expect(mail.text).not.toContain(euros(allowedPriceCents));
    // Past the offer's answer deadline the countered offer does not expire: the buyer's deadline rules.
    await expireDueOffers(db, new Date(offer.expiresAt.getTime() + 60_000));
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("COUNTERED");
    expect(await expireDueCounteroffers(db, new Date(result.decideBy!.getTime() - 60_000))).toEqual([]);
  });

  it("the buyer accepts: the line is the partner's at the new price and date; a second click changes nothing", async () => {
    const { order, line, offer, allowedPriceCents } = await offeredLine();
    const later = plusDays(line.deliveryDate, 5);
    const { counterofferId } = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: later,
    });
    await expect(
      decideCounteroffer(
        db,
        { userId: "seed_user_mueller", companyId: mueller.companyId },
        { counterofferId, decision: "accept" },
      ),
    ).rejects.toThrow(/no such counteroffer/);
    await decideCounteroffer(db, anna, { counterofferId, decision: "accept" });
    await decideCounteroffer(db, anna, { counterofferId, decision: "accept" });
    await expect(decideCounteroffer(db, anna, { counterofferId, decision: "decline" })).rejects.toThrow(
      /accepted this counteroffer already/,
    );
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "ACCEPTED",
      supplierPriceCents: allowedPriceCents,
    });
    const accepted = await db.orderLine.findUniqueOrThrow({
      where: { id: line.id },
      include: { order: true },
    });
    expect(accepted).toMatchObject({ status: "ACCEPTED", supplierCompanyId: mueller.companyId });
    expect(day(accepted.deliveryDate)).toBe(later);
    expect(accepted.order.status).toBe("IN_PROGRESS");
    expect(await db.orderStatusChange.count({ where: { orderLineId: line.id, toStatus: "ACCEPTED" } })).toBe(
      1,
    );
    expect(await heldHours(offer.id)).toBeCloseTo(line.estimatedMachineHours, 6);
    const told = await db.outboxEmail.findFirstOrThrow({
      where: {
        toAddress: "partner@mueller-cnc.example",
        subject: `Counteroffer accepted: order ${order.number}`,
      },
    });
    expect(told.text).toContain(`/supplier/jobs/${line.id}`);
  });

  it("the buyer declines: the hours are released and the line goes to the next partner, not back to the countering one", async () => {
    const { order, line, offer, allowedPriceCents } = await offeredLine();
    const { counterofferId } = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: plusDays(line.deliveryDate, 3),
    });
    await decideCounteroffer(db, anna, { counterofferId, decision: "decline" });
    await decideCounteroffer(db, anna, { counterofferId, decision: "decline" });
    expect((await db.counteroffer.findUniqueOrThrow({ where: { id: counterofferId } })).status).toBe(
      "DECLINED",
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("COUNTERED");
    expect(await heldHours(offer.id)).toBe(0);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("AWAITING_MATCH");
    await matchWaitingLines(db, { orderId: order.id, trigger: "counteroffer declined" });
    const next = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    expect(next.supplierCompanyId).toBe("seed_company_rossi");
    const decision = await db.matchDecision.findFirstOrThrow({
      where: { orderLineId: line.id },
      orderBy: { createdAt: "desc" },
    });
    expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual(
      expect.objectContaining({
        companyId: mueller.companyId,
        reason: "had this line's offer already (countered)",
      }),
    );
  });

  it("declines automatically when the buyer's deadline passes, and tells the buyer the line went back to the matcher", async () => {
    const { order, line, offer, allowedPriceCents } = await offeredLine();
    const { counterofferId, decideBy } = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: plusDays(line.deliveryDate, 3),
    });
    const after = new Date(decideBy!.getTime() + 60_000);
    expect(await expireDueCounteroffers(db, after)).toEqual([counterofferId]);
    expect(await expireDueCounteroffers(db, after)).toEqual([]);
    expect((await db.counteroffer.findUniqueOrThrow({ where: { id: counterofferId } })).status).toBe(
      "EXPIRED",
    );
    expect(await heldHours(offer.id)).toBe(0);
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("AWAITING_MATCH");
    await expect(decideCounteroffer(db, anna, { counterofferId, decision: "accept" })).rejects.toThrow(
      /time to decide has passed/,
    );
    expect(
      await db.outboxEmail.count({
        where: {
          toAddress: "anna.buyer@acme.example",
          subject: `Order ${order.number}: the later delivery date was declined`,
        },
      }),
    ).toBe(1);
    // A decision after the deadline but before the job ran is refused too: the deadline is the rule.
    const second = await offeredLineAgainForRossi(order.id);
    expect(second).toBe("seed_company_rossi");
  });

  async function offeredLineAgainForRossi(orderId: string) {
    await matchWaitingLines(db, { orderId, trigger: "counteroffer expired" });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    return (await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } }))
      .supplierCompanyId;
  }

  it("counts neither as a rejection nor as an acceptance in the partner's record", async () => {
    await db.supplierScore.deleteMany();
    await refreshSupplierScore(db, mueller.companyId);
    const before = await score();
    const declined = await offeredLine();
    const { counterofferId } = await submitCounteroffer(db, mueller, declined.offer.id, {
      price: euros(declined.allowedPriceCents),
      deliveryDate: plusDays(declined.line.deliveryDate, 3),
    });
    await decideCounteroffer(db, anna, { counterofferId, decision: "decline" });
    const accepted = await offeredLine();
    await submitCounteroffer(db, mueller, accepted.offer.id, {
      price: euros(accepted.allowedPriceCents),
      deliveryDate: day(accepted.line.deliveryDate),
    });
    await refreshSupplierScore(db, mueller.companyId);
    const after = await score();
    expect(after).toMatchObject({
      offersAnswered: before!.offersAnswered,
      offersRejected: before!.offersRejected,
      offersExpired: before!.offersExpired,
      meanResponseHours: before!.meanResponseHours,
    });
  });

  it("a cancelled order withdraws the counteroffer waiting for the buyer and releases its hours", async () => {
    const { order, line, offer, allowedPriceCents } = await offeredLine();
    const { counterofferId } = await submitCounteroffer(db, mueller, offer.id, {
      price: euros(allowedPriceCents),
      deliveryDate: plusDays(line.deliveryDate, 3),
    });
    await cancelOrder(db, { ...anna }, order.id, { reason: "Not needed any more" });
    expect((await db.counteroffer.findUniqueOrThrow({ where: { id: counterofferId } })).status).toBe(
      "WITHDRAWN",
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("WITHDRAWN");
    expect(await heldHours(offer.id)).toBe(0);
    expect(await expireDueCounteroffers(db, new Date(Date.now() + 30 * 86_400_000))).toEqual([]);
  });
});
