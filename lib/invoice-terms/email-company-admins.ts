import type { TransactionClient } from "../db/prisma";
import { queueEmail } from "../notifications/queue-email";

/**
 * E-mails a buyer company's admins and, when given, the person the message is about (the applicant),
 * each address once: a decision on invoice terms concerns whoever applied and whoever runs the account.
 */
export async function emailCompanyAdmins(
  tx: TransactionClient,
  companyId: string,
  also: string | null | undefined,
  message: { subject: string; text: string },
): Promise<string[]> {
  const admins = await tx.user.findMany({
    where: { companyId, role: "BUYER_ADMIN", disabledAt: null },
    select: { email: true },
  });
  const recipients = [...new Set([also, ...admins.map((admin) => admin.email)].filter(Boolean))] as string[];
  for (const to of recipients) await queueEmail(tx, { to, ...message });
  return recipients;
}
