import { requestPayout } from "./request-payout";
import { movePayouts } from "./move-payouts";
import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { postLedgerEntries } from "../ledger/post-ledger-entries";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { formatEuros } from "../money/format-euros";
import { nextDocumentNumber } from "../documents/next-document-number";
import { vatCents } from "../money/vat-cents";
import { payoutHeldReasons, payoutMethodFor } from "./payout-method-for";
import { vatForSupplierSupply } from "../money/vat-for-supplier-supply";

/** The payout created for a delivered line; none for a line the supplier made at its own cost. */
export type CreatedPayout = { payoutId: string; payNow: boolean } | { payoutId: null; payNow: false };

/**
 * When the buyer's complaint window closes (lib/payouts/release-payout.ts; docs/decisions/0031): issues the
 * supplier's self-billing invoice (numbered SB-…) for the price it accepted, and makes the payout that
 * waited since delivery (lib/payouts/schedule-payout.ts) due, once per order line. The payout waits (HELD)
 * while a complaint is open or the supplier has given no payout details; otherwise it is PENDING, to be
 * paid by Stripe transfer or, for suppliers paid by bank transfer, by operations. The supplier's share
 * moves from margin to supplier in the ledger. Returns the payout and whether to send its Stripe transfer now.
 */
export async function createPayout(
  tx: TransactionClient,
  orderLineId: string,
  now: Date,
): Promise<CreatedPayout> {
  const existing = await tx.payout.findUnique({ where: { orderLineId } });
  if (!existing) return { payoutId: null, payNow: false };
  if (existing.status !== "WAITING") return { payoutId: existing.id, payNow: false };
  const line = await tx.orderLine.findUniqueOrThrow({
    where: { id: orderLineId },
    include: {
      order: { select: { id: true, number: true } },
      supplierCompany: true,
      complaints: { where: { status: "OPEN" }, select: { id: true } },
    },
  });
  const supplier = line.supplierCompany;
  if (!supplier) throw new Error(`Order line ${orderLineId} has no partner to pay.`);
  const offer = await tx.offer.findFirstOrThrow({
    where: { orderLineId, supplierCompanyId: supplier.id, status: "ACCEPTED" },
  });
  // A remake at the supplier's own cost (lib/workflows/record-remake.ts): nothing to invoice or pay.
  if (line.remakeOfLineId !== null && offer.supplierPriceCents === 0)
    return { payoutId: null, payNow: false };
  const vat = vatForSupplierSupply(supplier.countryCode);
  const netCents = offer.supplierPriceCents;
  const supplierVatCents = vatCents(netCents, vat.percent);
  const grossCents = netCents + supplierVatCents;
  const method = payoutMethodFor(supplier);
  const heldReason =
    line.complaints.length > 0
      ? payoutHeldReasons.complaint
      : method
        ? null
        : payoutHeldReasons.missingDetails;

  const invoice = await tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "SB", now),
      kind: "SELF_BILLING",
      companyId: supplier.id,
      orderId: line.order.id,
      netCents,
      vatCents: supplierVatCents,
      totalCents: grossCents,
      currency: offer.currency,
      issuedAt: now,
      dueAt: now,
    },
  });
  const payout = { id: existing.id, status: heldReason ? ("HELD" as const) : ("PENDING" as const) };
  await movePayouts(tx, {
    where: { id: existing.id },
    from: ["WAITING"],
    to: payout.status,
    set: {
      invoiceId: invoice.id,
      heldReason,
      method: method ?? "MANUAL_TRANSFER",
      amountCents: grossCents,
      currency: offer.currency,
    },
  });
  await postLedgerEntries(tx, {
    orderId: line.order.id,
    orderLineId,
    currency: offer.currency,
    sourceType: "SelfBilling",
    sourceId: invoice.id,
    description: `Self-billing invoice ${invoice.number} for ${supplier.name}`,
    buyerCents: 0,
    vatCents: -supplierVatCents,
    supplierCents: grossCents,
    marginCents: -netCents,
  });
  await recordAuditLog(tx, {
    action: "payout.created",
    companyId: supplier.id,
    entityType: "Payout",
    entityId: payout.id,
    data: { orderLineId, invoiceNumber: invoice.number, amountCents: grossCents, status: payout.status },
  });
  await queueCompanyEmail(tx, supplier.id, {
    subject: `Self-billing invoice ${invoice.number} for order ${line.order.number}`,
    text: [
      `Your payout for order ${line.order.number} is due: the complaint window has closed or the buyer confirmed there is no complaint. We issued self-billing invoice ${invoice.number} over ${formatEuros(grossCents)} (${formatEuros(netCents)} net, ${vat.note}).`,
      heldReason
        ? `The payout waits: ${heldReason}`
        : method === "STRIPE_TRANSFER"
          ? "The payout is on its way to your Stripe account."
          : "We pay it by bank transfer within 3 working days.",
      `${appUrl()}/supplier/payouts`,
    ].join("\n\n"),
  });
  const payNow = !heldReason && method === "STRIPE_TRANSFER";
  if (payNow) await requestPayout(tx, payout.id);
  return { payoutId: payout.id, payNow };
}
