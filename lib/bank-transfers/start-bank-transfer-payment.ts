import type { TransactionClient } from "../db/prisma";
import { bankTransferInstructions } from "./bank-transfer-instructions";
import { paymentReferenceFor } from "./payment-reference";
import { loadPrepaymentTerms } from "./prepayment-terms";

/**
 * At checkout, inside placeOrder's transaction, for an order paid in advance by bank transfer: gives it
 * its payment reference (unique, from the order number) and returns the paragraph for the order e-mail
 * that says how to pay, or null while the order still waits for an approver (the approval e-mail asks
 * for the money then). The order itself is AWAITING_PAYMENT through placeOrder's usual rule.
 */
export async function startBankTransferPayment(
  tx: TransactionClient,
  order: { id: string; number: string; totalCents: number; status: string },
): Promise<string | null> {
  const paymentReference = paymentReferenceFor(order.number);
  await tx.order.update({ where: { id: order.id }, data: { paymentReference } });
  if (order.status !== "AWAITING_PAYMENT") return null;
  const terms = await loadPrepaymentTerms(tx);
  return bankTransferInstructions(
    { id: order.id, paymentReference },
    order.totalCents,
    terms.cancelAfterDays,
  );
}
