import { z } from "zod";
import { emailSchema, personNameSchema } from "../companies/account-fields";

/**
 * Whole euros typed into a form: "5000", "5,000", "5.000", "5 000" or "€ 5000". A credit limit or a
 * monthly volume has no cents, so a point or comma between groups of three digits can only be a
 * thousands separator, and "5.50" is refused rather than read as five euros fifty or as 550.
 */
export function wholeEurosInput(what: string, example: string, maxEuros: number) {
  const message = `Enter ${what} in whole euros, e.g. ${example}.`;
  return z
    .string({ error: message })
    .trim()
    .transform((value) => value.replace(/^€\s*|\s*€$|\s*EUR$/gi, ""))
    .pipe(z.string().regex(/^(\d{1,3}([.,\s]\d{3})+|\d+)$/, message))
    .transform((value) => Number(value.replace(/[.,\s]/g, "")))
    .pipe(
      z
        .number()
        .positive(`Enter ${what} above zero.`)
        .max(maxEuros, `Enter ${what} of at most €${maxEuros.toLocaleString("en-IE")}.`),
    )
    .transform((euros) => euros * 100);
}

/**
 * A German commercial register number: the register (HRA, HRB, GnR for cooperatives, PR for
 * partnerships, VR for associations), the number and an optional court suffix such as the "B" of
 * Berlin-Charlottenburg. Other countries' registers have their own formats, so theirs is free text.
 */
const germanRegisterNumber = /^(HRA|HRB|GnR|PR|VR|GsR)\s?\d{1,6}(\s?[A-Z]{1,2})?$/i;

function normaliseGermanRegisterNumber(value: string): string {
  const match = /^([A-Za-z]+)\s?(\d+)\s?([A-Za-z]*)$/.exec(value)!;
  const register = match[1]!.toUpperCase() === "GNR" ? "GnR" : match[1]!.toUpperCase();
  return [register, match[2], match[3]?.toUpperCase()].filter(Boolean).join(" ");
}

/** The application a buyer sends; `countryCode` is the company's, which decides the register's format. */
export function invoiceTermsApplicationSchema(countryCode: string) {
  const registerNumber = z
    .string()
    .trim()
    .min(1, "Enter your company's register number, e.g. HRB 12345 B.")
    .max(60, "Keep the register number under 60 characters.");
  return z.object({
    registerNumber:
      countryCode === "DE"
        ? registerNumber
            .regex(
              germanRegisterNumber,
              "Enter the Handelsregister number as it stands in the register, e.g. HRB 12345 B or HRA 678.",
            )
            .transform(normaliseGermanRegisterNumber)
        : registerNumber.min(3, "Enter your company's register number."),
    registerCourt: z
      .string()
      .trim()
      .min(2, "Enter the register court and its city, e.g. Amtsgericht Charlottenburg (Berlin).")
      .max(120, "Keep the register court under 120 characters."),
    expectedMonthlyVolumeCents: wholeEurosInput("the expected monthly volume", "2000", 10_000_000),
    billingContactName: personNameSchema.pipe(
      z.string().min(1, "Enter who receives the invoices (a person or department)."),
    ),
    billingContactEmail: emailSchema,
    note: z
      .string()
      .trim()
      .max(1000, "Keep the note under 1000 characters.")
      .default("")
      .transform((value) => value || null),
  });
}

export type InvoiceTermsApplicationInput = z.input<ReturnType<typeof invoiceTermsApplicationSchema>>;

const termsMessage = "Enter the payment terms in whole days, from 0 to 120.";

/** Operations' terms for a company: its credit limit and payment terms. */
export const invoiceTermsGrantSchema = z.object({
  creditLimitCents: wholeEurosInput("the credit limit", "5000", 10_000_000),
  paymentTermsDays: z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z.number({ error: termsMessage }).int(termsMessage).min(0, termsMessage).max(120, termsMessage),
  ),
});

/** A reason a buyer reads (a decline, a withdrawal) or operations keep (a change). */
export function reasonSchema(what: string) {
  return z
    .string({ error: `Give ${what}.` })
    .trim()
    .min(5, `Give ${what} (at least 5 characters).`)
    .max(1000, "Keep the reason under 1000 characters.");
}
