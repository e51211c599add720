import { rgb } from "pdf-lib";
import { openAmountCents, type OrderMoney } from "../bank-transfers/open-amount-cents";
import { epcPaymentCode } from "../bank-transfers/epc-payment-code";
import { formatPaymentReference, isValidCreditorReference } from "../bank-transfers/payment-reference";
import { platformBankAccount } from "../bank-transfers/platform-bank-account";
import { formatEuros } from "../money/format-euros";
import { formatIban } from "../payouts/validate-iban";
import type { PdfWriter } from "./create-pdf-writer";

const qrSizePt = 96;

interface PaidOrder extends OrderMoney {
  number: string;
  paymentMethod: string;
  paymentReference: string | null;
  invoices: readonly { kind: string; status: string; totalCents: number; number: string }[];
}

/**
 * How an order's document ends: the order confirmation says how the order is paid; an invoice and a
 * pro-forma invoice add the "how to pay" block (see drawBankTransferBlock) for what is still open, the
 * reference being the order's creditor reference for prepayment orders and the invoice number otherwise.
 * A pro-forma invoice says in bold that it is not a tax invoice.
 */
export function drawPaymentDetails(
  doc: PdfWriter,
  order: PaidOrder,
  kind: "confirmation" | "invoice" | "pro-forma",
): void {
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  const reference = order.paymentReference ?? invoice?.number ?? order.number;
  const how =
    order.paymentMethod === "CARD"
      ? "Paid by card through Stripe."
      : order.paymentMethod === "BANK_TRANSFER"
        ? "Prepayment by bank transfer: we place the order with a manufacturing partner once the money has arrived."
        : "Payment by bank transfer, quoting the invoice number.";
  doc.paragraph(how, 9);
  if (kind === "pro-forma")
    doc.paragraph(
      "This pro-forma invoice is a request for payment, not a tax invoice: no VAT can be deducted from it. The invoice follows when the payment has arrived.",
      9,
      doc.bold,
    );
  if (kind === "confirmation" || order.paymentMethod === "CARD") return;
  drawBankTransferBlock(doc, {
    openCents: openAmountCents(order),
    reference,
  });
}

/**
 * The platform's bank account (holder, IBAN, BIC, bank), the amount still open and the reference to
 * quote, with the EPC QR code a banking app scans to fill in the transfer. Nothing to pay: says so.
 */
function drawBankTransferBlock(
  doc: PdfWriter,
  payment: { openCents: number; reference: string; heading?: string },
): void {
  const { write, bold } = doc;
  doc.newPageBelow(qrSizePt + 90);
  doc.y -= 6;
  doc.rule();
  doc.y -= 18;
  if (payment.openCents <= 0) {
    write("Paid in full: nothing is left to pay.", 50, 10, bold);
    doc.y -= 14;
    return;
  }
  const account = platformBankAccount();
  const reference = isValidCreditorReference(payment.reference)
    ? formatPaymentReference(payment.reference)
    : payment.reference;
  const top = doc.y;
  write(payment.heading ?? "Please pay by bank transfer", 50, 11, bold);
  doc.y -= 18;
  const rows: [string, string][] = [
    ["Amount to pay", formatEuros(payment.openCents)],
    ["Account holder", account.holder],
    ["IBAN", formatIban(account.iban)],
    ["BIC", account.bic],
    ["Bank", account.bankName],
    ["Reference", reference],
  ];
  for (const [label, value] of rows) {
    write(label, 50, 9);
    write(value, 140, 10, label === "Reference" || label === "Amount to pay" ? bold : doc.font);
    doc.y -= 14;
  }
  write(
    "Quote the reference exactly: we match your payment by it. Scan the code with your banking app.",
    50,
    8,
  );
  doc.y -= 12;
  const { modules } = epcPaymentCode({
    account,
    amountCents: payment.openCents,
    reference: payment.reference,
  });
  const moduleSize = qrSizePt / modules.size;
  const left = 545 - qrSizePt;
  const qrTop = top + 8;
  for (let row = 0; row < modules.size; row++)
    for (let column = 0; column < modules.size; column++)
      if (modules.dark[row * modules.size + column])
        doc.page.drawRectangle({
          x: left + column * moduleSize,
          y: qrTop - (row + 1) * moduleSize,
          width: moduleSize,
          height: moduleSize,
          color: rgb(0, 0, 0),
        });
  doc.y = Math.min(doc.y, qrTop - qrSizePt - 10);
}
