import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { reofferOrderLine } from "../../lib/matching/reoffer-order-line";
import { acceptOffer, expireOffer, rejectOffer } from "../../lib/matching/respond-to-offer";
import { loadSupplierOffer } from "../../lib/suppliers/load-supplier-offer";
import { seedDatabase } from "../../prisma/seed";
import { placeMillingOrder } from "../fixtures/money-fixtures";
import { freeSupplierCapacity } from "../fixtures/free-supplier-capacity";
import { createTestPrisma } from "../integration/setup/test-prisma";

const olga = { userId: "seed_user_olga" };
/** The seeded suppliers' admins are seed_user_<key> of seed_company_<key>. */
const supplierOf = (companyId: string) => ({
  userId: companyId.replace("seed_company_", "seed_user_"),
  companyId,
});

/**
 * The offer page and its 3D preview (/supplier/offers/{id} and its display-mesh route both load the offer
 * through loadSupplierOffer) are for the supplier while the offer waits for its answer, and for the supplier
 * that accepted and holds the job; a lost offer does not exist for the supplier any more.
 */
describe("lost offers stay hidden (issue 16, item 14)", () => {
  let db: Database;

  /** A confirmed milling line offered by the matcher to the best supplier for it, and another supplier. */
  async function offeredLine() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    const supplier = supplierOf(offer.supplierCompanyId);
    const other = supplierOf(
      supplier.companyId === "seed_company_rossi" ? "seed_company_mueller" : "seed_company_rossi",
    );
    const seen = (now?: Date) => loadSupplierOffer(db, supplier.companyId, offer.id, now);
    return { offer, line, supplier, other, seen };
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  beforeEach(() => freeSupplierCapacity(db));

  it("shows a pending offer, with its preview, to its partner only", async () => {
    const { offer, other, seen } = await offeredLine();
    expect(await seen()).toMatchObject({ id: offer.id, status: "PENDING" });
    await expect(loadSupplierOffer(db, other.companyId, offer.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("hides an offer the partner rejected", async () => {
    const { offer, supplier, seen } = await offeredLine();
    await rejectOffer(db, supplier, offer.id, { reason: "NO_CAPACITY" });
    await expect(seen()).rejects.toMatchObject({ code: "not_found" });
  });

  it("hides an offer operations withdrew (re-offered to another partner)", async () => {
    const { offer, line, other, seen } = await offeredLine();
    const reoffer = await reofferOrderLine(db, olga, line.id, { supplierCompanyId: other.companyId });
    expect(reoffer.withdrawnOfferId).toBe(offer.id);
    await expect(seen()).rejects.toMatchObject({ code: "not_found" });
    expect(await loadSupplierOffer(db, other.companyId, reoffer.offerId)).toMatchObject({
      status: "PENDING",
    });
  });

  it("hides an offer past its deadline, before and after the expiry job marked it", async () => {
    const { offer, seen } = await offeredLine();
    const afterDeadline = new Date(offer.expiresAt.getTime() + 1000);
    await expect(seen(afterDeadline)).rejects.toMatchObject({ code: "not_found" });
    await expireOffer(db, offer.id, afterDeadline);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("EXPIRED");
    await expect(seen()).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows an accepted offer to the partner holding the job, and hides it once the job went elsewhere", async () => {
    const { offer, line, supplier, other, seen } = await offeredLine();
    await acceptOffer(db, supplier, offer.id);
    expect(await seen()).toMatchObject({ status: "ACCEPTED" });
    await reofferOrderLine(db, olga, line.id, { supplierCompanyId: other.companyId });
    await expect(seen()).rejects.toMatchObject({ code: "not_found" });
  });
});
