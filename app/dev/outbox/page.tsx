import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { formatMoment } from "@/app/_components/format-dates";
import styles from "./outbox.module.css";

export const metadata: Metadata = { title: "E-mail outbox" };

/**
 * The developers' outbox: every e-mail the platform wrote, newest first. Open to everyone in
 * development; in production to operations only, since e-mails carry invitation links.
 */
export default async function OutboxPage() {
  const env = getEnv();
  if (env.NODE_ENV === "production") await requirePermission("ops.console", "/dev/outbox");
  const emails = await getPrisma().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  return (
    <>
      <h1>E-mail outbox</h1>
      <p className="muted">
        {env.SMTP_URL
          ? "SMTP is configured: these e-mails are also sent; the ones without a sent time wait for the next delivery run."
          : "No SMTP server is configured (SMTP_URL), so e-mails stop here."}
      </p>
      {emails.length === 0 && <p className="card">No e-mails yet.</p>}
      <ul className={styles.outbox}>
        {emails.map((email) => (
          <li key={email.id} className="card" data-testid="outbox-email">
            <div className="muted">
              {formatMoment(email.createdAt)} · to <strong>{email.toAddress}</strong> · {email.transport}
              {email.error ? ` · failed: ${email.error}` : ""}
            </div>
            <h2>{email.subject}</h2>
            <pre>{email.text}</pre>
          </li>
        ))}
      </ul>
    </>
  );
}
