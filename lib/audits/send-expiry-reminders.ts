import { certificateShortName } from "../catalogue/certificate-names";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { listExpiringApprovals } from "./list-expiring-approvals";
import { formatIsoDay } from "@/lib/dates/format-day";

/** When a supplier hears of an expiry: 30 days ahead, a week ahead, and once it has passed. */
type ReminderStage = "30 days" | "7 days" | "expired";

function stageOf(daysLeft: number): ReminderStage {
  return daysLeft < 0 ? "expired" : daysLeft <= 7 ? "7 days" : "30 days";
}

const inDays = (daysLeft: number) =>
  daysLeft === 0 ? "today" : daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`;

interface Reminder {
  companyId: string;
  entityType: "Company" | "Certificate";
  entityId: string;
  /** One e-mail per stage of one expiry date: a renewed approval or certificate starts afresh. */
  key: string;
  subject: string;
  text: string;
}

/**
 * E-mails suppliers whose approval (newest decided audit) or certificate on file expires within 30 days:
 * once 30 days ahead, once a week ahead and once after it expired, each recorded in the audit log with
 * its key, so the daily job may run twice (or on two workers) and still sends each reminder once.
 * Returns how many reminders were queued.
 */
export async function sendExpiryReminders(db: Database, now = new Date()): Promise<number> {
  const { audits, certificates } = await listExpiringApprovals(db, now);
  const reminders: Reminder[] = [
    ...audits.map((audit): Reminder => {
      const stage = stageOf(audit.daysLeft);
      const renewal = audit.renewalOpen
        ? "Your renewal audit is open; our operations team will be in touch to complete it."
        : "Our operations team will contact you to arrange the renewal audit.";
      const profile = `Your profile and certificates: ${appUrl()}/supplier/profile`;
      return {
        companyId: audit.companyId,
        entityType: "Company",
        entityId: audit.companyId,
        key: `approval:${audit.expiresOn}:${stage}`,
        subject:
          stage === "expired"
            ? `Your partner approval expired on ${formatIsoDay(audit.expiresOn)}`
            : `Your partner approval expires on ${formatIsoDay(audit.expiresOn)}`,
        text:
          stage === "expired"
            ? `Hello ${audit.name},\n\nyour approval as an Instant Quote manufacturing partner expired on ${formatIsoDay(audit.expiresOn)}, so no new jobs are offered to you. Jobs you have accepted are not affected. ${renewal}\n\n${profile}\n\nInstant Quote operations`
            : `Hello ${audit.name},\n\nyour approval as an Instant Quote manufacturing partner expires on ${formatIsoDay(audit.expiresOn)} (${inDays(audit.daysLeft)}). ${renewal} Without a valid approval no new jobs are offered to you after that day; jobs you have accepted are not affected.\n\n${profile}\n\nInstant Quote operations`,
      };
    }),
    ...certificates.map((certificate): Reminder => {
      const stage = stageOf(certificate.daysLeft);
      const name = certificateShortName(certificate.kind);
      const upload = `Upload the renewed certificate in your profile: ${appUrl()}/supplier/profile`;
      return {
        companyId: certificate.companyId,
        entityType: "Certificate",
        entityId: certificate.id,
        key: `certificate:${certificate.validUntil}:${stage}`,
        subject:
          stage === "expired"
            ? `Your ${name} certificate expired on ${formatIsoDay(certificate.validUntil)}`
            : `Your ${name} certificate expires on ${formatIsoDay(certificate.validUntil)}`,
        text:
          stage === "expired"
            ? `Hello ${certificate.name},\n\nyour ${name} certificate ${certificate.number} on file expired on ${formatIsoDay(certificate.validUntil)}: orders that require ${name} are no longer offered to you. ${upload}\n\nInstant Quote operations`
            : `Hello ${certificate.name},\n\nyour ${name} certificate ${certificate.number} on file expires on ${formatIsoDay(certificate.validUntil)} (${inDays(certificate.daysLeft)}). Orders that require ${name} and are due after that day are offered to you only once the renewed certificate is on file. ${upload}\n\nInstant Quote operations`,
      };
    }),
  ];

  let queued = 0;
  for (const reminder of reminders) {
    const sent = await db.$transaction(async (tx) => {
      // Two runs at once wait here for each other; the second then finds the first one's entry.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`expiry-reminder:${reminder.entityId}:${reminder.key}`}))`;
      const earlier = await tx.auditLogEntry.findFirst({
        where: {
          action: "supplier.expiry-reminder",
          entityType: reminder.entityType,
          entityId: reminder.entityId,
          data: { path: ["key"], equals: reminder.key },
        },
        select: { id: true },
      });
      if (earlier) return false;
      await queueCompanyEmail(tx, reminder.companyId, { subject: reminder.subject, text: reminder.text });
      await recordAuditLog(tx, {
        companyId: reminder.companyId,
        action: "supplier.expiry-reminder",
        entityType: reminder.entityType,
        entityId: reminder.entityId,
        data: { key: reminder.key, subject: reminder.subject },
      });
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
