import { z } from "zod";
import { requestMatching } from "../matching/request-matching";
import { orderTransitions } from "./order-transitions";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { may } from "../auth/permissions";
import type { UserRole } from "../db/generated/enums";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { checkoutSchema } from "./checkout-fields";
import { formatEuros } from "../money/format-euros";
import { issueBuyerInvoice } from "./issue-buyer-invoice";
import { nextDocumentNumber } from "../documents/next-document-number";
import { vatCents } from "../money/vat-cents";
import { companyVatFields, orderVatFields, resolveOrderVat } from "../vat/resolve-order-vat";
import { checkoutNetCents } from "../carts/checkout-net-cents";
import { paymentTermsDaysFor } from "../pricing/invoice-terms";
import { loadOrderDeadline } from "../quotes/load-order-deadline";
import { startBankTransferPayment } from "../bank-transfers/start-bank-transfer-payment";
import { assertLinesPlaceable } from "../small-orders/assert-lines-placeable";
import { assertPaymentMethodOpen } from "../payments/payment-methods-open";
import { assertEmailVerified } from "../account/assert-email-verified";
import { acceptedLegalVersions, legalAcceptanceSchema } from "../legal/accepted-legal-versions";
import { purchaseReferenceLines, purchaseReferenceParagraph } from "../documents/purchase-reference-lines";
import { rememberCheckoutAddresses } from "../addresses/remember-checkout-addresses";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { formatDay } from "@/lib/dates/format-day";
import { formatDeadline } from "@/lib/dates/format-deadline";

export interface Orderer {
  userId: string;
  companyId: string;
  role: UserRole;
  email: string;
}

/**
 * Checkout: turns the user's cart into one order, in one transaction. Each quote's price is frozen into
 * its order line (the quote becomes ORDERED, the cart empties). An order above the company's approval
 * limit placed by someone who may not approve waits for an approver; otherwise an invoice order is
 * confirmed at once with its invoice, and a card order waits for payment. Company, VAT number and
 * addresses are kept on the company for the next checkout. Refuses an empty cart, expired quotes, a
 * delivery date no supplier can meet any more (lib/quotes/last-order-day.ts), and a payment method not
 * open to the company (lib/payments/payment-methods-open.ts, which the checkout page shows), each with
 * what to do.
 */
