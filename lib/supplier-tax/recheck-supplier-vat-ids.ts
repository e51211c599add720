import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { checkVatIdFormat } from "../vat/check-vat-id-format";
import { confirmVatId } from "../vat/confirm-vat-id";
import { loadVatCheckSettings } from "../vat/vat-check-settings";
import type { ViesConnection } from "../vat/vies-client";
import { taxDetailsPath } from "./hold-payout-for-tax-details";
import { releasePayoutsAwaitingTaxDetails } from "./release-payouts-awaiting-tax-details";
import { formatDayOfMoment } from "@/lib/dates/format-day";

/** Kind to VIES, like the buyers' re-check: the next hourly run gets to the rest. */
const perRun = 50;

/**
 * The suppliers' side of the hourly `vat.recheck-ids` job: asks VIES again about partners' VAT IDs it
 * could not confirm when they were saved (their payouts wait for it) and about confirmations older than
 * recheckAfterDays. A confirmation issues the waiting self-billing invoices and releases their payouts;
 * "not valid" marks the ID (new payouts wait) and tells the partner what to correct; no answer changes
 * nothing (a confirmed partner stays confirmed). Returns how many were asked.
 */
export async function recheckSupplierVatIds(
  db: Database,
  now = new Date(),
  connection?: ViesConnection,
): Promise<number> {
  const { recheckAfterDays } = await loadVatCheckSettings(db);
  const staleBefore = new Date(now.getTime() - recheckAfterDays * 86_400_000);
  const due = await db.company.findMany({
    where: {
      kind: "SUPPLIER",
      vatNumber: { not: null },
      OR: [
        { vatIdStatus: "TO_RECHECK" },
        { vatIdStatus: "CONFIRMED", vatIdConfirmedAt: { lt: staleBefore } },
      ],
    },
    select: { id: true, vatNumber: true, vatIdStatus: true },
    orderBy: { vatIdConfirmedAt: { sort: "asc", nulls: "first" } },
    take: perRun,
  });
  let asked = 0;
  for (const company of due) {
    const format = checkVatIdFormat(company.vatNumber!);
    if (!format.ok || !format.vatId.viesChecks) continue;
    const vatId = format.vatId.value;
    const { outcome, check } = await confirmVatId(db, format.vatId, {
      companyId: company.id,
      trigger: "re-check",
      now,
      fresh: true,
      connection,
    });
    asked++;
    if (outcome === "unavailable") continue;
    await db.$transaction(async (tx) => {
      // The partner may have changed its ID meanwhile: only the ID we asked about takes the answer.
      const updated = await tx.company.updateMany({
        where: { id: company.id, vatNumber: vatId },
        data:
          outcome === "confirmed"
            ? { vatIdStatus: "CONFIRMED", vatIdConfirmedAt: check.viesRequestDate ?? check.createdAt }
            : { vatIdStatus: "NOT_VALID" },
      });
      if (updated.count === 0) return;
      const after = outcome === "confirmed" ? "CONFIRMED" : "NOT_VALID";
      if (company.vatIdStatus !== after)
        await recordAuditLog(tx, {
          companyId: company.id,
          action: "company.vat-id-rechecked",
          entityType: "Company",
          entityId: company.id,
          data: { vatId, before: company.vatIdStatus, after, vatIdCheckId: check.id },
        });
      if (outcome === "confirmed") {
        await releasePayoutsAwaitingTaxDetails(tx, company.id, now);
        return;
      }
      if (company.vatIdStatus !== "NOT_VALID")
        await queueCompanyEmail(tx, company.id, {
          subject: `VIES says your VAT ID ${vatId} is not valid`,
          text: [
            `The EU's register of VAT IDs (VIES) answered on ${formatDayOfMoment(check.viesRequestDate ?? now)} that ${vatId} is not a valid VAT ID. We cannot issue self-billing invoices under it, so new payouts wait.`,
            `Check it against a letter of your tax office and correct it here:\n${appUrl()}${taxDetailsPath}`,
          ].join("\n\n"),
        });
    });
  }
  return asked;
}
