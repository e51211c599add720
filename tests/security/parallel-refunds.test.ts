// Walk 7 (attacker): operations' refund form sent several times at once (a double click, two tabs, a
// replayed post) read what was credited before any of them wrote, so every one of them passed the
// "at most what is left" check and an invoice order was credited more than its invoice. The refund now
// locks the order first: the posts are counted one after another and the ones past the total refused.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { refundByOperations } from "../../lib/payments/refund-by-operations";
import { seedDatabase } from "../../prisma/seed";
import { acme, placeMillingOrder } from "../fixtures/money-fixtures";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const olga = { userId: "seed_user_olga" };
const postsAtOnce = 5;

describe("refunds sent at the same moment", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
  });

  it(`${postsAtOnce} refunds of 60 % of an invoice order credit it once, never past its invoice`, async () => {
    const { order } = await placeMillingOrder(db, "INVOICE");
    const invoice = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "BUYER_INVOICE" },
    });
    const sixtyPercent = (Math.round(invoice.totalCents * 0.6) / 100).toFixed(2);
    const results = await Promise.allSettled(
      Array.from({ length: postsAtOnce }, () =>
        refundByOperations(db, olga, order.id, { amountEuros: sixtyPercent, reason: "Goodwill" }),
      ),
    );
    const credited = await db.invoice.aggregate({
      where: { orderId: order.id, kind: "CREDIT_NOTE" },
      _sum: { totalCents: true },
      _count: true,
    });
    expect(credited._count).toBe(1);
    expect(credited._sum.totalCents).toBeLessThanOrEqual(invoice.totalCents);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(postsAtOnce - 1);
    for (const refusal of refused)
      expect(String((refusal as PromiseRejectedResult).reason)).toMatch(/is left to credit/);
  });
});
