import type { TransactionClient } from "../db/prisma";
import { emitWebhookEvent } from "./emit-webhook-event";

/** `invoice.issued` to the invoice's company (a buyer's invoice or credit note, a partner's self-billing invoice). */
export async function emitInvoiceIssued(
  tx: TransactionClient,
  invoice: {
    id: string;
    number: string;
    kind: string;
    companyId: string;
    orderId: string | null;
    netCents: number;
    vatCents: number;
    totalCents: number;
    currency: string;
    dueAt: Date;
  },
): Promise<void> {
  await emitWebhookEvent(tx, {
    companyId: invoice.companyId,
    type: "invoice.issued",
    data: {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      kind: invoice.kind,
      orderId: invoice.orderId,
      netCents: invoice.netCents,
      vatCents: invoice.vatCents,
      totalCents: invoice.totalCents,
      currency: invoice.currency,
      dueDate: invoice.dueAt.toISOString().slice(0, 10),
    },
  });
}
