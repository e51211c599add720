"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formCheckbox, formList, formText } from "@/lib/forms/form-fields";
import { getLogger } from "@/lib/logging/logger";
import { placeOrder } from "@/lib/orders/place-order";
import { isAppError } from "@/lib/errors/app-error";
import { startCardCheckout } from "@/lib/payments/start-card-checkout";
import { legalAcceptanceFields } from "./legal-acceptance-fields";
import { flagMissingCartFiles } from "@/lib/orders/flag-missing-cart-files";
import { getFileStorage } from "@/lib/storage/get-file-storage";

const addressFields = z
  .object({ name: formText, line: formText, postalCode: formText, city: formText, countryCode: formText })
  .prefault({});

const checkoutSchema = z.object({
  companyName: formText,
  vatNumber: formText,
  billing: addressFields,
  shippingSame: formCheckbox,
  shipping: addressFields,
  paymentMethod: formText,
  requiredCountryCode: formText,
  requiredCertificates: formList,
  requiredQualityDocuments: formList,
  ...legalAcceptanceFields,
  // Issue 18 (i18-docs)
  purchaseOrderNumber: formText,
  costCentre: formText,
  saveShippingAddress: formCheckbox,
  shippingAddressLabel: formText,
  cartQuoteIds: formList,
});

/** With "same as billing", a shipping error belongs to the billing field the buyer sees. */
function shippingErrorsOnBilling(
  errors: Record<string, string[]>,
  input: z.output<typeof checkoutSchema> | undefined,
): Record<string, string[]> {
  if (!input?.shippingSame) return errors;
  const adjusted = { ...errors };
  for (const [name, messages] of Object.entries(errors))
    if (name.startsWith("shippingAddress.")) adjusted[name.replace("shipping", "billing")] ??= messages;
  return adjusted;
}

/** Places the order from the cart; on success goes to the order's page with its confirmation. */
export const placeOrderAction = formAction(
  "order.place",
  checkoutSchema,
  async ({ billing, shipping, shippingSame, ...input }, { user }) => {
    await flagMissingCartFiles(getPrisma(), getFileStorage(), user.id);
    const order = await placeOrder(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role, email: user.email },
      {
        ...input,
        billingAddress: billing,
        shippingAddress: shippingSame ? billing : shipping,
        saveShippingAddress: input.saveShippingAddress && !shippingSame,
      },
    ).catch((error: unknown) => {
      // A second tab's checkout of a cart the first tab ordered: that order's page says so.
      const placedOrderId = isAppError(error) ? error.details?.placedOrderId : undefined;
      if (typeof placedOrderId === "string") redirect(`/orders/${placedOrderId}?alreadyPlaced=1`);
      throw error;
    });
    // A prepayment order's page shows the bank details: only a card order goes on to Stripe.
    if (order.status === "AWAITING_PAYMENT" && order.paymentMethod === "CARD") {
      let paymentUrl: string | null = null;
      try {
        ({ url: paymentUrl } = await startCardCheckout(
          getPrisma(),
          { userId: user.id, companyId: user.companyId },
          order.id,
        ));
      } catch (error) {
        // The order stands; its page offers the payment again.
        getLogger().warn(
          { err: error, orderId: order.id },
          "could not open Stripe Checkout after placing the order",
        );
      }
      if (paymentUrl) redirect(paymentUrl);
    }
    redirect(`/orders/${order.id}?placed=1`);
  },
  { failure: "place the order", adjustErrors: shippingErrorsOnBilling },
);