export async function placeOrder(
  db: Database,
  orderer: Orderer,
  input: unknown,
  now = new Date(),
  /** Issue 24 (public API): order these quotes of the company instead of the user's cart (which keeps the rest). */
  source: { quoteIds: string[] } | null = null,
) {
  if (!may(orderer.role, "order.place"))
    throw new AppError(
      "forbidden",
      "Engineers prepare carts; a purchaser or an admin of your company places the order.",
    );
  const fields = checkoutSchema.safeParse(input);
  if (!fields.success) {
    // The tick is checked with its versions in the transaction; a refused form names it too, so the buyer
    // sees every error in one round.
    const tick = legalAcceptanceSchema.safeParse(input);
    throw new z.ZodError([...fields.error.issues, ...(tick.error?.issues ?? [])]);
  }
  const checkout = fields.data;
  await assertEmailVerified(db, orderer.userId);
  // Before the transaction: VIES may take up to VIES_TIMEOUT_MS (lib/vat, docs/decisions/0023).
  const orderVat = await resolveOrderVat(
    db,
    { shippingCountryCode: checkout.shippingAddress.countryCode, vatNumber: checkout.vatNumber },
    { companyId: orderer.companyId, now },
  );
  return db.$transaction(async (tx) => {
    const company = await tx.company.findUniqueOrThrow({ where: { id: orderer.companyId } });
    const quoteInclude = {
      material: true,
      part: { select: { analysis: true, originalFileName: true, fileMissingSince: true } },
    } as const;
    const cart = source
      ? null
      : await tx.cart.findUnique({
          where: { userId: orderer.userId },
          include: {
            items: { include: { quote: { include: quoteInclude } }, orderBy: { createdAt: "asc" } },
          },
        });
    const quotes = source
      ? await quotesByIds(tx, orderer.companyId, source.quoteIds, quoteInclude)
      : (cart?.items.map((item) => item.quote) ?? []);
    if (quotes.length === 0) {
      await refuseOrderedEarlier(tx, orderer.companyId, checkout.cartQuoteIds);
      throw new AppError("validation_failed", "Your cart is empty: add a quoted part first.");
    }
    for (const quote of quotes) {
      if (quote.companyId !== orderer.companyId || quote.status !== "ACTIVE")
        throw new AppError("conflict", "A quote in your cart was ordered meanwhile; reload the cart.");
      // Issue 22 (docs/decisions/0046): a partner could not download it (lib/orders/flag-missing-cart-files.ts).
      if (quote.part.fileMissingSince)
        throw new AppError(
          "invalid_state_transition",
          `The file of ${quote.part.originalFileName} is no longer in our storage, so no partner could make it. ` +
            "Remove it from your cart, upload the file again and add the new part.",
        );
      if (quote.validUntil < now)
        throw new AppError(
          "invalid_state_transition",
          "A quote in your cart has expired. Open the part, check its new price and add it again.",
        );
    }
    // The quotes become ORDERED only from ACTIVE: of requests sent at the same moment with the same quotes
    // (two tabs, a double post, parallel API calls), the first takes them and the others wait for its
    // commit, then find them taken and are refused (walk 7).
    const quoteIds = quotes.map((quote) => quote.id);
    const taken = await tx.quote.updateMany({
      where: { id: { in: quoteIds }, status: "ACTIVE" },
      data: { status: "ORDERED" },
    });
    if (taken.count !== quotes.length) {
      await refuseOrderedEarlier(tx, orderer.companyId, quoteIds);
      throw new AppError("conflict", "A quote in your cart was ordered meanwhile; reload the cart.");
    }
    const deadline = await loadOrderDeadline(tx);
    for (const quote of quotes) {
      if (deadline.isMissed(quote.deliveryDate, now))
        throw new AppError(
          "invalid_state_transition",
          `${quote.part.originalFileName} is due on ${formatDay(quote.deliveryDate)}, which an order placed today can no longer meet ` +
            `(a partner needs a production day and ${deadline.shippingWorkingDays} working days for shipping). ` +
            `Open the part, choose a later date and add it again.`,
        );
    }
    await assertLinesPlaceable(
      tx,
      quotes.map((quote) => ({ ...quote, partSizeMm: partSizeOf(quote.part.analysis) })),
      now,
    );
    const subtotalCents = await checkoutNetCents(tx, quotes);
    const vat = orderVat.decision;
    const orderVatCents = vatCents(subtotalCents, vat.percent);
    const totalCents = subtotalCents + orderVatCents;

    const needsApproval =
      company.orderApprovalLimitCents !== null &&
      subtotalCents > company.orderApprovalLimitCents &&
      !may(orderer.role, "order.approve");
    await assertPaymentMethodOpen(tx, company.id, checkout.paymentMethod, totalCents);

    const status = needsApproval
      ? "AWAITING_APPROVAL"
      : checkout.paymentMethod === "INVOICE"
        ? "CONFIRMED"
        : "AWAITING_PAYMENT";
    const legalAcceptance = await acceptedLegalVersions(tx, input);
    const order = await tx.order.create({
      data: {
        ...legalAcceptance,
        number: await nextDocumentNumber(tx, "Q", now),
        buyerCompanyId: company.id,
        placedById: orderer.userId,
        approvedById: needsApproval ? null : orderer.userId,
        status: orderTransitions.enter(status),
        paymentMethod: checkout.paymentMethod,
        currency: "EUR",
        subtotalCents,
        vatCents: orderVatCents,
        totalCents,
        ...orderVatFields(orderVat),
        billingAddress: { company: checkout.companyName, ...checkout.billingAddress, vatNote: vat.note },
        shippingAddress: { company: checkout.companyName, ...checkout.shippingAddress },
        requiredCountryCode: checkout.requiredCountryCode,
        requiredCertificates: checkout.requiredCertificates,
        requiredQualityDocuments: checkout.requiredQualityDocuments,
        purchaseOrderNumber: checkout.purchaseOrderNumber,
        costCentre: checkout.costCentre,
        confirmedAt: status === "CONFIRMED" ? now : null,
        lines: {
          create: quotes.map((quote) => ({
            partId: quote.partId,
            quoteId: quote.id,
            process: quote.process,
            materialCode: quote.material.code,
            finish: quote.finish,
            toleranceClass: quote.toleranceClass,
            quantity: quote.quantity,
            unitPriceCents: quote.unitPriceCents,
            totalPriceCents: quote.totalPriceCents,
            supplierTotalCents: quote.supplierTotalCostCents,
            smallOrderSurchargeCents: quote.smallOrderSurchargeCents,
            currency: quote.currency,
            estimatedMachineHours: quote.estimatedMachineHours,
            partSizeMm: partSizeOf(quote.part.analysis),
            deliveryDate: quote.deliveryDate,
          })),
        },
        statusChanges: {
          create: [
            {
              fromStatus: null,
              toStatus: needsApproval ? "AWAITING_APPROVAL" : "PLACED",
              actorUserId: orderer.userId,
            },
            ...(status === "CONFIRMED"
              ? [
                  {
                    fromStatus: "PLACED",
                    toStatus: "CONFIRMED",
                    actorUserId: orderer.userId,
                    note: "Pay by invoice",
                  },
                ]
              : []),
          ],
        },
      },
    });
    const bankTransfer =
      checkout.paymentMethod === "BANK_TRANSFER" ? await startBankTransferPayment(tx, order) : null;
    // An API order takes its quotes out of any cart that holds them; checkout empties the user's cart.
    await tx.cartItem.deleteMany({
      where: cart ? { cartId: cart.id } : { quoteId: { in: quoteIds } },
    });
    await tx.company.update({
      where: { id: company.id },
      data: {
        name: checkout.companyName,
        ...companyVatFields(orderVat, company),
        addressLine: checkout.billingAddress.line,
        postalCode: checkout.billingAddress.postalCode,
        city: checkout.billingAddress.city,
      },
    });
    await rememberCheckoutAddresses(tx, company.id, checkout);
    if (status === "CONFIRMED") {
      await issueBuyerInvoice(tx, order, company.paymentTermsDays, now);
      await requestMatching(tx, order.id, "order confirmed");
    }
    await emitWebhookEvent(tx, {
      companyId: company.id,
      type: "order.placed",
      data: {
        orderId: order.id,
        orderNumber: order.number,
        status: order.status,
        paymentMethod: order.paymentMethod,
        totalCents,
        currency: order.currency,
        lineCount: quotes.length,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: orderer.userId,
      companyId: company.id,
      action: "order.placed",
      entityType: "Order",
      entityId: order.id,
      data: {
        number: order.number,
        totalCents,
        status,
        paymentMethod: checkout.paymentMethod,
      } as Prisma.InputJsonValue,
    });
    await queueEmail(tx, {
      to: orderer.email,
      subject: `Order ${order.number}: ${needsApproval ? "waiting for approval" : "received"}`,
      text: [
        `Thank you for your order ${order.number} (${quotes.length} part${quotes.length === 1 ? "" : "s"}).`,
        [
          `Total: ${formatEuros(totalCents)} including ${formatEuros(orderVatCents)} VAT.`,
          ...purchaseReferenceLines(checkout),
        ].join("\n"),
        needsApproval
          ? "It is above your company's approval limit and waits for an approver; we start once it is approved."
          : checkout.paymentMethod === "INVOICE"
            ? `It is confirmed; the invoice is due in ${await paymentTermsDaysFor(tx, company)} days. We now place it with a manufacturing partner.`
            : (bankTransfer ?? "We start as soon as the card payment has arrived."),
        `Follow it at ${appUrl()}/orders/${order.id}`,
      ].join("\n\n"),
    });
    if (needsApproval) {
      const approvers = await tx.user.findMany({
        where: { companyId: company.id, role: "BUYER_ADMIN", disabledAt: null },
        select: { email: true },
      });
      for (const approver of approvers)
        await queueEmail(tx, {
          to: approver.email,
          subject: `Order ${order.number} waits for your approval`,
          text: `An order of ${formatEuros(subtotalCents)} (net) is above your company's approval limit of ${formatEuros(company.orderApprovalLimitCents!)}.\n\n${purchaseReferenceParagraph(checkout)}Approve or decline it at ${appUrl()}/orders/${order.id}`,
        });
    }
    return order;
  });
}

/** Refuses with the order that holds one of these quotes (what a second checkout tab showed), if any. */
async function refuseOrderedEarlier(tx: Prisma.TransactionClient, companyId: string, quoteIds: string[]) {
  const placedEarlier = await orderHoldingQuotes(tx, companyId, quoteIds);
  if (placedEarlier)
    throw new AppError(
      "conflict",
      `These parts were already ordered as ${placedEarlier.number} on ${formatDeadline(placedEarlier.createdAt)} ` +
        "(perhaps in another tab or window), so nothing was ordered twice. Open that order to follow it.",
      { placedOrderId: placedEarlier.id },
    );
}

/** The company's latest order with a line of one of these quotes (what a second checkout tab showed). */
async function orderHoldingQuotes(tx: Prisma.TransactionClient, companyId: string, quoteIds: string[]) {
  if (quoteIds.length === 0) return null;
  return tx.order.findFirst({
    where: { buyerCompanyId: companyId, lines: { some: { quoteId: { in: quoteIds } } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, createdAt: true },
  });
}

/** The company's quotes by id, in the order asked; an id that is not the company's quote is refused. */
async function quotesByIds<Include extends Prisma.QuoteInclude>(
  tx: Prisma.TransactionClient,
  companyId: string,
  quoteIds: string[],
  include: Include,
) {
  const ids = [...new Set(quoteIds)];
  const quotes = await tx.quote.findMany({ where: { id: { in: ids }, companyId }, include });
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw new AppError("not_found", `There is no quote ${missing.join(", ")} in your company.`);
  return ids.map((id) => byId.get(id)!);
}

const reportBox = z.object({
  bbox: z.object({ min: z.array(z.number()).length(3), max: z.array(z.number()).length(3) }),
});

/**
 * The bounding box edges of an analysed part (its report's bbox, the one field the order keeps of it),
 * or none when the report lacks one.
 */
function partSizeOf(analysis: unknown): number[] {
  const parsed = reportBox.safeParse(analysis);
  if (!parsed.success) return [];
  const { min, max } = parsed.data.bbox;
  return max.map((value, axis) => value - min[axis]!);
}
