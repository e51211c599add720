import type { Prisma, VatIdCheck } from "../db/generated/client";
import type { VatIdStatus } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { euCountries, vatForDelivery, type VatDecision } from "../money/vat-for-delivery";
import { checkVatIdFormat, type WellFormedVatId } from "./check-vat-id-format";
import { confirmVatId, type VatIdConfirmationOutcome } from "./confirm-vat-id";
import type { ViesConnection } from "./vies-client";
import { formatDayOfMoment } from "../dates/format-day";

/** The VAT of an order about to be placed, with what it rests on. */
export interface OrderVat {
  decision: VatDecision;
  vatId: WellFormedVatId | null;
  /** What VIES said (or an earlier answer still holding), when the ID could change the VAT. */
  confirmation: { outcome: VatIdConfirmationOutcome; check: VatIdCheck } | null;
}

/**
 * The one VAT decision for checkout's summary and for placeOrder: the ID's format and check digits
 * (refused with what the format is), then, when it can take the German VAT off (a member state's ID
 * other than Germany's, delivery to another member state), VIES: "not valid" is refused; no answer
 * means German VAT now and the ID marked for the re-check job. Call it outside a transaction: it may
 * wait VIES_TIMEOUT_MS.
 */
export async function resolveOrderVat(
  db: Database,
  input: { shippingCountryCode: string; vatNumber: string | null },
  options: { companyId: string | null; now?: Date; connection?: ViesConnection },
): Promise<OrderVat> {
  if (!input.vatNumber)
    return { decision: vatForDelivery(input.shippingCountryCode, null), vatId: null, confirmation: null };
  const checked = checkVatIdFormat(input.vatNumber);
  if (!checked.ok) throw new AppError("validation_failed", checked.message, { field: "vatNumber" });
  const { vatId } = checked;
  const destination = input.shippingCountryCode.toUpperCase();
  const mayTakeVatOff =
    vatId.viesChecks && vatId.countryCode !== "DE" && euCountries.has(destination) && destination !== "DE";
  const confirmation = mayTakeVatOff
    ? await confirmVatId(db, vatId, {
        companyId: options.companyId,
        trigger: "checkout",
        now: options.now,
        connection: options.connection,
      })
    : null;
  if (confirmation?.outcome === "not_valid") {
    const on = formatDayOfMoment(confirmation.check.viesRequestDate ?? confirmation.check.createdAt);
    throw new AppError(
      "validation_failed",
      `VIES, the EU's register of VAT IDs, says ${vatId.value} is not a valid VAT ID (asked on ${on}). Check it against a letter of your tax office, or leave the field empty and pay German VAT.`,
      { field: "vatNumber" },
    );
  }
  const decision = vatForDelivery(destination, {
    value: vatId.value,
    countryCode: vatId.countryCode,
    memberState: vatId.viesChecks,
    confirmed: confirmation?.outcome === "confirmed",
  });
  return { decision, vatId, confirmation };
}

/** What the order keeps of its VAT decision (Order's VAT fields). */
export function orderVatFields(vat: OrderVat) {
  const check = vat.confirmation?.check;
  const confirmed = vat.confirmation?.outcome === "confirmed";
  return {
    vatNumber: vat.vatId?.value ?? null,
    vatTreatment: vat.decision.treatment,
    vatIdCheckId: check?.id ?? null,
    vatIdConfirmedAt: confirmed ? (check!.viesRequestDate ?? check!.createdAt) : null,
    vatIdConsultationNumber: confirmed ? (check!.consultationNumber ?? null) : null,
  } satisfies Partial<Prisma.OrderUncheckedCreateInput>;
}

/**
 * What the company keeps: the ID and VIES's latest word on it. An ID VIES was not asked about keeps its
 * status when it is the company's ID already, and has none when it is new.
 */
export function companyVatFields(
  vat: OrderVat,
  company: { vatNumber: string | null },
): { vatNumber: string | null; vatIdStatus?: VatIdStatus | null; vatIdConfirmedAt?: Date | null } {
  const vatNumber = vat.vatId?.value ?? null;
  const confirmation = vat.confirmation;
  if (!confirmation)
    return vatNumber === company.vatNumber
      ? { vatNumber }
      : { vatNumber, vatIdStatus: null, vatIdConfirmedAt: null };
  if (confirmation.outcome === "confirmed")
    return {
      vatNumber,
      vatIdStatus: "CONFIRMED",
      vatIdConfirmedAt: confirmation.check.viesRequestDate ?? confirmation.check.createdAt,
    };
  return {
    vatNumber,
    vatIdStatus: "TO_RECHECK",
    ...(vatNumber !== company.vatNumber && { vatIdConfirmedAt: null }),
  };
}
