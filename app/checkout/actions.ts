"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { typedFormValues } from "@/lib/errors/typed-form-values";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { getLogger } from "@/lib/logging/logger";
import { placeOrder } from "@/lib/orders/place-order";
import { startCardCheckout } from "@/lib/payments/start-card-checkout";

export interface CheckoutState extends FormErrorState {
  values?: Record<string, string>;
}

function addressFrom(formData: FormData, prefix: "billing" | "shipping") {
  const field = (name: string) => String(formData.get(`${prefix}.${name}`) ?? "");
  return {
    name: field("name"),
    line: field("line"),
    postalCode: field("postalCode"),
    city: field("city"),
    countryCode: field("countryCode"),
  };
}

/** Places the order from the cart; on success goes to the order's page with its confirmation. */
export const placeOrderAction = guardedAction(
  "order.place",
  async (user, _previous: CheckoutState, formData: FormData): Promise<CheckoutState> => {
    const billingAddress = addressFrom(formData, "billing");
    const sameAddress = formData.get("shippingSame") === "on";
    const input = {
      companyName: String(formData.get("companyName") ?? ""),
      vatNumber: String(formData.get("vatNumber") ?? ""),
      billingAddress,
      shippingAddress: sameAddress ? billingAddress : addressFrom(formData, "shipping"),
      paymentMethod: String(formData.get("paymentMethod") ?? ""),
      requiredCountryCode: String(formData.get("requiredCountryCode") ?? ""),
      requiredCertificates: formData.getAll("requiredCertificates").map(String),
    };
    const values = typedFormValues(formData);
    values.requiredCertificates = input.requiredCertificates.join(",");
    let orderId: string;
    let awaitingCard = false;
    try {
      const order = await placeOrder(
        getPrisma(),
        { userId: user.id, companyId: user.companyId, role: user.role, email: user.email },
        input,
      );
      orderId = order.id;
      awaitingCard = order.status === "AWAITING_PAYMENT";
    } catch (error) {
      const state = formStateFromError(error, "place the order");
      // With "same as billing", a shipping error belongs to the billing field.
      if (sameAddress && state.fieldErrors)
        for (const [key, message] of Object.entries(state.fieldErrors))
          if (key.startsWith("shippingAddress."))
            state.fieldErrors[key.replace("shipping", "billing")] ??= message;
      return { ...state, values };
    }
    if (awaitingCard) {
      let paymentUrl: string | null = null;
      try {
        ({ url: paymentUrl } = await startCardCheckout(
          getPrisma(),
          { userId: user.id, companyId: user.companyId },
          orderId,
        ));
      } catch (error) {
        // The order stands; its page offers the payment again.
        getLogger().warn({ err: error, orderId }, "could not open Stripe Checkout after placing the order");
      }
      if (paymentUrl) redirect(paymentUrl);
    }
    redirect(`/orders/${orderId}?placed=1`);
  },
);
