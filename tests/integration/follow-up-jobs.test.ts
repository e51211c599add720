// Issue 17, item 5: a state change and the jobs it makes due commit together or not at all. The jobs are
// rows of pg-boss's table, written on the change's own transaction (lib/jobs/enqueue-job.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { appUrl } from "../../lib/env";
import { requestMatching } from "../../lib/matching/request-matching";
import { queueEmail } from "../../lib/notifications/queue-email";
import { moveOrder } from "../../lib/orders/move-order";
import { seedDatabase } from "../../prisma/seed";
import {
  acme,
  anna,
  deliverAndCloseWindow,
  placeMillingOrder,
  shipThroughMueller,
  startStripeForTests,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

describe("follow-up jobs commit with the change that made them due", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;
  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });

  const jobs = async (name: string, key?: { field: string; value: string }) =>
    (
      await db.$queryRawUnsafe<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM pgboss.job WHERE name = $1 ${key ? `AND data->>'${key.field}' = $2` : ""}`,
        ...(key ? [name, key.value] : [name]),
      )
    )[0]!.count;

  it("an invoice order confirmed at checkout brings its matching job and its e-mail delivery, once each", async () => {
    const emailJobsBefore = await jobs("emails.deliver");
    const { order } = await placeMillingOrder(db, "INVOICE");
    expect(order.status).toBe("CONFIRMED");
    expect(await jobs("matching.match-waiting-lines", { field: "orderId", value: order.id })).toBe(1);
    // Its confirmation e-mail and invoice e-mails share one delivery job: one per transaction.
    expect(await jobs("emails.deliver")).toBe(emailJobsBefore + 1);
  });

  it("a delivery confirmed by the buyer brings the pay job of the partner's Stripe payout", async () => {
    await db.company.update({
      where: { id: "seed_company_mueller" },
      data: { stripeConnectAccountId: "acct_follow_up", stripePayoutsEnabled: true },
    });
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    const { payoutId, payNow } = await deliverAndCloseWindow(
      db,
      { userId: anna.userId, companyId: acme },
      line.id,
    );
    expect(payNow).toBe(true);
    expect(await jobs("payouts.pay", { field: "payoutId", value: payoutId })).toBe(1);
  });

  it("a transition that rolls back enqueues nothing: neither the status nor the job is there", async () => {
    const { order } = await placeMillingOrder(db, "CARD");
    expect(order.status).toBe("AWAITING_PAYMENT");
    const before = await jobs("matching.match-waiting-lines", { field: "orderId", value: order.id });
    const emailsBefore = await jobs("emails.deliver");
    await expect(
      db.$transaction(async (tx) => {
        await moveOrder(tx, { orderId: order.id, to: "CONFIRMED", note: "payment received" });
        await requestMatching(tx, order.id, "card payment received");
        await queueEmail(tx, {
          to: anna.email,
          subject: "Paid",
          text: `Thank you.\n\n${appUrl()}/orders/${order.id}`,
        });
        // Inside the transaction the job is there…
        const inside = await tx.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM pgboss.job
           WHERE name = 'matching.match-waiting-lines' AND data->>'orderId' = ${order.id}`;
        expect(inside[0]!.count).toBe(before + 1);
        throw new Error("a later step fails");
      }),
    ).rejects.toThrow("a later step fails");
    // …and after the rollback neither it nor the status change is.
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await jobs("matching.match-waiting-lines", { field: "orderId", value: order.id })).toBe(before);
    expect(await jobs("emails.deliver")).toBe(emailsBefore);
  });

  it("a use-case that fails after its move leaves no job behind (checkout refused at its last write)", async () => {
    // The audit-log entry is checkout's last write after the order and its matching job: make it fail.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_order_placed() RETURNS trigger AS $$
      BEGIN
        IF NEW."action" = 'order.placed' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_order_placed BEFORE INSERT ON "AuditLogEntry"
      FOR EACH ROW EXECUTE FUNCTION refuse_order_placed()`);
    const orders = await db.order.count();
    const matchingJobs = await jobs("matching.match-waiting-lines");
    const emailJobs = await jobs("emails.deliver");
    try {
      await expect(placeMillingOrder(db, "INVOICE")).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_order_placed ON "AuditLogEntry"`);
    }
    expect(await db.order.count()).toBe(orders);
    expect(await jobs("matching.match-waiting-lines")).toBe(matchingJobs);
    expect(await jobs("emails.deliver")).toBe(emailJobs);
  });
});
