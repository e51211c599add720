import { checkoutNetCents } from "../carts/checkout-net-cents";
import { loadCart } from "../carts/load-cart";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { vatCents } from "../money/vat-cents";
import type { VatTreatment } from "../money/vat-for-delivery";
import { resolveOrderVat } from "./resolve-order-vat";
import { vatIdField } from "./vat-id-field";

export interface CheckoutTotals {
  netCents: number;
  vatPercent: number;
  vatCents: number;
  grossCents: number;
  treatment: VatTreatment;
  /** "19 % German VAT", "0 % reverse charge", "0 % export". */
  label: string;
  reason: string;
  /** The ID as the invoice will print it, or null. */
  vatId: string | null;
}

/**
 * Net, VAT and gross of the buyer's cart for a shipping country and VAT ID, before the order is placed:
 * the same net (checkoutNetCents) and the same VAT decision (resolveOrderVat, VIES included) as
 * placeOrder, so the page and the order agree. A refused VAT ID throws its message for the field.
 */
export async function previewCheckoutTotals(
  db: Database,
  orderer: { userId: string; companyId: string },
  input: { shippingCountryCode: string; vatNumber: string },
): Promise<CheckoutTotals> {
  const vatNumber = vatIdField.safeParse(input.vatNumber);
  if (!vatNumber.success)
    throw new AppError("validation_failed", vatNumber.error.issues[0]!.message, { field: "vatNumber" });
  const cart = await loadCart(db, orderer.userId);
  const netCents = await checkoutNetCents(
    db,
    cart.items.map((item) => item.quote),
  );
  const vat = await resolveOrderVat(
    db,
    { shippingCountryCode: input.shippingCountryCode, vatNumber: vatNumber.data },
    { companyId: orderer.companyId },
  );
  const vatAmountCents = vatCents(netCents, vat.decision.percent);
  return {
    netCents,
    vatPercent: vat.decision.percent,
    vatCents: vatAmountCents,
    grossCents: netCents + vatAmountCents,
    treatment: vat.decision.treatment,
    label: vat.decision.label,
    reason: vat.decision.reason,
    vatId: vat.vatId?.value ?? null,
  };
}
