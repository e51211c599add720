// Walk 7 (attacker): 20 `POST /api/v1/orders` of one quote sent at once (each with its own
// Idempotency-Key) placed 10 confirmed invoice orders of that one quote, each with its invoice and its
// matching job; a checkout form sent twice at once did the same with the cart. The quotes were read as
// ACTIVE before any of the transactions marked them ORDERED. Now a quote becomes ORDERED only from
// ACTIVE, and an order whose quotes another order took meanwhile is refused and rolled back.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { placeOrder } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { acme, acmeInvoiceCheckout, anna } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const postsAtOnce = 6;

describe("one quote ordered by several requests at the same moment", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });

  async function newQuoteId(): Promise<string> {
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 3,
    });
    return quote.id;
  }

  async function expectOneOrder(quoteId: string, results: PromiseSettledResult<unknown>[]) {
    expect(await db.orderLine.count({ where: { quoteId } })).toBe(1);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(postsAtOnce - 1);
    for (const refusal of refused)
      expect(String((refusal as PromiseRejectedResult).reason)).toMatch(/ordered/);
  }

  it("by the public API (its quote ids): one order, the others refused", async () => {
    const quoteId = await newQuoteId();
    const results = await Promise.allSettled(
      Array.from({ length: postsAtOnce }, () =>
        placeOrder(db, anna, acmeInvoiceCheckout, new Date(), { quoteIds: [quoteId] }),
      ),
    );
    await expectOneOrder(quoteId, results);
  });

  it("by the checkout form (the cart) sent several times: one order, the others refused", async () => {
    const quoteId = await newQuoteId();
    await addQuoteToCart(db, anna, quoteId);
    const results = await Promise.allSettled(
      Array.from({ length: postsAtOnce }, () =>
        placeOrder(db, anna, { ...acmeInvoiceCheckout, cartQuoteIds: [quoteId] }),
      ),
    );
    await expectOneOrder(quoteId, results);
  });
});
