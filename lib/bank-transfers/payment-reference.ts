/**
 * Payment references for prepayment orders: ISO 11649 creditor references ("RF" + two check digits +
 * the order number's digits, e.g. order Q-2026-000123 → RF74 2026 0001 23). Why this form
 * (docs/decisions/0021-bank-transfer-prepayment.md): banks and EPC QR codes know it as the structured
 * creditor reference, its mod-97 check digits catch every single wrong digit and nearly every swap, the
 * body is digits only (no O/0, I/1 to confuse), and at 14 characters it is short enough to type.
 */

/** ISO 7064 mod 97-10 of a string of digits and letters (A = 10 … Z = 35), digit by digit. */
function mod97(text: string): number {
  let remainder = 0;
  for (const character of text) {
    const value = parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

/** The creditor reference for a body (1–21 digits or letters), in electronic form: "RF742026000123". */
export function creditorReference(body: string): string {
  if (!/^[0-9A-Z]{1,21}$/.test(body))
    throw new Error(`"${body}" cannot be the body of a creditor reference.`);
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, "0")}${body}`;
}

/** The payment reference of an order: the creditor reference over its number's digits. */
export function paymentReferenceFor(orderNumber: string): string {
  return creditorReference(orderNumber.replace(/\D/g, ""));
}

/** True for a creditor reference in electronic form whose check digits agree. */
export function isValidCreditorReference(reference: string): boolean {
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(reference)) return false;
  return mod97(reference.slice(4) + reference.slice(0, 4)) === 1;
}

/** For people: groups of four, "RF74 2026 0001 23". */
export function formatPaymentReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Every reference a transfer's free text may carry, as a buyer or a bank leaves it: creditor references
 * with spaces, dashes or lower case and surrounded by other words ("Bestellung rf74 2026-0001 23 danke"),
 * and order numbers ("Q-2026-000123", "Q 2026 000123"), each returned as the order's payment reference.
 * Only references whose check digits agree are returned (a stray "RF" in a word finds nothing); a few
 * may be false candidates, which the caller's look-up among orders' references drops.
 */
export function findPaymentReferences(text: string): string[] {
  const found = new Set<string>();
  const upper = text.toUpperCase();
  // Separators a person or a bank puts inside a reference: spaces, dashes, dots, slashes, line breaks.
  const compact = upper.replace(/[\s\-./]+/g, "");
  for (let start = compact.indexOf("RF"); start !== -1; start = compact.indexOf("RF", start + 1)) {
    const candidate = compact.slice(start).match(/^RF\d{2}\d{1,21}/)?.[0];
    if (!candidate) continue;
    // With the separators gone, the body runs into whatever digits follow it ("RF46 2026 0001 23 4711"):
    // every length whose check digits agree is a candidate; only existing orders' references will match.
    for (let end = candidate.length; end > 4; end--)
      if (isValidCreditorReference(candidate.slice(0, end))) found.add(candidate.slice(0, end));
  }
  for (const match of upper.matchAll(/\bQ[\s\-./]*(\d{4})[\s\-./]*(\d{6,9})\b/g))
    found.add(paymentReferenceFor(`${match[1]}${match[2]}`));
  return [...found];
}
