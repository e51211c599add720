import { z } from "zod";

const id = z.string().min(1);
const cents = z.number().int();
const currency = z.string().length(3);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/**
 * Every webhook event: its type, who receives it (the company of `emitWebhookEvent`'s `companyId`), a
 * sentence for the team page, and the zod schema of its `data`. Data carries ids, numbers and statuses only:
 * nothing personal beyond what the receiving company already sees in its own portal, so a receiver that
 * wants more asks the API with its key (docs/decisions/0061).
 */
export const webhookEventTypes = {
  "order.placed": {
    receiver: "BUYER",
    label: "An order was placed",
    data: z.object({
      orderId: id,
      orderNumber: z.string(),
      status: z.string(),
      paymentMethod: z.string(),
      totalCents: cents,
      currency,
      lineCount: z.number().int().min(1),
    }),
  },
  "order_line.accepted": {
    receiver: "BUYER",
    label: "A partner accepted an order line",
    data: z.object({
      orderId: id,
      orderNumber: z.string(),
      orderLineId: id,
      status: z.string(),
      deliveryDate: isoDate,
    }),
  },
  "shipment.sent": {
    receiver: "BUYER",
    label: "Parts were shipped",
    data: z.object({
      orderId: id,
      orderNumber: z.string(),
      orderLineId: id,
      shipmentId: id.optional(),
      quantity: z.number().int().min(1).optional(),
      carrier: z.string(),
      trackingNumber: z.string(),
    }),
  },
  "order_line.delivered": {
    receiver: "BOTH",
    label: "An order line was delivered",
    data: z.object({ orderId: id, orderLineId: id, status: z.string(), deliveredAt: isoDateTime }),
  },
  "invoice.issued": {
    receiver: "BOTH",
    label: "An invoice or credit note was issued",
    data: z.object({
      invoiceId: id,
      invoiceNumber: z.string(),
      kind: z.string(),
      orderId: id.nullable(),
      netCents: cents,
      vatCents: cents,
      totalCents: cents,
      currency,
      dueDate: isoDate,
    }),
  },
  "quote.answered": {
    receiver: "BUYER",
    label: "Operations answered a quote request",
    data: z.object({
      manualQuoteRequestId: id,
      partId: id,
      status: z.string(),
      quoteId: id.nullable(),
      unitPriceCents: cents.nullable(),
      totalPriceCents: cents.nullable(),
      currency: currency.nullable(),
    }),
  },
  "offer.received": {
    receiver: "SUPPLIER",
    label: "A job was offered to you",
    data: z.object({
      offerId: id,
      orderLineId: id,
      supplierPriceCents: cents,
      currency,
      expiresAt: isoDateTime,
    }),
  },
  "offer.withdrawn": {
    receiver: "SUPPLIER",
    label: "An offer to you was withdrawn",
    data: z.object({ offerId: id, orderLineId: id, status: z.string(), reason: z.string().nullable() }),
  },
  "complaint.opened": {
    receiver: "SUPPLIER",
    label: "A buyer complained about your job",
    data: z.object({
      complaintId: id,
      orderLineId: id,
      status: z.string(),
      supplierAnswerDueAt: isoDateTime.nullable(),
    }),
  },
} as const satisfies Record<
  string,
  { receiver: "BUYER" | "SUPPLIER" | "BOTH"; label: string; data: z.ZodObject<z.ZodRawShape> }
>;

export type WebhookEventType = keyof typeof webhookEventTypes;
export type WebhookEventData<Type extends WebhookEventType> = z.input<
  (typeof webhookEventTypes)[Type]["data"]
>;
export const webhookEventTypeNames = Object.keys(webhookEventTypes) as WebhookEventType[];

/** The event types a company of this kind can receive (the team page offers only these). */
export function webhookEventTypesFor(companyKind: "BUYER" | "SUPPLIER" | "PLATFORM"): WebhookEventType[] {
  return webhookEventTypeNames.filter((type) => {
    const receiver = webhookEventTypes[type].receiver;
    return receiver === "BOTH" || receiver === companyKind;
  });
}

/** The JSON body of every delivery: the event's envelope around its data. */
export const webhookEnvelopeSchema = z.object({
  id: id.describe(
    "The event's id: the same on every retry and replay; receivers use it to process an event once.",
  ),
  type: z.enum(webhookEventTypeNames as [WebhookEventType, ...WebhookEventType[]]),
  createdAt: isoDateTime,
  companyId: id,
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
