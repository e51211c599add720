import SEPA from "sepa";

/** One transfer to a partner. */
export interface SepaTransfer {
  /** The account holder's name as the partner gave it. */
  creditorName: string;
  creditorIban: string;
  /** Optional since SEPA's IBAN-only rule; empty when the partner gave none. */
  creditorBic: string | null;
  amountCents: number;
  /** EndToEndId: travels to the partner's statement, at most 35 characters. */
  endToEndId: string;
  /** Unstructured remittance information, at most 140 characters: the self-billing invoice and order. */
  remittance: string;
}

/** The platform's account the transfers leave from, and the file's identity. */
export interface SepaDebtor {
  name: string;
  iban: string;
  bic: string;
  /** MsgId: unique per file, at most 35 characters; the bank refuses a file whose id it has seen. */
  messageId: string;
  createdAt: Date;
  /** The day the bank should execute, "YYYY-MM-DD". */
  executionDate: string;
}

/** The pain.001 version written: the one the EPC's SEPA rulebook 2019+ and the German banks (DK) take. */
export const sepaPainFormat = "pain.001.001.09";

/**
 * A SEPA credit-transfer initiation (ISO 20022 pain.001.001.09) of payouts to partners, built with the
 * `sepa` library (kewisch/sepa.js), which also checks IBANs, BIC lengths and the IBAN/BIC country. One
 * payment information block, batch booking, EUR. Characters outside SEPA's Latin set are replaced in
 * names and texts, as the EPC's implementation guidelines ask (banks refuse them otherwise).
 */
export function buildSepaCreditTransfer(debtor: SepaDebtor, transfers: readonly SepaTransfer[]): string {
  const document = new SEPA.Document(sepaPainFormat);
  document.grpHdr.id = debtor.messageId.slice(0, 35);
  document.grpHdr.created = debtor.createdAt;
  document.grpHdr.initiatorName = sepaText(debtor.name, 70);

  const info = document.createPaymentInfo();
  info.requestedExecutionDate = new Date(`${debtor.executionDate}T12:00:00Z`);
  info.debtorIBAN = debtor.iban;
  info.debtorBIC = debtor.bic;
  info.debtorName = sepaText(debtor.name, 70);
  info.batchBooking = true;
  document.addPaymentInfo(info);

  for (const transfer of transfers) {
    const transaction = info.createTransaction();
    transaction.creditorName = sepaText(transfer.creditorName, 70);
    transaction.creditorIBAN = transfer.creditorIban;
    transaction.creditorBIC = transfer.creditorBic ?? "";
    // Whole cents: the library refuses amounts with more than two decimals, so divide exactly once.
    transaction.amount = Number((transfer.amountCents / 100).toFixed(2));
    transaction.currency = "EUR";
    transaction.remittanceInfo = sepaText(transfer.remittance, 140);
    transaction.end2endId = sepaText(transfer.endToEndId, 35);
    info.addTransaction(transaction);
  }
  return document.toString();
}

/**
 * SEPA's character set (EPC guidelines: a–z A–Z 0–9 / - ? : ( ) . , ' + space): German umlauts become
 * their two-letter forms, accented letters their base letter, anything else a space.
 */
export function sepaText(value: string, maxLength: number): string {
  const spelled = value
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("Ä", "Ae")
    .replaceAll("Ö", "Oe")
    .replaceAll("Ü", "Ue")
    .replaceAll("ß", "ss")
    .replaceAll("Ł", "L")
    .replaceAll("ł", "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return spelled
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength);
}
