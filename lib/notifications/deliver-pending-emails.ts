import type { Transporter } from "nodemailer";
import { createTransport } from "nodemailer";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";

let transporter: Transporter | undefined;

function smtpTransporter(smtpUrl: string): Transporter {
  transporter ??= createTransport(smtpUrl);
  return transporter;
}

type EmailMessage = { from: string; to: string; subject: string; text: string };

/**
 * Without SMTP (a local install), whoever ran `npm start` reads the e-mails in its console: a new buyer's
 * sign-up link must reach somebody. An installation that sends real e-mail sets SMTP_URL, and then
 * nothing is printed (the links in e-mails are credentials, not for logs).
 */
export async function printEmailToConsole(message: EmailMessage): Promise<void> {
  const rule = "─".repeat(72);
  process.stdout.write(
    `\n${rule}\nE-mail (no SMTP_URL set: printed here, and kept for operations at /dev/outbox)\n` +
      `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n${rule}\n\n`,
  );
}

/**
 * Sends the outbox's unsent e-mails of one transport (SMTP by default; "outbox" ones go to the console),
 * oldest first. Each is claimed by setting `sentAt` before it goes out (so two workers never send one
 * twice) and released with the error when the server refuses it, to be tried on the next run. Returns how
 * many went out.
 */
export async function deliverPendingEmails(
  db: Database,
  send: (message: EmailMessage) => Promise<unknown> = (message) =>
    smtpTransporter(getEnv().SMTP_URL!).sendMail(message),
  limit = 50,
  transport: "smtp" | "outbox" = "smtp",
): Promise<number> {
  const pending = await db.outboxEmail.findMany({
    where: { transport, sentAt: null },
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
