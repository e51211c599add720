import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { postLedgerEntries } from "../ledger/post-ledger-entries";
import { splitGrossCents } from "../money/split-gross-cents";
import { nextDocumentNumber } from "../documents/next-document-number";
import { emitInvoiceIssued } from "../webhooks/emit-invoice-issued";

/**
 * Credits part of an order's invoice back to the buyer (a refund to the card, or less to pay on an
 * invoice): a credit note numbered CN-…, split into net and VAT in the order's proportion, posted against
 * the ledger's buyer, VAT and margin. An unpaid invoice credited in full becomes VOID: nothing is due.
 */
export async function issueCreditNote(
  tx: TransactionClient,
  orderId: string,
  grossCents: number,
  reason: string,
  now: Date,
) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  const invoice = await tx.invoice.findFirst({ where: { orderId, kind: "BUYER_INVOICE" } });
  if (!invoice)
    throw new AppError("invalid_state_transition", `Order ${order.number} has no invoice to credit.`);
  const credited = await tx.invoice.aggregate({
    where: { orderId, kind: "CREDIT_NOTE" },
    _sum: { totalCents: true },
  });
  const creditedCents = credited._sum.totalCents ?? 0;
  if (grossCents <= 0 || creditedCents + grossCents > invoice.totalCents)
    throw new AppError(
      "validation_failed",
      `At most ${((invoice.totalCents - creditedCents) / 100).toFixed(2)} € of invoice ${invoice.number} is left to credit.`,
      { field: "amount" },
    );
  const { netCents, vatCents } = splitGrossCents(grossCents, invoice, creditedCents);
  const creditNote = await tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "CN", now),
      kind: "CREDIT_NOTE",
      status: "ISSUED",
      companyId: order.buyerCompanyId,
      orderId,
      netCents,
      vatCents,
      totalCents: grossCents,
      currency: order.currency,
      issuedAt: now,
      dueAt: now,
      note: reason,
    },
  });
  await emitInvoiceIssued(tx, creditNote);
  await postLedgerEntries(tx, {
    orderId,
    currency: order.currency,
    sourceType: "CreditNote",
    sourceId: creditNote.id,
    description: `Credit note ${creditNote.number}: ${reason}`,
    buyerCents: -grossCents,
    vatCents: -vatCents,
    supplierCents: 0,
    marginCents: -netCents,
  });
  if (invoice.status === "ISSUED" && creditedCents + grossCents === invoice.totalCents)
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: "VOID" } });
  return creditNote;
}
