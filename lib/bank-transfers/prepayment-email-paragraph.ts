import type { TransactionClient } from "../db/prisma";
import { bankTransferInstructions } from "./bank-transfer-instructions";
import { loadPrepaymentTerms } from "./prepayment-terms";

/**
 * For an e-mail about an order that now waits for its bank transfer (approved by the buyer's admin): the
 * paragraph that says how to pay, after a blank line; "" for any other order.
 */
export async function prepaymentEmailParagraph(
  tx: TransactionClient,
  order: { id: string; paymentReference: string | null; totalCents: number },
  status: string,
): Promise<string> {
  if (!order.paymentReference || status !== "AWAITING_PAYMENT") return "";
  const terms = await loadPrepaymentTerms(tx);
  return `\n\n${bankTransferInstructions({ id: order.id, paymentReference: order.paymentReference }, order.totalCents, terms.cancelAfterDays)}`;
}
