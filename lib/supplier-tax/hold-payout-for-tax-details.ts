import type { Company } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { payoutHeldReasons, payoutMethodFor } from "../payouts/payout-method-for";
import { movePayouts } from "../payouts/move-payouts";

export interface HeldSupply {
  /** The payout that waited since delivery (WAITING) for the complaint window to close. */
  payoutId: string;
  orderId: string;
  orderNumber: string;
  orderLineId: string;
  netCents: number;
  currency: string;
  complaintOpen: boolean;
}

/** Where the partner enters its tax details; the e-mails link here. */
export const taxDetailsPath = "/supplier/profile#tax-details";

/**
 * A delivered line of a supplier whose tax details are missing (supplierTaxStanding said what): the payout
 * that waited for the complaint window is HELD, without a self-billing invoice and for 0 until there is one (the ledger moves nothing
 * yet, so it still balances), and the supplier is told what to enter and where. Saving the details issues
 * the invoice and releases the payout (releasePayoutsAwaitingTaxDetails).
 */
export async function holdPayoutForTaxDetails(
  tx: TransactionClient,
  supplier: Company,
  supply: HeldSupply,
  missing: string,
): Promise<{ payoutId: string; payNow: false }> {
  const heldReason = supply.complaintOpen ? payoutHeldReasons.complaint : payoutHeldReasons.missingTaxData;
  const payout = { id: supply.payoutId };
  await movePayouts(tx, {
    where: { id: supply.payoutId },
    from: ["WAITING"],
    to: "HELD",
    set: {
      heldReason,
      method: payoutMethodFor(supplier) ?? "MANUAL_TRANSFER",
      amountCents: 0,
      currency: supply.currency,
    },
  });
  await recordAuditLog(tx, {
    action: "payout.created",
    companyId: supplier.id,
    entityType: "Payout",
    entityId: payout.id,
    data: {
      orderLineId: supply.orderLineId,
      invoiceNumber: null,
      netCents: supply.netCents,
      heldReason,
      missing,
    },
  });
  await queueCompanyEmail(tx, supplier.id, {
    subject: `Your tax details are needed to pay you for order ${supply.orderNumber}`,
    text: [
      `Delivery of your job on order ${supply.orderNumber} is confirmed. We owe you ${formatEuros(supply.netCents)} net.`,
      `Before we can issue your self-billing invoice (Gutschrift) and pay you, German law (§ 14 (4) UStG) needs your tax details on it. ${missing}`,
      `Enter them here; the invoice is issued and the payout released as soon as you save them:\n${appUrl()}${taxDetailsPath}`,
    ].join("\n\n"),
  });
  return { payoutId: payout.id, payNow: false };
}
