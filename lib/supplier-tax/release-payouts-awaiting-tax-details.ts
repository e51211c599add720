import type { TransactionClient } from "../db/prisma";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { movePayouts } from "../payouts/move-payouts";
import { payoutHeldReasons, payoutMethodFor } from "../payouts/payout-method-for";
import { requestPayout } from "../payouts/request-payout";
import { issueSelfBillingInvoice } from "./issue-self-billing-invoice";
import { supplierTaxStanding } from "./supplier-tax-standing";

/**
 * Once a supplier's tax details are complete: issues the self-billing invoices of its payouts that waited
 * for them (each for the price it accepted, with the VAT its details now give), sets each payout to the
 * invoice's total, and releases those held only for the tax details, through the payout door: PENDING with
 * the method it can be paid by (a Stripe transfer's pay job is sent in this transaction), or still HELD for
 * missing payout details. Payouts held for a complaint keep waiting for operations. Nothing happens while
 * the details are incomplete. Returns the ids of the payouts to pay by Stripe transfer.
 */
export async function releasePayoutsAwaitingTaxDetails(
  tx: TransactionClient,
  companyId: string,
  now: Date,
): Promise<string[]> {
  const company = await tx.company.findUniqueOrThrow({ where: { id: companyId } });
  const standing = supplierTaxStanding(company);
  if (!standing.ready) return [];
  const waiting = await tx.payout.findMany({
    where: { supplierCompanyId: companyId, status: "HELD", invoiceId: null },
    include: { order: { select: { number: true } } },
    orderBy: { createdAt: "asc" },
  });
  const method = payoutMethodFor(company);
  const toPay: string[] = [];
  const issued: string[] = [];
  for (const payout of waiting) {
    const offer = await tx.offer.findFirstOrThrow({
      where: { orderLineId: payout.orderLineId, supplierCompanyId: companyId, status: "ACCEPTED" },
    });
    const { invoice, grossCents } = await issueSelfBillingInvoice(
      tx,
      {
        supplierCompanyId: companyId,
        supplierName: company.name,
        orderId: payout.orderId,
        orderLineId: payout.orderLineId,
        netCents: offer.supplierPriceCents,
        currency: offer.currency,
        vatIdConfirmedAt: company.vatIdConfirmedAt,
      },
      standing.vat,
      now,
    );
    await tx.payout.update({
      where: { id: payout.id },
      data: { invoiceId: invoice.id, amountCents: grossCents },
    });
    issued.push(`${invoice.number} for order ${payout.order.number}: ${formatEuros(grossCents)}`);
    if (payout.heldReason !== payoutHeldReasons.missingTaxData) continue;
    // A complaint filed while it waited (it could not move a HELD payout): now it waits for operations.
    if ((await tx.complaint.count({ where: { orderLineId: payout.orderLineId, status: "OPEN" } })) > 0) {
      await tx.payout.update({ where: { id: payout.id }, data: { heldReason: payoutHeldReasons.complaint } });
      continue;
    }
    if (!method) {
      await tx.payout.update({
        where: { id: payout.id },
        data: { heldReason: payoutHeldReasons.missingDetails },
      });
      continue;
    }
    await movePayouts(tx, {
      where: { id: payout.id },
      from: ["HELD"],
      to: "PENDING",
      set: { method, heldReason: null },
    });
    if (method === "STRIPE_TRANSFER") {
      await requestPayout(tx, payout.id);
      toPay.push(payout.id);
    }
  }
  if (issued.length > 0)
    await queueCompanyEmail(tx, companyId, {
      subject: `Self-billing invoices issued: ${issued.length}`,
      text: [
        `Thank you for your tax details. We issued these self-billing invoices (Gutschriften):\n${issued.map((line) => `- ${line}`).join("\n")}`,
        method
          ? "Their payouts are released, unless a complaint about the part is still open."
          : "Their payouts wait for your payout details: connect Stripe or give bank details under Payouts.",
        `${appUrl()}/supplier/payouts`,
      ].join("\n\n"),
    });
  return toPay;
}
