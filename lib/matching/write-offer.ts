import type { ManufacturingProcess } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { queryRawRows } from "../db/transaction-pg-client";
import { newRowId } from "../db/new-row-id";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { getLogger } from "../logging/logger";
import { hasPageLink } from "../notifications/email-page-link";
import { orderLineTransitions } from "../orders/order-line-transitions";
import { offerTransitions } from "./offer-transitions";
import { requestWebhookDeliveries, webhookEventWrites } from "../webhooks/emit-webhook-event";
import { offerExpiryJobInsert } from "./request-matching";
import { followUpJob } from "../jobs/enqueue-job";
import { wakingFollowUpJob } from "../jobs/waking-follow-up-job";

export interface OfferToWrite {
  orderLineId: string;
  decision: {
    record: unknown;
    trigger: string;
    settingsVersion: number;
    durationMs: number;
  };
  supplierCompanyId: string;
  supplierPriceCents: number;
  currency: string;
  rank: number;
  score: number;
  expiresAt: Date;
  process: ManufacturingProcess;
  allocations: { weekStart: string; hours: number }[];
  /** The line's history note, e.g. "Offered to Müller CNC". */
  note: string;
  /**
   * The supplier's match card as the ranking read it, when its capacity is not locked yet: the statement
   * takes the locks first and writes only while the card is still this version (decision 0123).
   */
  unlockedCard?: { writtenBy: string };
  /** The e-mail to every active user of the supplier; its text links to `/supplier/offers/{offerId}`. */
  email: (offerId: string) => { subject: string; text: string };
}

/**
 * Writes a match's outcome in one statement (issue 22): the decision record, the offer, its capacity
 * reservations, the line's move from AWAITING_MATCH to OFFERED with its history row and audit entry
 * (what moveOrderLine writes), the offer e-mail to each active user of the supplier (what
 * queueCompanyEmail writes), and the supplier's offer.received webhook event with a delivery for each of
 * its endpoints (what emitWebhookEvent writes; their jobs are sent after it), the job that expires the
 * offer at its deadline (requestOfferExpiry's, decision 0123), and the job that sends the e-mails now
 * with the NOTIFY that wakes its worker (requestEmailDelivery's, decision 0124). Before, these were twelve statements, each
 * a round trip on the transaction's connection. The caller holds the line's lock and saw it AWAITING_MATCH; the update is conditional all
 * the same, and a line that moved anyway rolls the whole transaction back. Returns the offer's id and how
 * many e-mails were queued.
 *
 * With `unlockedCard` the same statement first locks the supplier's company and capacity rows (decision
 * 0123: lock_supplier_capacity_if_card_unchanged, one round trip less per match) and writes only when its
 * match card is still that version, so the allocations planned from the card hold. Otherwise it writes
 * nothing and returns `cardChanged`; the locks stay held for the caller to count again.
 */
