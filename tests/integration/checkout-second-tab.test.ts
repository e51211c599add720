import { beforeAll, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { placeOrder } from "../../lib/orders/place-order";
import type { QuoteOptionsInput } from "../../lib/quotes/quote-options-schema";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, goodsInAddress } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

const invoiceCheckout = {
  companyName: "Acme Robotics GmbH",
  vatNumber: "",
  billingAddress: goodsInAddress,
  shippingAddress: goodsInAddress,
  paymentMethod: "INVOICE",
  acceptTerms: true,
};

/** Decision 0084: checkout open in two tabs; the first places the order, the second is sent after it. */
describe("a second checkout of a cart another tab ordered", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("names the order the first tab placed instead of saying the cart is empty", async () => {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    } as QuoteOptionsInput);
    await addQuoteToCart(db, anna, quote.id);
    // Both tabs show the same cart: both forms carry its quote.
    const checkout = { ...invoiceCheckout, cartQuoteIds: [quote.id] };

    const first = await placeOrder(db, anna, checkout);
    const second = placeOrder(db, anna, checkout);

    await expect(second).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`already ordered as ${first.number}`),
      details: { placedOrderId: first.id },
    });
    expect(await db.order.count({ where: { lines: { some: { quoteId: quote.id } } } })).toBe(1);
  });

  it("still says the cart is empty when the page showed nothing of an order, or another company's quote", async () => {
    const otherCompanyLine = await db.orderLine.findFirst({
      where: { order: { buyerCompanyId: { not: acme } } },
      select: { quoteId: true },
    });
    for (const cartQuoteIds of [[], ["no-such-quote"], otherCompanyLine ? [otherCompanyLine.quoteId] : []])
      await expect(placeOrder(db, anna, { ...invoiceCheckout, cartQuoteIds })).rejects.toMatchObject({
        code: "validation_failed",
        message: "Your cart is empty: add a quoted part first.",
      });
  });
});
