import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { placeOrder } from "../../lib/orders/place-order";
import { seedDatabase } from "../../prisma/seed";
import { acme, acmeInvoiceCheckout, anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestPrisma } from "./setup/test-prisma";

/** What the second tab sends: the same form, with the quotes its page showed. */
const secondTab = (cartQuoteIds: string[]) => ({ ...acmeInvoiceCheckout, cartQuoteIds });

/** Decision 0084: checkout open in two tabs; the first places the order, the second is sent after it. */
describe("a second checkout of a cart another tab ordered", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("names the order the first tab placed instead of saying the cart is empty", async () => {
    const { order: first, line } = await placeAcmeOrder(db);

    await expect(placeOrder(db, anna, secondTab([line.quoteId]))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`already ordered as ${first.number}`),
      details: { placedOrderId: first.id },
    });
    expect(await db.order.count({ where: { lines: { some: { quoteId: line.quoteId } } } })).toBe(1);
  });

  it("still says the cart is empty when the page showed nothing of an order, or another company's quote", async () => {
    const otherCompanyLine = await db.orderLine.findFirst({
      where: { order: { buyerCompanyId: { not: acme } } },
      select: { quoteId: true },
    });
    for (const cartQuoteIds of [[], ["no-such-quote"], otherCompanyLine ? [otherCompanyLine.quoteId] : []])
      await expect(placeOrder(db, anna, secondTab(cartQuoteIds))).rejects.toMatchObject({
        code: "validation_failed",
        message: "Your cart is empty: add a quoted part first.",
      });
  });
});
