import { z } from "zod";
import { checkVatIdFormat, normalizeVatId } from "./check-vat-id-format";

/**
 * A typed VAT ID, tidied and checked: "" for none, otherwise normalized ("atu 1234 5675" → "ATU12345675",
 * GR… → EL…) and checked by format and check digits (checkVatIdFormat). Its output parses again to
 * itself, so data stored from it (a pending partner application) can be checked once more.
 */
export const vatIdText = z
  .string()
  .trim()
  .max(40, "A VAT ID is its country prefix and at most 14 more characters, e.g. ATU12345675.")
  .transform(normalizeVatId)
  .superRefine((value, context) => {
    if (value === "") return;
    const checked = checkVatIdFormat(value);
    if (!checked.ok) context.addIssue({ code: "custom", message: checked.message });
  });

/** The VAT ID a buyer types (checkout, account): `vatIdText`, and null for none. */
export const vatIdField = vatIdText.transform((value) => value || null);
