import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

/**
 * Orders are placed only by someone whose address is proven (a link e-mailed to it was followed):
 * documents, payment requests and reminders go there. Refuses with what to do otherwise.
 */
export async function assertEmailVerified(db: Database | TransactionClient, userId: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, emailVerifiedAt: true },
  });
  if (!user.emailVerifiedAt)
    throw new AppError(
      "forbidden",
      `Confirm your e-mail address ${user.email} before your first order: open the link we e-mailed you, or send a new one with “Send the link again” on this page.`,
      { reason: "email_unverified" },
    );
}
