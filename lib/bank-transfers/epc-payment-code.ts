import generateEpcPayload from "sepa-payment-qr-code";
import QRCode from "qrcode";
import type { PlatformBankAccount } from "./platform-bank-account";
import { isValidCreditorReference } from "./payment-reference";

export interface EpcPayment {
  account: PlatformBankAccount;
  amountCents: number;
  /** A creditor reference (structured field) or an invoice number (free text). */
  reference: string;
}

/** The square of dark and light modules of a QR code, row by row, for the PDF and the order page to draw. */
export interface QrModules {
  size: number;
  dark: boolean[];
}

/**
 * The EPC QR code ("GiroCode", EPC069-12) a banking app scans to fill in a SEPA transfer: the payload from
 * sepa-payment-qr-code (which checks the IBAN and the field lengths), encoded by qrcode at error
 * correction level M as the standard requires. A creditor reference goes into the structured reference
 * field, anything else into the free-text one, so the bank passes it on to the statement either way.
 */
export function epcPaymentCode(payment: EpcPayment): { payload: string; modules: QrModules } {
  const structured = isValidCreditorReference(payment.reference);
  const payload = generateEpcPayload({
    name: payment.account.holder.slice(0, 70),
    iban: payment.account.iban,
    bic: payment.account.bic,
    amount: payment.amountCents / 100,
    ...(structured
      ? { structuredReference: payment.reference }
      : { unstructuredReference: payment.reference.slice(0, 140) }),
  });
  const code = QRCode.create(payload, { errorCorrectionLevel: "M" });
  const { size, data } = code.modules;
  return { payload, modules: { size, dark: Array.from(data, (bit) => bit === 1) } };
}
