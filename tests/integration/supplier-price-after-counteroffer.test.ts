import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitCounteroffer } from "../../lib/counteroffers/submit-counteroffer";
import type { Database } from "../../lib/db/prisma";
import { loadJobsCsv } from "../../lib/exports/orders/load-jobs-csv";
import { loadOrderMoney } from "../../lib/ledger/load-order-money";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { supplierPriceCentsOf } from "../../lib/orders/supplier-price-of-line";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { createSeededAcmeDatabase } from "./setup/seeded-acme-database";

// Found walking issue 21: after a counteroffer the partner is paid its countered price (the payout reads
// the accepted offer), but its jobs CSV ("your_price") and the operations order page ("Partner price")
// showed the line's planned partner total from checkout, the price before the counteroffer.
const euros = (cents: number) => (cents / 100).toFixed(2);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("the partner's price of a job after its counteroffer", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createSeededAcmeDatabase();
  });
  afterAll(() => db.$disconnect());

  it("is the countered price in the partner's jobs CSV and on the operations order page", async () => {
    const { order, line } = await placeAcmeOrder(db, { quantity: 10 });
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const admin = await db.user.findFirstOrThrow({
      where: { companyId: offer.supplierCompanyId, role: "SUPPLIER_ADMIN" },
    });
    const counteredCents = Math.min(
      Math.floor(offer.supplierPriceCents * 1.03),
      Math.floor(line.totalPriceCents * 0.9),
    );
    expect(counteredCents).toBeGreaterThan(line.supplierTotalCents);
    const result = await submitCounteroffer(
      db,
      { userId: admin.id, companyId: offer.supplierCompanyId },
      offer.id,
      { price: euros(counteredCents), deliveryDate: day(line.deliveryDate) },
    );
    expect(result.outcome).toBe("accepted");

    const [header, ...rows] = (await loadJobsCsv(db, offer.supplierCompanyId)).split("\n");
    const csvRow = rows.find((row) => row.startsWith(`${order.number},`))!;
    const priceColumn = header!.split(",").indexOf("your_price");
    expect(csvRow.split(",")[priceColumn]).toBe(euros(counteredCents));

    const money = await loadOrderMoney(db, order.id);
    expect(supplierPriceCentsOf(money.lines[0]!)).toBe(counteredCents);
  });
});
