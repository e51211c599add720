import { requestMatching } from "../matching/request-matching";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { quoteDay } from "../quotes/quote-day";
import { lockSupplier } from "../audits/lock-supplier";
import type { AuditActor } from "../audits/save-audit-checklist";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { reopenUnmatchedLines } from "../audits/reopen-unmatched-lines";
import { supplierReasonSchema } from "./suspend-supplier";

/**
 * Lifts a suspension with a reason, when the supplier's newest decided audit is an approval that is still
 * valid; otherwise operations must audit it again (open an audit, approve it), which reinstates it too.
 * Lines nobody could take go back to matching (the caller asks for it once committed).
 */
export async function reinstateSupplier(
  db: Database,
  actor: AuditActor,
  companyId: string,
  input: { reason: unknown },
  now = new Date(),
) {
  const { reason } = z.object({ reason: supplierReasonSchema }).parse(input);
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const company = await lockSupplier(tx, companyId);
      if (company.status !== "SUSPENDED")
        throw new AppError("invalid_state_transition", `${company.name} is not suspended.`);
      const audit = await tx.supplierAudit.findFirst({
        where: { supplierCompanyId: company.id, decidedAt: { not: null } },
        orderBy: { decidedAt: "desc" },
      });
      const today = quoteDay(now);
      const valid =
        audit &&
        (audit.status === "APPROVED" || audit.status === "APPROVED_WITH_CONDITIONS") &&
        audit.expiresAt !== null &&
        audit.expiresAt.toISOString().slice(0, 10) >= today;
      if (!valid)
        throw new AppError(
          "invalid_state_transition",
          `${company.name} has no valid approved audit; open a new audit and approve it to reinstate the partner.`,
        );
      await tx.company.update({
        where: { id: company.id },
        data: { status: "ACTIVE", suspendedReason: null },
      });
      await recordAuditLog(tx, {
        actorUserId: actor.userId,
        companyId: company.id,
        action: "supplier.reinstate",
        entityType: "Company",
        entityId: company.id,
        data: { reason, suspendedReason: company.suspendedReason },
      });
      await queueCompanyEmail(tx, company.id, {
        subject: `${company.name} receives jobs again`,
        text: `Operations lifted the suspension of ${company.name}: ${reason}\n\n${appUrl()}/supplier`,
      });
      const orderIdsToMatch = await reopenUnmatchedLines(tx, company, actor.userId, "was reinstated");
      for (const orderId of orderIdsToMatch) await requestMatching(tx, orderId, "partner reinstated");
      return { orderIdsToMatch };
    }),
  );
}
