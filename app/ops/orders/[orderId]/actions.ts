"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { reofferOrderLine } from "@/lib/matching/reoffer-order-line";
import { refundByOperations } from "@/lib/payments/refund-by-operations";
import { cancelOrder } from "@/lib/workflows/cancel-order";
import { decideComplaint } from "@/lib/workflows/decide-complaint";
import { recordRemake } from "@/lib/workflows/record-remake";

/** The refund functions name their amount "amount": the refusal goes next to the form's own field. */
const amountErrorsOn =
  (field: string) =>
  ({ amount, ...others }: Record<string, string[]>): Record<string, string[]> =>
    amount ? { ...others, [field]: amount } : others;

function orderPath(orderId: string): string {
  return `/ops/orders/${encodeURIComponent(orderId)}`;
}

// Each form below leaves the page or changes what it shows on success (a decided complaint has no form,
// a cancelled order no refund or cancel form), so success is told at the top of the page after a redirect.

export const decideComplaintAction = formAction(
  "ops.orders.manage",
  z.object({
    orderId: formText,
    complaintId: formText,
    decision: z.string().optional(),
    resolution: formText,
    refundEuros: z.string().optional(),
    supplierPayout: z.string().optional(),
    earlyDecisionReason: z.string().optional(),
  }),
  async ({ orderId, complaintId, ...decision }, { user }) => {
    await decideComplaint(getPrisma(), { userId: user.id }, complaintId, decision);
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=complaint-decided`);
  },
  { failure: "record the decision", adjustErrors: amountErrorsOn("refundEuros") },
);

export const refundAction = formAction(
  "ops.orders.manage",
  z.object({ orderId: formText, amountEuros: formText, reason: formText }),
  async ({ orderId, ...refund }, { user }) => {
    const { refundId } = await refundByOperations(getPrisma(), { userId: user.id }, orderId, refund);
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=${refundId !== null ? "refund-card" : "refund-credit-note"}`);
  },
  { failure: "refund the buyer", adjustErrors: amountErrorsOn("amountEuros") },
);

export const cancelOrderAction = formAction(
  "ops.orders.manage",
  z.object({ orderId: formText, reason: formText }),
  async ({ orderId, reason }, { user }) => {
    await cancelOrder(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: "OPERATIONS" },
      orderId,
      { reason },
    );
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=cancelled`);
  },
  // cancelOrder parses the reason on its own, so its refusal has no path.
  { failure: "cancel the order", valueField: "reason" },
);

export const reofferAction = formAction(
  "ops.orders.manage",
  z.object({ orderId: formText, orderLineId: formText, supplierCompanyId: formText }),
  async ({ orderId, orderLineId, supplierCompanyId }, { user }) => {
    await reofferOrderLine(getPrisma(), { userId: user.id }, orderLineId, { supplierCompanyId });
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=reoffered`);
  },
  { failure: "offer the line" },
);

export const recordRemakeAction = formAction(
  "ops.orders.manage",
  z.object({
    orderId: formText,
    orderLineId: formText,
    reason: formText,
    deliveryDate: formText,
    quantity: formText,
    maker: z.string().optional(),
    supplierPriceEuros: formText,
  }),
  async ({ orderId, orderLineId, ...remake }, { user }) => {
    const recorded = await recordRemake(getPrisma(), { userId: user.id }, orderLineId, remake);
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=${recorded.awaitsMatch ? "remake-matching" : "remake-recorded"}`);
  },
  { failure: "record the remake" },
);
