import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { decideCounteroffer } from "../../lib/counteroffers/decide-counteroffer";
import { submitCounteroffer } from "../../lib/counteroffers/submit-counteroffer";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { workingDayAfter } from "../fixtures/working-day-after";
import { createTestDatabase } from "./setup/test-database";

// Issue 21 weak spot (decision 0048): when the buyer accepts a partner's later delivery date, the hours the
// line holds at the partner move to the weeks before the new date; before, they stayed in the first weeks,
// which the partner had just said it could not use, and kept those weeks from other jobs.
const acme = "seed_company_acme";
const anna: Orderer = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN",
  email: "anna.buyer@acme.example",
};
const address = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};
const day = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => workingDayAfter(day(date), days);

describe("reserved hours after an accepted later date", () => {
  let db: Database;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });
  afterAll(() => db.$disconnect());

  it("moves the line's hours to the latest weeks before the new date, releases the old ones and keeps the total", async () => {
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
    const before = await db.capacityReservation.findMany({
      where: { orderLineId: line.id, releasedAt: null },
      orderBy: { weekStart: "asc" },
    });
    expect(before.length).toBeGreaterThan(0);
    const lastWeekBefore = day(before.at(-1)!.weekStart);

    const later = plusDays(line.deliveryDate, 28);
    const { counterofferId, outcome } = await submitCounteroffer(
      db,
      { userId: "seed_user_mueller", companyId: offer.supplierCompanyId },
      offer.id,
      { price: (offer.supplierPriceCents / 100).toFixed(2), deliveryDate: later },
    );
    expect(outcome).toBe("awaiting_buyer");
    await decideCounteroffer(db, anna, { counterofferId, decision: "accept" });

    const after = await db.capacityReservation.findMany({
      where: { orderLineId: line.id, releasedAt: null },
      orderBy: { weekStart: "asc" },
    });
    expect(after.length).toBeGreaterThan(0);
    // Every held week now lies after the old plan's last week and before the new delivery date.
    for (const reservation of after) {
      expect(day(reservation.weekStart) > lastWeekBefore).toBe(true);
      expect(day(reservation.weekStart) < later).toBe(true);
      expect(reservation).toMatchObject({ companyId: offer.supplierCompanyId, offerId: offer.id });
    }
    const sum = (rows: { machineHours: number }[]) =>
      rows.reduce((total, row) => total + row.machineHours, 0);
    expect(sum(after)).toBeCloseTo(sum(before), 6);
    // The old weeks are released, not deleted: the history of what was held stays.
    const released = await db.capacityReservation.findMany({
      where: { id: { in: before.map((row) => row.id) } },
    });
    expect(released.every((row) => row.releasedAt !== null)).toBe(true);
  });
});
