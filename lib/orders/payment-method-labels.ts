import type { PaymentMethod } from "../db/generated/enums";

/** How an order is paid, in words (the order page, the CSV exports). */
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  CARD: "Card",
  INVOICE: "Invoice",
  BANK_TRANSFER: "Bank transfer (prepayment)",
};
