import { z } from "zod";
import type { Database } from "../db/prisma";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { lockSupplier } from "../audits/lock-supplier";
import type { AuditActor } from "../audits/save-audit-checklist";
import { requestMatching } from "../matching/request-matching";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { reopenUnmatchedLines } from "../audits/reopen-unmatched-lines";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { endProbations } from "./end-probations";

const liftSchema = z.object({
  reason: z
    .string({ error: "Say why the probation ends, e.g. which condition was met and how it was checked." })
    .trim()
    .min(10, "Say in a sentence why the probation ends, e.g. which condition was met and how it was checked.")
    .max(2000, "Keep the reason under 2000 characters."),
});

/**
 * Operations lift a supplier's probation (its conditions are met): from now on the matcher offers it jobs
 * of any value and number again. Lines nobody could take go back to matching, as it may take them now.
 * The supplier is told by e-mail. One transaction with the supplier locked.
 */
export async function liftProbation(
  db: Database,
  actor: AuditActor,
  companyId: string,
  input: unknown,
  now = new Date(),
): Promise<{ orderIdsToMatch: string[] }> {
  const { reason } = liftSchema.parse(input);
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const company = await lockSupplier(tx, companyId);
      const ended = await endProbations(tx, {
        companyId: company.id,
        actorUserId: actor.userId,
        reason,
        now,
      });
      if (ended === 0) throw new AppError("invalid_state_transition", `${company.name} is not on probation.`);
      await queueCompanyEmail(tx, company.id, {
        subject: `${company.name}: probation lifted`,
        text: `Operations confirmed that ${company.name} meets the audit's conditions: ${reason}\n\nFrom now on we offer you jobs of any value and number that fit your capabilities and capacity.\n\n${appUrl()}/supplier`,
      });
      const orderIdsToMatch =
        company.status === "ACTIVE"
          ? await reopenUnmatchedLines(tx, company, actor.userId, "left probation")
          : [];
      for (const orderId of orderIdsToMatch) await requestMatching(tx, orderId, "probation lifted");
      return { orderIdsToMatch };
    }),
  );
}
