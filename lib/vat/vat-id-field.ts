import { z } from "zod";
import { checkVatIdFormat, normalizeVatId } from "./check-vat-id-format";

/**
 * The VAT ID a buyer types (checkout, account): empty for none, otherwise checked by format and check
 * digits (checkVatIdFormat) and normalized ("atu 1234 5675" → "ATU12345675", GR… → EL…).
 */
export const vatIdField = z
  .string()
  .trim()
  .max(40, "A VAT ID is its country prefix and at most 14 more characters, e.g. ATU12345675.")
  .transform(normalizeVatId)
  .superRefine((value, context) => {
    if (value === "") return;
    const checked = checkVatIdFormat(value);
    if (!checked.ok) context.addIssue({ code: "custom", message: checked.message });
  })
  .transform((value) => value || null);
