"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { decideOrderApproval } from "@/lib/workflows/decide-order-approval";
import { fileComplaint } from "@/lib/workflows/file-complaint";
import { orderAgain } from "@/lib/orders/order-again";
import { rateOrderLine } from "@/lib/orders/rate-order-line";
import { cancelOrder } from "@/lib/workflows/cancel-order";
import { confirmDelivery } from "@/lib/workflows/confirm-delivery";
import { startCardCheckout } from "@/lib/payments/start-card-checkout";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface OrderActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

/**
 * A refused complaint: what was typed comes back, but chosen photos cannot (a browser never lets a page
 * fill in a file field), so the buyer is told next to the field to choose them again.
 */
function refusedComplaint(error: unknown, formData: FormData): OrderActionState {
  const state = refusedFormState(error, "file the complaint", formData);
  const photosChosen = formData.getAll("photos").some((value) => value instanceof File && value.size > 0);
  if (!photosChosen) return state;
  const again = "Please choose the photos again: they are not kept when a complaint is refused.";
  const photosError = state.fieldErrors?.photos;
  return {
    ...state,
    fieldErrors: { ...state.fieldErrors, photos: photosError ? `${photosError} ${again}` : again },
  };
}

export const decideApprovalAction = guardedAction(
  "order.approve",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await decideOrderApproval(
        getPrisma(),
        { userId: user.id, companyId: user.companyId, role: user.role, email: user.email },
        orderId,
        formData.get("decision") === "decline" ? "decline" : "approve",
      );
    } catch (error) {
      return formStateFromError(error, "record the decision");
    }
    revalidatePath(`/orders/${orderId}`);
    return { success: "Recorded." };
  },
);

export const rateLineAction = guardedAction(
  "order.rate",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    try {
      await rateOrderLine(
        getPrisma(),
        { companyId: user.companyId, userId: user.id },
        String(formData.get("orderLineId") ?? ""),
        {
          stars: formData.get("stars") ?? "",
          comment: formData.get("comment") ?? "",
        },
      );
    } catch (error) {
      return refusedFormState(error, "save the rating", formData);
    }
    revalidatePath(`/orders/${String(formData.get("orderId") ?? "")}`);
    return { success: "Thank you for rating." };
  },
);

export const complainAction = guardedAction(
  "order.complain",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    try {
      await fileComplaint(
        { db: getPrisma(), storage: getFileStorage() },
        { companyId: user.companyId, userId: user.id },
        String(formData.get("orderLineId") ?? ""),
        {
          text: formData.get("text") ?? "",
          photos: formData.getAll("photos").filter((value): value is File => value instanceof File),
        },
      );
    } catch (error) {
      return refusedComplaint(error, formData);
    }
    revalidatePath(`/orders/${String(formData.get("orderId") ?? "")}`);
    return { success: "Your complaint is filed; operations answer within one working day." };
  },
);

export const orderAgainAction = guardedAction(
  "cart.edit",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    let result: Awaited<ReturnType<typeof orderAgain>>;
    try {
      result = await orderAgain(
        getPrisma(),
        { companyId: user.companyId, userId: user.id },
        String(formData.get("orderId") ?? ""),
      );
    } catch (error) {
      return formStateFromError(error, "order again");
    }
    if (result.refused.length > 0)
      return {
        error: `${result.added.length} part(s) are in your cart at today's price. Not added: ${result.refused.map((entry) => `${entry.fileName} (${entry.reason})`).join("; ")}`,
      };
    redirect("/cart");
  },
);

/** Sends the buyer to Stripe's payment page for an order waiting for its card payment. */
export const payByCardAction = guardedAction(
  "order.pay",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    let url: string;
    try {
      ({ url } = await startCardCheckout(
        getPrisma(),
        { userId: user.id, companyId: user.companyId },
        orderId,
      ));
    } catch (error) {
      return formStateFromError(error, "open the payment page");
    }
    redirect(url);
  },
);

export const confirmDeliveryAction = guardedAction(
  "order.confirmDelivery",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await confirmDelivery(
        getPrisma(),
        { userId: user.id, companyId: user.companyId },
        String(formData.get("orderLineId") ?? ""),
      );
    } catch (error) {
      return formStateFromError(error, "confirm the delivery");
    }
    revalidatePath(`/orders/${orderId}`);
    return { success: "Thank you: delivery confirmed." };
  },
);

export const cancelOrderAction = guardedAction(
  "order.cancel",
  async (user, _previous: OrderActionState, formData: FormData): Promise<OrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await cancelOrder(
        getPrisma(),
        { userId: user.id, companyId: user.companyId, role: user.role },
        orderId,
        { reason: formData.get("reason") ?? "" },
      );
    } catch (error) {
      return refusedFormState(error, "cancel the order", formData);
    }
    revalidatePath(`/orders/${orderId}`);
    return { success: "The order is cancelled." };
  },
);
