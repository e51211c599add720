import { calendarDaysBetween, shift } from "../../quoting-engine/pricing/working-days";
import { isoDateOf } from "../db/iso-date-of";
import type { CertificateKind } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";

/** Audits and certificates show up this many days before they expire. */
export const expiryWarningDays = 30;

/**
 * What operations must renew within the next 30 days (or already missed): approvals of active and
 * suspended suppliers whose newest decided audit expires, with whether a new audit is open already, and
 * certificates on file of those suppliers that no longer-running one of the same kind replaces. Soonest
 * first.
 */
export async function listExpiringApprovals(db: Database, now = new Date()) {
  const today = quoteDay(now);
  const horizon = new Date(`${shift(today, expiryWarningDays)}T00:00:00Z`);
  const [audits, certificates] = await Promise.all([
    db.$queryRaw<{ companyId: string; name: string; status: string; expiresAt: Date; openAudits: number }[]>`
      SELECT c."id" AS "companyId", c."name", c."status", a."expiresAt",
             (SELECT count(*)::int FROM "SupplierAudit" o
               WHERE o."supplierCompanyId" = c."id" AND o."status" IN ('PENDING', 'IN_PROGRESS')) AS "openAudits"
        FROM "Company" c
        JOIN LATERAL (SELECT "status", "expiresAt" FROM "SupplierAudit"
                       WHERE "supplierCompanyId" = c."id" AND "decidedAt" IS NOT NULL
                       ORDER BY "decidedAt" DESC LIMIT 1) a ON true
       WHERE c."kind" = 'SUPPLIER' AND c."status" IN ('ACTIVE', 'SUSPENDED')
         AND a."status" IN ('APPROVED', 'APPROVED_WITH_CONDITIONS') AND a."expiresAt" <= ${horizon}
       ORDER BY a."expiresAt"`,
    // Only the longest-running certificate of each kind counts: suppliers renew by adding the new
    // certificate, and the old one may stay on file.
    db.$queryRaw<
      {
        id: string;
        kind: CertificateKind;
        number: string;
        validUntil: Date;
        companyId: string;
        name: string;
      }[]
    >`
      SELECT cert."id", cert."kind", cert."number", cert."validUntil", c."id" AS "companyId", c."name"
        FROM "Certificate" cert
        JOIN "Company" c ON c."id" = cert."companyId"
       WHERE c."kind" = 'SUPPLIER' AND c."status" IN ('ACTIVE', 'SUSPENDED') AND cert."validUntil" <= ${horizon}
         AND NOT EXISTS (SELECT 1 FROM "Certificate" newer
                          WHERE newer."companyId" = cert."companyId" AND newer."kind" = cert."kind"
                            AND newer."validUntil" > cert."validUntil")
       ORDER BY cert."validUntil"`,
  ]);
  const daysLeft = (day: string) => calendarDaysBetween(today, day);
  return {
    today,
    audits: audits.map((row) => {
      const expiresOn = isoDateOf(row.expiresAt);
      return {
        companyId: row.companyId,
        name: row.name,
        expiresOn,
        daysLeft: daysLeft(expiresOn),
        renewalOpen: row.openAudits > 0,
      };
    }),
    certificates: certificates.map((certificate) => {
      const validUntil = isoDateOf(certificate.validUntil);
      return {
        id: certificate.id,
        companyId: certificate.companyId,
        name: certificate.name,
        kind: certificate.kind,
        number: certificate.number,
        validUntil,
        daysLeft: daysLeft(validUntil),
      };
    }),
  };
}
