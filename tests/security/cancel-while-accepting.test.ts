import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { decideOrderApproval } from "../../lib/workflows/decide-order-approval";
import { seedDatabase } from "../../prisma/seed";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { placeMillingOrder } from "../fixtures/money-fixtures";
import { freeSupplierCapacity } from "../fixtures/free-supplier-capacity";
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
  beforeEach(() => freeSupplierCapacity(db));

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

  it("a cancellation and an approver's decision at the same moment: one of the two, never a failed request", async () => {
    for (let round = 0; round < 6; round++) {
      const { order } = await placeAcmeOrder(db, { paymentMethod: "BANK_TRANSFER" });
      await db.order.update({ where: { id: order.id }, data: { status: "AWAITING_APPROVAL" } });
      const outcomes = await Promise.allSettled([
        cancelOrder(db, anna, order.id, { reason: "Ordered the wrong part" }),
        decideOrderApproval(
          db,
          { ...anna, email: "anna.buyer@acme.example" },
          order.id,
          round % 2 ? "approve" : "decline",
        ),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refusal = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
      expect(refusal.reason).toMatchObject({ code: "invalid_state_transition" });
    }
  });
});
