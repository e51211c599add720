import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { formatIban } from "../payouts/validate-iban";
import { formatPaymentReference } from "./payment-reference";
import { platformBankAccount } from "./platform-bank-account";

/** The "how to pay" paragraph of the e-mails about a prepayment order: account, amount and reference. */
export function bankTransferInstructions(
  order: { id: string; paymentReference: string },
  openCents: number,
  cancelAfterDays: number,
): string {
  const account = platformBankAccount();
  return [
    `Please transfer ${formatEuros(openCents)} to:`,
    `Account holder: ${account.holder}`,
    `IBAN: ${formatIban(account.iban)}`,
    `BIC: ${account.bic}`,
    `Bank: ${account.bankName}`,
    `Reference: ${formatPaymentReference(order.paymentReference)} (quote it exactly: we match your payment by it)`,
    "",
    `The pro-forma invoice with a QR code for your banking app: ${appUrl()}/api/v1/orders/${order.id}/documents/pro-forma.pdf`,
    `We place the order with a manufacturing partner as soon as the money is on our account (usually 1–2 working days). An order not paid within ${cancelAfterDays} days is cancelled.`,
  ].join("\n");
}
