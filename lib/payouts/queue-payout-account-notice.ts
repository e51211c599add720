import { may } from "../auth/permissions";
import { formatDeadline } from "../dates/format-deadline";
import type { TransactionClient } from "../db/prisma";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";

export const payoutAccountChangedSubject = "The account your Instant Quote payouts go to was changed";

/**
 * Tells every user of the partner who keeps its payout details (admins and finance), in the change's
 * transaction, that payouts now go to another account: someone who took over one of their accounts
 * cannot move the money unseen (walk 7). Only the IBAN's last four characters are sent.
 */
export async function queuePayoutAccountNotice(
  tx: TransactionClient,
  change: { companyId: string; changedByUserId: string; accountHolder: string; iban: string },
  now: Date,
): Promise<void> {
  const users = await tx.user.findMany({
    where: { companyId: change.companyId, disabledAt: null },
    select: { id: true, name: true, email: true, role: true },
  });
  const changedBy = users.find((user) => user.id === change.changedByUserId)?.name ?? "A colleague";
  for (const user of users.filter((user) => may(user.role, "supplier.payouts.edit")))
    await queueEmail(tx, {
      to: user.email,
      subject: payoutAccountChangedSubject,
      text: [
        `${changedBy} changed the bank account your payouts are sent to on ${formatDeadline(now)}: from now on they go to ${change.accountHolder}, IBAN ending …${change.iban.slice(-4)}.`,
        `If that was meant, nothing more to do. If not, sign in and put the right account back at once (${appUrl()}/supplier/payouts), change your password, and tell us at the address in our imprint (${appUrl()}/imprint).`,
      ].join("\n\n"),
    });
}