export async function writeOffer(
  tx: TransactionClient,
  offer: OfferToWrite,
): Promise<{ cardChanged: true } | { cardChanged: false; offerId: string; emailsQueued: number }> {
  const status = offerTransitions.enter("PENDING");
  orderLineTransitions.assertMove("AWAITING_MATCH", "OFFERED");
  const offerId = newRowId();
  const { subject, text } = offer.email(offerId);
  // queueEmail's rule: every e-mail links to its page; outside production one without is a fault.
  if (!hasPageLink(text)) {
    const problem = `The e-mail "${subject}" has no link to its page (${appUrl()}/…).`;
    if (process.env.NODE_ENV !== "production") throw new Error(problem);
    getLogger().error({ subject }, problem);
  }
  const transport = getEnv().SMTP_URL ? "smtp" : "outbox";
  // The supplier's webhook event (offer.received) and its deliveries, in the same statement (decision 0064).
  const checked = Prisma.sql`(SELECT "ok" FROM checked)`;
  // The job that expires the offer at its deadline if still pending then, in this statement too.
  const expiry = await offerExpiryJobInsert(offer.expiresAt, checked.text);
  // The job that sends the offer's e-mails now (requestEmailDelivery's), with its NOTIFY (decision 0124).
  const emailJob = await wakingFollowUpJob(
    "emailJob",
    followUpJob("emails.deliver", {}, { singletonKey: "emails.deliver" }),
    `EXISTS (SELECT 1 FROM emails)`,
  );
  const card = offer.unlockedCard;
  const webhook = webhookEventWrites(
    {
      companyId: offer.supplierCompanyId,
      type: "offer.received",
      data: {
        offerId,
        orderLineId: offer.orderLineId,
        supplierPriceCents: offer.supplierPriceCents,
        currency: offer.currency,
        expiresAt: offer.expiresAt.toISOString(),
      },
    },
    checked,
  );
  const [written] = await queryRawRows<{
    checked: boolean;
    moved: number;
    emails: number;
    webhookDeliveryIds: string[];
  }>(
    tx,
    Prisma.sql`/* prepared */
    WITH checked AS (
      SELECT ${
        card
          ? Prisma.sql`lock_supplier_capacity_if_card_unchanged(${offer.supplierCompanyId},
              ${offer.process}::"ManufacturingProcess", ${card.writtenBy}::bigint)`
          : Prisma.sql`true`
      } AS "ok"
    ), decision AS (
      INSERT INTO "MatchDecision" ("id", "orderLineId", "candidates", "chosenSupplierCompanyId", "trigger",
                                   "settingsVersion", "durationMs")
      SELECT ${newRowId()}, ${offer.orderLineId}, ${JSON.stringify(offer.decision.record)}::jsonb,
             ${offer.supplierCompanyId}, ${offer.decision.trigger}, ${offer.decision.settingsVersion}::int,
             ${offer.decision.durationMs}::float8
       WHERE ${checked}
    ), made AS (
      INSERT INTO "Offer" ("id", "status", "orderLineId", "supplierCompanyId", "supplierPriceCents", "currency",
                           "rank", "score", "expiresAt")
      SELECT ${offerId}, ${status}::"OfferStatus", ${offer.orderLineId}, ${offer.supplierCompanyId},
             ${offer.supplierPriceCents}::int, ${offer.currency}, ${offer.rank}::int, ${offer.score}::float8,
             ${offer.expiresAt}::timestamptz
       WHERE ${checked}
      RETURNING "id"
    ), reserved AS (
      INSERT INTO "CapacityReservation" ("id", "companyId", "process", "weekStart", "machineHours", "orderLineId", "offerId")
      SELECT week."id", ${offer.supplierCompanyId}, ${offer.process}::"ManufacturingProcess", week."weekStart",
             week."hours", ${offer.orderLineId}, made."id"
        FROM made, unnest(${offer.allocations.map(() => newRowId())}::text[],
                          ${offer.allocations.map((allocation) => allocation.weekStart)}::date[],
                          ${offer.allocations.map((allocation) => allocation.hours)}::float8[])
             AS week("id", "weekStart", "hours")
    ), moved AS (
      UPDATE "OrderLine" SET "status" = 'OFFERED', "updatedAt" = now()
       WHERE "id" = ${offer.orderLineId} AND "status" = 'AWAITING_MATCH' AND ${checked}
      RETURNING "id", "orderId"
    ), history AS (
      INSERT INTO "OrderStatusChange" ("orderId", "orderLineId", "fromStatus", "toStatus", "note")
      SELECT "orderId", "id", 'AWAITING_MATCH', 'OFFERED', ${offer.note} FROM moved
    ), audited AS (
      INSERT INTO "AuditLogEntry" ("action", "entityType", "entityId", "data")
      SELECT 'order-line.status', 'OrderLine', "id", '{"from":"AWAITING_MATCH","to":"OFFERED"}'::jsonb FROM moved
    ), emails AS (
      INSERT INTO "OutboxEmail" ("id", "toAddress", "subject", "text", "transport")
      SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text || u."id"), 1, 24),
             lower(btrim(u."email")), ${subject}, ${text}, ${transport}
        FROM "User" u WHERE u."companyId" = ${offer.supplierCompanyId} AND u."disabledAt" IS NULL AND ${checked}
      RETURNING "id"
    ), ${emailJob.cte}, ${webhook.ctes}, expiry AS (
      ${expiry}
    )
    SELECT ${checked} AS "checked", (SELECT count(*)::int FROM moved) AS "moved",
           (SELECT count(*)::int FROM emails) AS "emails", ${emailJob.woken} AS "emailJobWoken",
           ARRAY(SELECT "id" FROM "webhookDeliveries") AS "webhookDeliveryIds"`,
  );
  if (written && !written.checked) return { cardChanged: true };
  if (written?.moved !== 1)
    throw new AppError(
      "invalid_state_transition",
      "The order line changed at the same moment; reload and try again.",
    );
  await requestWebhookDeliveries(tx, written.webhookDeliveryIds);
  return { cardChanged: false, offerId, emailsQueued: written.emails };
}
