import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { seedDatabase } from "../../prisma/seed";
import { placeMillingOrder } from "../fixtures/money-fixtures";
import { createTestPrisma } from "../integration/setup/test-prisma";

const anna = { userId: "seed_user_anna", companyId: "seed_company_acme", role: "BUYER_ADMIN" as const };
const supplierOf = (companyId: string) => ({
  userId: companyId.replace("seed_company_", "seed_user_"),
  companyId,
});

describe("a buyer cancels while the partner accepts", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: "seed_company_acme" }, data: { creditLimitCents: 100_000_000 } });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  it("ends in one of the two, never in a failed request or a cancelled order with an accepted job", async () => {
    for (let round = 0; round < 6; round++) {
      const { order, line } = await placeMillingOrder(db, "INVOICE");
      await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
      const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
      const [cancelled, accepted] = await Promise.allSettled([
        cancelOrder(db, anna, order.id, { reason: "Ordered the wrong part" }),
        acceptOffer(db, supplierOf(offer.supplierCompanyId), offer.id),
      ]);
      // Exactly one wins; the other is refused with a sentence, not a database error.
      expect([cancelled.status, accepted.status].sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = (cancelled.status === "rejected" ? cancelled : accepted) as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({ code: "invalid_state_transition" });
      const after = await db.order.findUniqueOrThrow({
        where: { id: order.id },
        include: { lines: { include: { offers: true } } },
      });
      const offerAfter = after.lines[0]!.offers.find((candidate) => candidate.id === offer.id)!;
      if (cancelled.status === "fulfilled") {
        expect(after.status).toBe("CANCELLED");
        expect(offerAfter.status).toBe("WITHDRAWN");
      } else {
        expect(after.status).toBe("IN_PROGRESS");
        expect(offerAfter.status).toBe("ACCEPTED");
      }
    }
  });
});
