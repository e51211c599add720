import type { Transporter } from "nodemailer";
import { createTransport } from "nodemailer";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";

let transporter: Transporter | undefined;

function smtpTransporter(smtpUrl: string): Transporter {
  transporter ??= createTransport(smtpUrl);
  return transporter;
}

/**
 * Sends the outbox's unsent SMTP e-mails, oldest first. Each is claimed by setting `sentAt` before it
 * goes out (so two workers never send one twice) and released with the error when the server refuses it,
 * to be tried on the next run. Returns how many went out.
 */
export async function deliverPendingEmails(
  db: Database,
  send: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> = (
    message,
  ) => smtpTransporter(getEnv().SMTP_URL!).sendMail(message),
  limit = 50,
): Promise<number> {
  const pending = await db.outboxEmail.findMany({
    where: { transport: "smtp", sentAt: null },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let sent = 0;
  for (const email of pending) {
    const claimed = await db.outboxEmail.updateMany({
      where: { id: email.id, sentAt: null },
      data: { sentAt: new Date() },
    });
    if (claimed.count === 0) continue;
    try {
      await send({ from: getEnv().MAIL_FROM, to: email.toAddress, subject: email.subject, text: email.text });
      await db.outboxEmail.update({ where: { id: email.id }, data: { error: null } });
      sent++;
    } catch (error) {
      await db.outboxEmail.update({
        where: { id: email.id },
        data: { sentAt: null, error: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  return sent;
}
