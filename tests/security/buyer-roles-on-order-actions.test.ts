// Issue 16, item 5: an engineer could confirm a delivery (which issued the supplier's self-billing invoice
// and a payout), file complaints and rate. The order page's actions are called here as the app calls
// them, with the signed-in user the session would give; only the framework around them is replaced.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import type { CurrentUser } from "../../lib/auth/current-user";
import { seedDatabase } from "../../prisma/seed";
import { placeMillingOrder, shipThroughMueller } from "../fixtures/money-fixtures";
import { createTestDatabase } from "../integration/setup/test-database";

const state = vi.hoisted(() => ({ db: undefined as unknown, user: null as unknown }));

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("../../lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/db/prisma")>()),
  getPrisma: () => state.db,
}));
// Follow-up jobs (payouts, e-mail delivery) are rows of the test database's queue, written in the
// action's own transaction: nothing to replace; no worker runs them here.
// Complaints without photos never touch storage.
vi.mock("../../lib/storage/get-file-storage", () => ({ getFileStorage: () => ({}) }));

const { complainAction, confirmDeliveryAction, confirmNoComplaintAction, rateLineAction } =
  await import("../../app/orders/[orderId]/actions");

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

/** A form action's refusal above the form (lib/forms/form-action.ts), as Conform's reply. */
const refusedAboveTheForm = (message: RegExp) => ({
  status: "error",
  error: { "": [expect.stringMatching(message)] },
});

/** What forbidden() throws: Next answers it with 403 and app/forbidden.tsx. */
const forbiddenError = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });

describe("buyer roles on the order page's actions", () => {
  let db: Database;
  const signInAs = async (userId: string) => {
    state.user = (await db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { company: { select: { id: true, name: true, kind: true, status: true } } },
    })) as CurrentUser;
  };
  /** Everything a delivery, complaint or rating writes, for "changes nothing". */
  const footprint = async (orderLineId: string) => ({
    line: await db.orderLine.findUniqueOrThrow({ where: { id: orderLineId } }),
    invoices: await db.invoice.count(),
    payouts: await db.payout.count(),
    complaints: await db.complaint.count(),
    ratings: await db.rating.count(),
    ledger: await db.ledgerEntry.count(),
    outbox: await db.outboxEmail.count(),
  });

  beforeAll(async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    db = createPrismaClient(await createTestDatabase());
    state.db = db;
    await seedDatabase(db);
  });
  afterAll(async () => {
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: "seed_company_acme" }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: "seed_company_mueller", process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    await db.offer.updateMany({ where: { status: "PENDING" }, data: { status: "WITHDRAWN" } });
    // Ratings from the tests before would move Müller down the ranking.
    await db.supplierScore.deleteMany();
    await db.capacityReservation.updateMany({
      where: { releasedAt: null },
      data: { releasedAt: new Date() },
    });
  });

  async function shippedLine() {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    return { orderId: order.id, orderLineId: line.id };
  }

  it("refuses an engineer's confirmation of delivery, complaint and rating, and changes nothing", async () => {
    const { orderId, orderLineId } = await shippedLine();
    await signInAs("seed_user_ben");
    const before = await footprint(orderLineId);

    await expect(confirmDeliveryAction(null, form({ orderId, orderLineId }))).rejects.toEqual(forbiddenError);
    await expect(
      complainAction(null, form({ orderId, orderLineId, text: "The holes are 0.3 mm too small." })),
    ).rejects.toEqual(forbiddenError);

    // Delivered by the purchaser, the line can be rated: the engineer still may not.
    await signInAs("seed_user_paula");
    expect(await confirmDeliveryAction(null, form({ orderId, orderLineId }))).toMatchObject({
      status: "success",
      success: "Thank you: delivery confirmed.",
    });
    await signInAs("seed_user_ben");
    const delivered = await footprint(orderLineId);
    expect(delivered.line.status).toBe("DELIVERED");
    await expect(
      rateLineAction(null, form({ orderId, orderLineId, stars: "1", comment: "" })),
    ).rejects.toEqual(forbiddenError);
    // Nor may the engineer give up the complaint window, which pays the partner.
    await expect(confirmNoComplaintAction(null, form({ orderId, orderLineId }))).rejects.toEqual(
      forbiddenError,
    );
    expect(await footprint(orderLineId)).toEqual(delivered);
    expect(before.line.status).toBe("SHIPPED");
    expect(delivered.payouts).toBe(before.payouts + 1);
    expect(delivered.complaints).toBe(before.complaints);
  });

  it("lets a purchaser complain and rate", async () => {
    const { orderId, orderLineId } = await shippedLine();
    await signInAs("seed_user_paula");
    expect(await confirmDeliveryAction(null, form({ orderId, orderLineId }))).toMatchObject({
      success: expect.any(String),
    });
    expect(await rateLineAction(null, form({ orderId, orderLineId, stars: "4", comment: "" }))).toMatchObject(
      {
        success: "Thank you for rating.",
      },
    );
    expect(
      await complainAction(null, form({ orderId, orderLineId, text: "Two of ten parts have burrs." })),
    ).toMatchObject({ success: expect.any(String) });
  });

  it("refuses a field named __proto__ or NUL text before the action runs", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    const [orderId, orderLineId] = [order.id, line.id];
    await signInAs("seed_user_anna");
    const before = await footprint(orderLineId);
    const polluting = form({ orderId, orderLineId, text: "burrs" });
    polluting.append("__proto__.companyId", "seed_company_mueller");
    expect(await complainAction(null, polluting)).toEqual(refusedAboveTheForm(/not allowed/));
    expect(await complainAction(null, form({ orderId, orderLineId, text: "burrs\u0000" }))).toEqual(
      refusedAboveTheForm(/contains a character that is not allowed/),
    );
    expect(await confirmDeliveryAction(null, form({ orderId, orderLineId: `${orderLineId}\u0000` }))).toEqual(
      refusedAboveTheForm(/contains a character that is not allowed/),
    );
    expect(await footprint(orderLineId)).toEqual(before);
    expect(({} as Record<string, unknown>).companyId).toBeUndefined();
  });
});
