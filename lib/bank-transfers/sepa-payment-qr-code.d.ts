/** Types for sepa-payment-qr-code 2.x (it ships none): the EPC069-12 "BCD" payload of a SEPA credit transfer. */
declare module "sepa-payment-qr-code" {
  interface SepaPaymentQrData {
    name: string;
    iban: string;
    bic?: string;
    /** Euros, 0.01–999999999.99, or null for the payer to fill in. */
    amount: number | null;
    purposeCode?: string;
    /** An ISO 11649 creditor reference (max 35); not together with `unstructuredReference`. */
    structuredReference?: string;
    unstructuredReference?: string;
    information?: string;
  }
  function generateQrCode(data: SepaPaymentQrData): string;
  export = generateQrCode;
}
