import { appUrl } from "../env";
import { requestMatching } from "../matching/request-matching";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { revokeCompanySessions } from "../auth/revoke-sessions";
import { AppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { lockSupplier } from "../audits/lock-supplier";
import type { AuditActor } from "../audits/save-audit-checklist";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { withdrawOpenOffers } from "../audits/withdraw-open-offers";

export const supplierReasonSchema = z
  .string({ error: "Give the reason; the partner is told it." })
  .trim()
  .min(10, "Give the reason in a sentence; the partner is told it.")
  .max(2000, "Keep the reason under 2000 characters.");

/**
 * Suspends an active supplier with a reason: it receives no further offers, its pending offers are
 * withdrawn and their lines go to the next supplier (the caller asks for matching once committed), and
 * it is told by e-mail. Jobs it has accepted stay with it; operations re-offer them from the order page
 * if they must move. The supplier row is locked, so two suspensions do not both withdraw.
 */
export async function suspendSupplier(
  db: Database,
  actor: AuditActor,
  companyId: string,
  input: { reason: unknown },
  now = new Date(),
): Promise<{ withdrawnOfferIds: string[]; orderIdsToMatch: string[]; acceptedJobs: number }> {
  const { reason } = z.object({ reason: supplierReasonSchema }).parse(input);
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const company = await lockSupplier(tx, companyId);
      if (company.status !== "ACTIVE")
        throw new AppError(
          "invalid_state_transition",
          company.status === "SUSPENDED"
            ? `${company.name} is suspended already.`
            : `${company.name} is not active (it ${company.status === "PENDING_AUDIT" ? "waits for its audit" : "was rejected"}), so there is nothing to suspend.`,
        );
      await tx.company.update({
        where: { id: company.id },
        data: { status: "SUSPENDED", suspendedReason: reason },
      });
      // Its users' open sessions end at their next request; signing in again shows the reason.
      await revokeCompanySessions(tx, company.id, "suspended", now);
      const withdrawn = await withdrawOpenOffers(
        tx,
        company.id,
        `${company.name} was suspended`,
        actor.userId,
        now,
      );
      const acceptedJobs = await tx.orderLine.count({
        where: {
          supplierCompanyId: company.id,
          status: { in: ["ACCEPTED", "IN_PRODUCTION", "QUALITY_CHECK"] },
        },
      });
      await recordAuditLog(tx, {
        actorUserId: actor.userId,
        companyId: company.id,
        action: "supplier.suspend",
        entityType: "Company",
        entityId: company.id,
        data: { reason, withdrawnOffers: withdrawn.withdrawnOfferIds, acceptedJobs },
      });
      await queueCompanyEmail(tx, company.id, {
        subject: `${company.name} is suspended from receiving jobs`,
        text: [
          `Operations suspended ${company.name}: ${reason}`,
          withdrawn.withdrawnOfferIds.length > 0
            ? `Your ${withdrawn.withdrawnOfferIds.length} open offer${withdrawn.withdrawnOfferIds.length === 1 ? " was" : "s were"} withdrawn.`
            : "",
          acceptedJobs > 0
            ? `Finish the ${acceptedJobs} job(s) you accepted unless we tell you otherwise.`
            : "",
          "Reply to this e-mail to discuss it.",
          `Your jobs: ${appUrl()}/supplier/jobs`,
        ]
          .filter(Boolean)
          .join("\n\n"),
      });
      for (const orderId of withdrawn.orderIds) await requestMatching(tx, orderId, "partner suspended");
      return {
        withdrawnOfferIds: withdrawn.withdrawnOfferIds,
        orderIdsToMatch: withdrawn.orderIds,
        acceptedJobs,
      };
    }),
  );
}
