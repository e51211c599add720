import { z } from "zod";
import type { VatIdStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { euCountries } from "../money/vat-for-delivery";
import type { SupplierEditor } from "../suppliers/assert-supplier-admin";
import { assertSupplierMay } from "../suppliers/assert-supplier-may";
import { checkVatIdFormat } from "../vat/check-vat-id-format";
import { confirmVatId } from "../vat/confirm-vat-id";
import { vatIdField } from "../vat/vat-id-field";
import { whenFieldsParsed } from "../forms/when-fields-parsed";
import type { ViesConnection } from "../vat/vies-client";
import { checkTaxNumber } from "./check-tax-number";
import { releasePayoutsAwaitingTaxDetails } from "./release-payouts-awaiting-tax-details";
import { supplierTaxStanding } from "./supplier-tax-standing";
import { formatDayOfMoment } from "@/lib/dates/format-day";

const taxDetailsFields = z.object({
  vatNumber: z.string().default("").pipe(vatIdField),
  taxNumber: z
    .string()
    .trim()
    .max(40, "A tax number has at most 13 digits (with spaces and slashes, 20 characters).")
    .default(""),
  /** ISO 3166-2 code of the tax office's state, for a number in the states' own scheme. */
  taxNumberState: z.string().trim().default(""),
  smallBusiness: z.boolean().default(false),
});

/**
 * The form's fields and what the partner's country needs of them, refused in one round: a VAT ID of the
 * wrong form and a tax number given outside Germany are named at once, not one after the other. In
 * Germany the tax number is checked against ELSTER's rules (and kept in its 13-digit form); elsewhere it
 * is refused, as is the small-business rule. Then the country's number: in Germany a tax number or a
 * German VAT ID, elsewhere a VAT ID (in the EU, a member state's).
 */
function taxDetailsSchemaFor(country: string) {
  return taxDetailsFields
    .superRefine(
      (input, ctx) => {
        const addRefusal = (field: string, message: string) =>
          ctx.addIssue({ code: "custom", path: [field], message });
        if (country === "DE") {
          const checked = input.taxNumber
            ? checkTaxNumber(input.taxNumber, input.taxNumberState || null)
            : null;
          if (checked && !checked.ok) addRefusal("taxNumber", checked.message);
          return;
        }
        if (input.taxNumber)
          addRefusal(
            "taxNumber",
            "A tax number (Steuernummer) is for partners in Germany: enter your VAT ID instead.",
          );
        if (input.smallBusiness)
          addRefusal("smallBusiness", "The small-business rule (§ 19 UStG) is for partners in Germany.");
      },
      whenFieldsParsed("taxNumber", "taxNumberState", "smallBusiness"),
    )
    .superRefine(
      (input, ctx) => {
        const refusal = countryNumberRefusal(country, input);
        if (refusal) ctx.addIssue({ code: "custom", path: [refusal.field], message: refusal.message });
      },
      whenFieldsParsed("vatNumber"),
    )
    .transform((input) => {
      // Reached only with a valid number in Germany (the refinement above), kept in its 13-digit form.
      const checked = input.taxNumber ? checkTaxNumber(input.taxNumber, input.taxNumberState || null) : null;
      return { ...input, taxNumber: checked?.ok ? checked.taxNumber : null };
    });
}

/** The number the country needs on the invoice, when it is missing. */
function countryNumberRefusal(
  country: string,
  details: { vatNumber: string | null; taxNumber: string },
): { field: string; message: string } | null {
  const vatId = details.vatNumber ? checkVatIdFormat(details.vatNumber) : null;
  const wellFormed = vatId?.ok ? vatId.vatId : null;
  if (country === "DE") {
    if (details.taxNumber || wellFormed?.countryCode === "DE") return null;
    return details.vatNumber
      ? {
          field: "vatNumber",
          message: `${details.vatNumber} is not a German VAT ID: enter yours (DE and 9 digits) or your tax number (Steuernummer).`,
        }
      : {
          field: "taxNumber",
          message:
            "Enter your tax number (Steuernummer) or your German VAT ID (USt-IdNr.): the self-billing invoice must name one.",
        };
  }
  if (!wellFormed)
    return { field: "vatNumber", message: "Enter your VAT ID: the self-billing invoice must name it." };
  if (euCountries.has(country) && !wellFormed.viesChecks)
    return {
      field: "vatNumber",
      message: `${wellFormed.value} is not an EU VAT ID: enter the one your member state issued.`,
    };
  return null;
}

export type SupplierTaxDetailsInput = z.input<typeof taxDetailsFields>;

export interface SavedTaxDetails {
  /** What the partner reads after saving. */
  message: string;
  /** Payouts released to pay by Stripe transfer (their jobs are already sent). */
  payoutIdsToPay: string[];
}

const refuse = (field: string, message: string): never => {
  throw new AppError("validation_failed", message, { field });
};

/**
 * A supplier's tax details for its self-billing invoices: its VAT ID (format and check digits with jsvat;
 * a member state's ID other than Germany's confirmed by VIES, as for buyers) and, in Germany, its tax
 * number (Steuernummer, checked against ELSTER's rules and kept in the 13-digit form) and whether it is a
 * small business (§ 19 UStG). What its country needs is required: in Germany one of the two numbers,
 * elsewhere the VAT ID. VIES saying "not valid" refuses the ID; VIES not answering saves it for the hourly
 * re-check. Admins only; audit-logged. In the same transaction the payouts that waited for the details get
 * their invoices and are released (releasePayoutsAwaitingTaxDetails). Call it outside a transaction: it
 * may wait VIES_TIMEOUT_MS.
 */
export async function saveSupplierTaxDetails(
  db: Database,
  editor: SupplierEditor,
  input: unknown,
  options: { now?: Date; connection?: ViesConnection } = {},
): Promise<SavedTaxDetails> {
  assertSupplierMay(editor, "supplier.taxDetails.edit", "change the tax details");
  const now = options.now ?? new Date();
  const company = await db.company.findUniqueOrThrow({ where: { id: editor.companyId } });
  const country = company.countryCode.toUpperCase();
  const details = taxDetailsSchemaFor(country).parse(input);
  const vatId = details.vatNumber ? checkVatIdFormat(details.vatNumber) : null;
  const wellFormed = vatId?.ok ? vatId.vatId : null;

  // Asked of VIES: a member state's ID other than Germany's (it decides on reverse charge; a German
  // requester cannot have a German ID confirmed, decision 0023).
  const asksVies = wellFormed !== null && wellFormed.viesChecks && wellFormed.countryCode !== "DE";
  const sameId = company.vatNumber === wellFormed?.value;
  let vatIdStatus: VatIdStatus | null = null;
  let vatIdConfirmedAt: Date | null = null;
  if (asksVies) {
    const { outcome, check } = await confirmVatId(db, wellFormed, {
      companyId: company.id,
      trigger: "partner-profile",
      now,
      connection: options.connection,
    });
    if (outcome === "not_valid")
      refuse(
        "vatNumber",
        `VIES, the EU's register of VAT IDs, says ${wellFormed.value} is not a valid VAT ID (asked on ${formatDayOfMoment(check.viesRequestDate ?? check.createdAt)}). Check it against a letter of your tax office.`,
      );
    vatIdStatus = outcome === "confirmed" ? "CONFIRMED" : "TO_RECHECK";
    vatIdConfirmedAt =
      outcome === "confirmed"
        ? (check.viesRequestDate ?? check.createdAt)
        : sameId
          ? company.vatIdConfirmedAt
          : null;
  }
  const saved = {
    vatNumber: wellFormed?.value ?? null,
    vatIdStatus,
    vatIdConfirmedAt,
    taxNumber: country === "DE" ? details.taxNumber : null,
    smallBusiness: country === "DE" && details.smallBusiness,
  };
  const payoutIdsToPay = await db.$transaction(async (tx) => {
    await tx.company.update({ where: { id: company.id }, data: saved });
    await recordAuditLog(tx, {
      actorUserId: editor.userId,
      companyId: company.id,
      action: "supplier.tax-details",
      entityType: "Company",
      entityId: company.id,
      data: {
        from: {
          vatNumber: company.vatNumber,
          taxNumber: company.taxNumber,
          smallBusiness: company.smallBusiness,
          vatIdStatus: company.vatIdStatus,
        },
        to: saved,
      },
    });
    return releasePayoutsAwaitingTaxDetails(tx, company.id, now);
  });
  const standing = supplierTaxStanding({ ...company, ...saved });
  return {
    message: standing.ready
      ? "Tax details saved. Your self-billing invoices will show them."
      : `Tax details saved. ${standing.missing}`,
    payoutIdsToPay,
  };
}
