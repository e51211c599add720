import type { VatIdStatus } from "../db/generated/enums";
import type { BuyerVatId } from "../money/vat-for-delivery";
import { checkVatIdFormat } from "./check-vat-id-format";

/**
 * The company's saved VAT ID as the VAT rule reads it, confirmed when VIES last confirmed it (the
 * re-check job keeps that fresh); null without a well-formed one. For estimates before checkout (which
 * payment methods the gross total leaves open); placing the order asks VIES again (resolve-order-vat.ts).
 */
export function storedBuyerVatId(company: {
  vatNumber: string | null;
  vatIdStatus: VatIdStatus | null;
}): BuyerVatId | null {
  if (!company.vatNumber) return null;
  const format = checkVatIdFormat(company.vatNumber);
  if (!format.ok) return null;
  return {
    value: format.vatId.value,
    countryCode: format.vatId.countryCode,
    memberState: format.vatId.viesChecks,
    confirmed: company.vatIdStatus === "CONFIRMED",
  };
}
