import type { Database, TransactionClient } from "../db/prisma";
import { queueEmail, type EmailMessage } from "./queue-email";

/** Queues one message to every active user of a company (e.g. a supplier's offers), in the caller's transaction. */
export async function queueCompanyEmail(
  db: Database | TransactionClient,
  companyId: string,
  message: Omit<EmailMessage, "to">,
): Promise<void> {
  const users = await db.user.findMany({ where: { companyId, disabledAt: null }, select: { email: true } });
  for (const user of users) await queueEmail(db, { ...message, to: user.email });
}
