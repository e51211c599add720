import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import {
  findOrdersForOperations,
  operationsOrderListLimit,
} from "../../lib/orders/find-orders-for-operations";
import { seedDatabase } from "../../prisma/seed";
import { placeMillingOrder } from "../fixtures/money-fixtures";
import { createTestPrisma } from "./setup/test-prisma";

// Walk 10 (decision 0127): a buyer rings operations about order Q-2026-000123; the console had no list
// of orders and no search, so an order was reachable only from the exceptions or payments lists.
describe("operations find an order by what the buyer names", () => {
  let db: Database;
  let first: { id: string; number: string };

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    const { order } = await placeMillingOrder(db, "INVOICE");
    first = await db.order.update({
      where: { id: order.id },
      data: { purchaseOrderNumber: "BE-4500123987" },
      select: { id: true, number: true },
    });
  }, 120_000);

  it("finds nothing for a number no order has", async () => {
    const empty = await findOrdersForOperations(db, "Q-1999-000001");
    expect(empty).toMatchObject({ orders: [], matching: 0, exactNumberMatch: null });
  });

  it("opens the order whose number is typed exactly, in any case and with stray spaces", async () => {
    const typed = ` ${first.number.toLowerCase().replace("-", " - ")} `;
    expect((await findOrdersForOperations(db, typed)).exactNumberMatch).toBe(first.id);
  });

  it("finds one order by the last digits of its number, the company, the buyer's PO number or its placer", async () => {
    const lastDigits = first.number.slice(-4);
    for (const query of [lastDigits, "acme", "4500123987", "anna"]) {
      const found = await findOrdersForOperations(db, query);
      expect(
        found.orders.map((order) => order.number),
        query,
      ).toEqual([first.number]);
      expect(found.matching).toBe(1);
      expect(found.exactNumberMatch).toBeNull();
    }
    expect((await findOrdersForOperations(db, "Rossi")).matching).toBe(0);
  });

  it("lists the newest of 1,000 orders and counts them all", async () => {
    const template = await db.order.findUniqueOrThrow({ where: { id: first.id } });
    const { id: _id, number: _number, paymentReference: _reference, ...rest } = template;
    await db.order.createMany({
      data: Array.from({ length: 999 }, (_, index) => ({
        ...rest,
        billingAddress: rest.billingAddress ?? {},
        shippingAddress: rest.shippingAddress ?? {},
        number: `Q-2027-${String(index + 1).padStart(6, "0")}`,
        createdAt: new Date(template.createdAt.getTime() + (index + 1) * 1000),
      })),
    });
    const all = await findOrdersForOperations(db, "");
    expect(all.matching).toBe(1000);
    expect(all.orders).toHaveLength(operationsOrderListLimit);
    expect(all.orders[0]?.number).toBe("Q-2027-000999");
    const narrowed = await findOrdersForOperations(db, "2027-00099");
    expect(narrowed.orders.map((order) => order.number)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Q-2027-00099${9 - index}`),
    );
  });
});
