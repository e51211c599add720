import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { checkVatIdFormat } from "./check-vat-id-format";
import { confirmVatId } from "./confirm-vat-id";
import { loadVatCheckSettings } from "./vat-check-settings";
import type { ViesConnection } from "./vies-client";
import { formatDayOfMoment } from "@/lib/dates/format-day";

/** Kind to VIES: at most this many questions per run; the hourly job gets to the rest. */
const perRun = 50;

export interface RecheckSummary {
  checked: number;
  confirmed: number;
  notValid: number;
  unavailable: number;
}

/**
 * Asks VIES again about buyers' VAT IDs it could not confirm at checkout (TO_RECHECK), and about
 * confirmations older than the settings' recheckAfterDays, and keeps the answer on the company. When the
 * answer changes what the company's next order pays, operations are e-mailed (OPERATIONS_EMAIL) and the
 * audit log records it: an ID now confirmed lists the orders charged German VAT while it was not (a
 * corrected invoice is the buyer's to ask for); an ID VIES no longer knows lists its reverse-charge orders.
 * Safe to run twice: a second run finds nothing due, or asks again and records the same.
 */
export async function recheckVatIds(
  db: Database,
  now = new Date(),
  connection?: ViesConnection,
): Promise<RecheckSummary> {
  const { recheckAfterDays } = await loadVatCheckSettings(db);
  const staleBefore = new Date(now.getTime() - recheckAfterDays * 86_400_000);
  const due = await db.company.findMany({
    where: {
      kind: "BUYER",
      vatNumber: { not: null },
      OR: [
        { vatIdStatus: "TO_RECHECK" },
        { vatIdStatus: "CONFIRMED", vatIdConfirmedAt: { lt: staleBefore } },
      ],
    },
    select: { id: true, name: true, vatNumber: true, vatIdStatus: true },
    orderBy: { vatIdConfirmedAt: { sort: "asc", nulls: "first" } },
    take: perRun,
  });
  const summary: RecheckSummary = { checked: 0, confirmed: 0, notValid: 0, unavailable: 0 };
  for (const company of due) {
    const format = checkVatIdFormat(company.vatNumber!);
    if (!format.ok || !format.vatId.viesChecks) continue;
    const { outcome, check } = await confirmVatId(db, format.vatId, {
      companyId: company.id,
      trigger: "re-check",
      now,
      fresh: true,
      connection,
    });
    summary.checked++;
    if (outcome === "unavailable") {
      summary.unavailable++;
      // An old confirmation VIES cannot renew now no longer counts: the next checkout asks again.
      if (company.vatIdStatus === "CONFIRMED")
        await db.company.update({ where: { id: company.id }, data: { vatIdStatus: "TO_RECHECK" } });
      continue;
    }
    const vatId = format.vatId.value;
    await db.$transaction(async (tx) => {
      // The buyer may have changed its ID meanwhile: only the ID we asked about takes the answer.
      const updated = await tx.company.updateMany({
        where: { id: company.id, vatNumber: vatId },
        data:
          outcome === "confirmed"
            ? { vatIdStatus: "CONFIRMED", vatIdConfirmedAt: check.viesRequestDate ?? check.createdAt }
            : { vatIdStatus: "NOT_VALID" },
      });
      if (updated.count === 0) return;
      if (outcome === "confirmed") summary.confirmed++;
      else summary.notValid++;
      const before = company.vatIdStatus;
      const after = outcome === "confirmed" ? "CONFIRMED" : "NOT_VALID";
      if (before === after) return;
      await recordAuditLog(tx, {
        companyId: company.id,
        action: "company.vat-id-rechecked",
        entityType: "Company",
        entityId: company.id,
        data: { vatId, before, after, vatIdCheckId: check.id, consultationNumber: check.consultationNumber },
      });
      const orders = await tx.order.findMany({
        where:
          outcome === "confirmed"
            ? {
                buyerCompanyId: company.id,
                vatNumber: vatId,
                vatTreatment: "GERMAN_VAT",
                vatIdCheck: { outcome: "UNAVAILABLE" },
              }
            : { buyerCompanyId: company.id, vatNumber: vatId, vatTreatment: "REVERSE_CHARGE" },
        select: { id: true, number: true },
        orderBy: { createdAt: "asc" },
      });
      const orderList = orders
        .map((order) => `- ${order.number}: ${appUrl()}/ops/orders/${order.id}`)
        .join("\n");
      await queueEmail(tx, {
        to: getEnv().OPERATIONS_EMAIL,
        subject:
          outcome === "confirmed"
            ? `VAT ID ${vatId} of ${company.name} is now confirmed by VIES`
            : `VIES says VAT ID ${vatId} of ${company.name} is not valid`,
        text:
          outcome === "confirmed"
            ? [
                `VIES confirmed ${vatId} of ${company.name} on ${formatDayOfMoment(check.viesRequestDate ?? now)}${check.consultationNumber ? ` (consultation number ${check.consultationNumber})` : ""}. Their next orders delivered to another member state go without German VAT (reverse charge).`,
                orders.length
                  ? `These orders were charged 19 % German VAT while VIES could not confirm the ID. If the buyer asks, cancel the invoice with a credit note and issue one without German VAT:\n${orderList}`
                  : "No order was charged German VAT because of the missing confirmation.",
              ].join("\n\n")
            : [
                `VIES answered on ${formatDayOfMoment(check.viesRequestDate ?? now)} that ${vatId} of ${company.name} is not a valid VAT ID${before === "CONFIRMED" ? " (it had confirmed it before)" : ""}. Checkout now refuses the ID until the buyer enters a valid one.`,
                orders.length
                  ? `Orders invoiced without German VAT under this ID, each on an earlier confirmation (its date and consultation number are on the order):\n${orderList}\n\nAsk the buyer whether its registration ended, and when.`
                  : "No order was invoiced without German VAT under this ID.",
              ].join("\n\n"),
      });
    });
  }
  return summary;
}
