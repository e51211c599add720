import { electronicFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";

/**
 * The demo account `npm start` uses without a .env: the IBAN is the widely published example
 * DE89 3704 0044 0532 0130 00 (valid check digits, nobody's account). README says to set your own.
 */
export const demoPlatformIban = "DE89370400440532013000";

/**
 * PLATFORM_IBAN, PLATFORM_BIC and PLATFORM_BANK_NAME: the account buyers pay prepayments and invoices
 * into, printed on pro-forma invoices and invoices and encoded in their EPC QR codes. Checked with
 * ibantools at start, so a typo stops the start naming the variable instead of sending buyers' money
 * nowhere. The IBAN is kept in its electronic form (no spaces, upper case).
 */
export const platformBankVariables = {
  PLATFORM_IBAN: z
    .string()
    .trim()
    .default(demoPlatformIban)
    .transform((value) => electronicFormatIBAN(value) ?? "")
    .refine((iban) => isValidIBAN(iban), {
      message:
        "must be a valid IBAN (country code, check digits and account number, e.g. DE89 3704 0044 0532 0130 00): check it for a typo",
    })
    .refine((iban) => isSEPACountry(iban.slice(0, 2)), {
      message: "must be the IBAN of an account in the SEPA area: buyers pay by SEPA credit transfer",
    }),
  PLATFORM_BIC: z
    .string()
    .trim()
    .default("COBADEFFXXX")
    .transform((value) => value.replace(/\s+/g, "").toUpperCase())
    .refine((bic) => isValidBIC(bic), {
      message: "must be a valid BIC of 8 or 11 characters, e.g. COBADEFFXXX",
    }),
  PLATFORM_BANK_NAME: z.string().trim().min(1, "must name the bank, e.g. Commerzbank").default("Demo Bank"),
};
