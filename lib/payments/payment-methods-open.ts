import type { PaymentMethod } from "../db/generated/enums";
import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import {
  loadInvoiceTermsStanding,
  type InvoiceTermsStanding,
} from "../invoice-terms/load-invoice-terms-standing";
import { formatEuros } from "../money/format-euros";
import { checkoutSchema } from "../orders/checkout-fields";
import { cardPaymentSetupProblem } from "./card-payment-setup";
import { formatDayOfMoment } from "../dates/format-day";

/** The methods in the order the checkout lists them: prepayment first, open to every company. */
export const paymentMethodOrder = ["BANK_TRANSFER", "INVOICE", "CARD"] as const satisfies PaymentMethod[];

export interface PaymentMethodChoice {
  method: (typeof paymentMethodOrder)[number];
  open: boolean;
  /** Why it is closed, in a buyer's words (never the installation's setup), and what to do; null when open. */
  reason: string | null;
}

export interface PaymentMethodsOpen {
  choices: PaymentMethodChoice[];
  /** The best open method, the checkout's default: invoice when open, else bank transfer, else card. */
  best: PaymentMethodChoice["method"] | null;
  invoiceTerms: InvoiceTermsStanding;
}

/** The buyer's sentence when card payment is off; operations read the reason on /ops/payments. */
export const cardPaymentClosedReason =
  "Card payment is not offered at the moment; pay by bank transfer or apply for invoice terms.";

/**
 * Prepayment by bank transfer is open to every company once the checkout takes it (lib/orders/
 * checkout-fields.ts lists it among the payment methods when its order path is in place).
 */
function checkoutTakesBankTransfer(): boolean {
  return (checkoutSchema.shape.paymentMethod.options as readonly string[]).includes("BANK_TRANSFER");
}

function invoiceClosedReason(standing: InvoiceTermsStanding, orderTotalCents: number | null): string | null {
  const application = standing.latestApplication;
  if (!standing.approved) {
    if (application?.status === "PENDING")
      return `Your application for invoice terms of ${formatDayOfMoment(application.createdAt)} is being reviewed; we e-mail you the decision.`;
    if (application?.status === "DECLINED")
      return `Your application for invoice terms was declined: ${application.declineReason ?? "no reason given"}. You can apply again.`;
    if (application?.status === "WITHDRAWN")
      return `Your invoice terms were withdrawn: ${application.withdrawnReason ?? "no reason given"}. You can apply again.`;
    return "Invoice payment needs our approval first: apply for invoice terms (register number, expected volume, billing contact).";
  }
  if (orderTotalCents !== null && standing.openInvoiceCents + orderTotalCents > standing.creditLimitCents)
    return `This order (${formatEuros(orderTotalCents)}) and your open invoices (${formatEuros(standing.openInvoiceCents)}) exceed your credit limit of ${formatEuros(standing.creditLimitCents)}. Pay by bank transfer, or settle open invoices first.`;
  return null;
}

/**
 * Which payment methods a buyer company may use for an order of `orderTotalCents` (gross; null for no
 * order in particular, as on the account page), each closed one with the reason and what to do, and the
 * best open one. The checkout page shows it and placeOrder refuses with it, so both always agree.
 */
export async function paymentMethodsOpen(
  db: Database | TransactionClient,
  companyId: string,
  orderTotalCents: number | null,
): Promise<PaymentMethodsOpen> {
  const invoiceTerms = await loadInvoiceTermsStanding(db, companyId);
  const invoiceReason = invoiceClosedReason(invoiceTerms, orderTotalCents);
  const choices: PaymentMethodChoice[] = [
    {
      method: "BANK_TRANSFER",
      open: checkoutTakesBankTransfer(),
      reason: checkoutTakesBankTransfer() ? null : "Prepayment by bank transfer is not offered yet.",
    },
    { method: "INVOICE", open: invoiceReason === null, reason: invoiceReason },
    {
      method: "CARD",
      open: cardPaymentSetupProblem() === null,
      reason: cardPaymentSetupProblem() === null ? null : cardPaymentClosedReason,
    },
  ];
  const best = (["INVOICE", "BANK_TRANSFER", "CARD"] as const).find(
    (method) => choices.find((choice) => choice.method === method)!.open,
  );
  return { choices, best: best ?? null, invoiceTerms };
}

/**
 * placeOrder's and an approval's check: refuses a method that is not open to the company for this
 * total, with the reason next to the payment choice. For invoice it first locks the company row, so
 * two invoice orders at once cannot both fit under the same credit limit.
 */
export async function assertPaymentMethodOpen(
  tx: TransactionClient,
  companyId: string,
  method: PaymentMethod,
  totalCents: number,
): Promise<void> {
  if (method === "INVOICE") await tx.$queryRaw`SELECT 1 FROM "Company" WHERE "id" = ${companyId} FOR UPDATE`;
  const { choices } = await paymentMethodsOpen(tx, companyId, totalCents);
  const choice = choices.find((candidate) => candidate.method === method);
  if (!choice?.open)
    throw new AppError("validation_failed", choice?.reason ?? "Choose how to pay.", {
      field: "paymentMethod",
    });
}
