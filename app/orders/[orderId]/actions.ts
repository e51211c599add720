"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { orderAgain } from "@/lib/orders/order-again";
import { rateOrderLine } from "@/lib/orders/rate-order-line";
import { startCardCheckout } from "@/lib/payments/start-card-checkout";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { cancelOrder } from "@/lib/workflows/cancel-order";
import { confirmDelivery } from "@/lib/workflows/confirm-delivery";
import { confirmNoComplaint } from "@/lib/workflows/confirm-no-complaint";
import { decideOrderApproval } from "@/lib/workflows/decide-order-approval";
import { fileComplaint } from "@/lib/workflows/file-complaint";

const orderLine = { orderId: formText, orderLineId: formText };

export const decideApprovalAction = formAction(
  "order.approve",
  z.object({ orderId: formText, decision: formText }),
  async ({ orderId, decision }, { user }) => {
    await decideOrderApproval(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role, email: user.email },
      orderId,
      decision === "decline" ? "decline" : "approve",
    );
    revalidatePath(`/orders/${orderId}`);
    return "Recorded.";
  },
  { failure: "record the decision" },
);

export const rateLineAction = formAction(
  "order.rate",
  z.object({ ...orderLine, stars: formText, comment: formText }),
  async ({ orderId, orderLineId, ...rating }, { user }) => {
    await rateOrderLine(getPrisma(), { companyId: user.companyId, userId: user.id }, orderLineId, rating);
    revalidatePath(`/orders/${orderId}`);
    return "Thank you for rating.";
  },
  { failure: "save the rating" },
);

export const complainAction = formAction(
  "order.complain",
  z.object({ ...orderLine, text: formText, photos: z.array(z.instanceof(File)).default([]) }),
  async ({ orderId, orderLineId, text, photos }, { user }) => {
    // Chosen photos stay chosen after a refusal: the form is not reset then (lib/forms/use-form-action.ts).
    await fileComplaint(
      { db: getPrisma(), storage: getFileStorage() },
      { companyId: user.companyId, userId: user.id },
      orderLineId,
      { text, photos },
    );
    revalidatePath(`/orders/${orderId}`);
    return "Your complaint is filed; operations answer within one working day.";
  },
  { failure: "file the complaint" },
);

export const orderAgainAction = formAction(
  "cart.edit",
  z.object({ orderId: formText }),
  async ({ orderId }, { user }) => {
    const result = await orderAgain(getPrisma(), { companyId: user.companyId, userId: user.id }, orderId);
    if (result.refused.length > 0)
      throw new AppError(
        "conflict",
        `${result.added.length} part(s) are in your cart at today's price. Not added: ${result.refused.map((entry) => `${entry.fileName} (${entry.reason})`).join("; ")}`,
      );
    redirect("/cart");
  },
  { failure: "order again" },
);

/** Sends the buyer to Stripe's payment page for an order waiting for its card payment. */
export const payByCardAction = formAction(
  "order.pay",
  z.object({ orderId: formText }),
  async ({ orderId }, { user }) => {
    const { url } = await startCardCheckout(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      orderId,
    );
    redirect(url);
  },
  { failure: "open the payment page" },
);

export const confirmDeliveryAction = formAction(
  "order.confirmDelivery",
  z.object(orderLine),
  async ({ orderId, orderLineId }, { user }) => {
    await confirmDelivery(getPrisma(), { userId: user.id, companyId: user.companyId }, orderLineId);
    revalidatePath(`/orders/${orderId}`);
    return "Thank you: delivery confirmed.";
  },
  { failure: "confirm the delivery" },
);

/** The buyer gives up the rest of a delivered line's complaint window: the partner is paid now. */
export const confirmNoComplaintAction = formAction(
  "order.confirmDelivery",
  z.object(orderLine),
  async ({ orderId, orderLineId }, { user }) => {
    await confirmNoComplaint(getPrisma(), { userId: user.id, companyId: user.companyId }, orderLineId);
    revalidatePath(`/orders/${orderId}`);
    return "Thank you: no complaint is recorded for this part, and the partner is paid now.";
  },
  { failure: "record that there is no complaint" },
);

export const cancelOrderAction = formAction(
  "order.cancel",
  z.object({ orderId: formText, reason: formText }),
  async ({ orderId, reason }, { user }) => {
    await cancelOrder(getPrisma(), { userId: user.id, companyId: user.companyId, role: user.role }, orderId, {
      reason,
    });
    revalidatePath(`/orders/${orderId}`);
    return "The order is cancelled.";
  },
  { failure: "cancel the order" },
);
