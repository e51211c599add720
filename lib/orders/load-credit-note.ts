import { z } from "zod";
import type { Database } from "../db/prisma";
import type { CreditNote } from "./render-credit-note-pdf";
import { orderVatDetailsSelect } from "../vat/order-vat-details";
import { countryName } from "../documents/country-name";

const text = z.string().optional().catch(undefined);

/** The billing address as placeOrder froze it on the order (OrderAddress), read leniently. */
const frozenAddressSchema = z.object({
  company: text,
  name: text,
  line: text,
  postalCode: text,
  city: text,
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  vatNote: text,
});

/**
 * A buyer's credit note with what its PDF shows, or null when the viewer may not see it: only the buyer
 * company it was issued to and operations may (anyone else is told it does not exist).
 */
export async function loadCreditNote(
  db: Database,
  invoiceId: string,
  viewer: { companyId: string; isOperations: boolean },
): Promise<CreditNote | null> {
  const creditNote = await db.invoice.findFirst({
    where: {
      id: invoiceId,
      kind: "CREDIT_NOTE",
      ...(!viewer.isOperations && { companyId: viewer.companyId }),
    },
    include: {
      refund: { select: { reason: true } },
      order: {
        select: {
          id: true,
          number: true,
          billingAddress: true,
          ...orderVatDetailsSelect,
          paymentMethod: true,
          purchaseOrderNumber: true,
          costCentre: true,
          invoices: { where: { kind: "BUYER_INVOICE" }, select: { number: true }, take: 1 },
        },
      },
    },
  });
  // Credit notes are always issued against an order; one without is nothing to show.
  if (!creditNote?.order) return null;
  const { order } = creditNote;
  const parsed = frozenAddressSchema.safeParse(order.billingAddress);
  const billing = parsed.success ? parsed.data : {};
  return {
    id: creditNote.id,
    number: creditNote.number,
    issuedAt: creditNote.issuedAt,
    currency: creditNote.currency,
    netCents: creditNote.netCents,
    vatCents: creditNote.vatCents,
    totalCents: creditNote.totalCents,
    orderId: order.id,
    orderNumber: order.number,
    invoiceNumber: order.invoices[0]?.number ?? null,
    billingAddressLines: [
      billing.company,
      billing.name,
      billing.line,
      [billing.postalCode, billing.city].filter(Boolean).join(" "),
      billing.countryCode && countryName(billing.countryCode),
    ].filter((line): line is string => Boolean(line?.trim())),
    vatNumber: order.vatNumber,
    vatTreatment: order.vatTreatment,
    vatIdConfirmedAt: order.vatIdConfirmedAt,
    vatIdConsultationNumber: order.vatIdConsultationNumber,
    vatNote: billing.vatNote ?? "VAT",
    reason: creditNote.note ?? creditNote.refund?.reason ?? null,
    paymentMethod: order.paymentMethod,
    purchaseReference: { purchaseOrderNumber: order.purchaseOrderNumber, costCentre: order.costCentre },
  };
}
