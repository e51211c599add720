"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { reofferOrderLine } from "@/lib/matching/reoffer-order-line";
import { cancelOrder } from "@/lib/workflows/cancel-order";
import { decideComplaint } from "@/lib/workflows/decide-complaint";
import { recordRemake } from "@/lib/workflows/record-remake";
import { refundByOperations } from "@/lib/payments/refund-by-operations";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface OpsOrderActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

/** A refused form: its errors (the refund functions name their amount "amount") and what was typed. */
function refused(
  error: unknown,
  what: string,
  formData: FormData,
  amountField?: string,
): OpsOrderActionState {
  const state = refusedFormState(error, what, formData);
  if (amountField && state.fieldErrors?.amount) {
    const { amount, ...others } = state.fieldErrors;
    state.fieldErrors = { ...others, [amountField]: amount };
  }
  return state;
}

function orderPath(orderId: string): string {
  return `/ops/orders/${encodeURIComponent(orderId)}`;
}

// Each form below leaves the page or changes what it shows on success (a decided complaint has no form,
// a cancelled order no refund or cancel form), so success is told at the top of the page after a redirect.

export const decideComplaintAction = guardedAction(
  "ops.orders.manage",
  async (user, _previous: OpsOrderActionState, formData: FormData): Promise<OpsOrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await decideComplaint(getPrisma(), { userId: user.id }, String(formData.get("complaintId") ?? ""), {
        decision: formData.get("decision") ?? undefined,
        resolution: formData.get("resolution") ?? "",
        refundEuros: formData.get("refundEuros") ?? undefined,
        supplierPayout: formData.get("supplierPayout") ?? undefined,
      });
    } catch (error) {
      return refused(error, "record the decision", formData, "refundEuros");
    }
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=complaint-decided`);
  },
);

export const refundAction = guardedAction(
  "ops.orders.manage",
  async (user, _previous: OpsOrderActionState, formData: FormData): Promise<OpsOrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    let byCard: boolean;
    try {
      const { refundId } = await refundByOperations(getPrisma(), { userId: user.id }, orderId, {
        amountEuros: formData.get("amountEuros") ?? "",
        reason: formData.get("reason") ?? "",
      });
      byCard = refundId !== null;
    } catch (error) {
      return refused(error, "refund the buyer", formData, "amountEuros");
    }
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=${byCard ? "refund-card" : "refund-credit-note"}`);
  },
);

export const cancelOrderAction = guardedAction(
  "ops.orders.manage",
  async (user, _previous: OpsOrderActionState, formData: FormData): Promise<OpsOrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await cancelOrder(
        getPrisma(),
        { userId: user.id, companyId: user.companyId, role: "OPERATIONS" },
        orderId,
        { reason: formData.get("reason") ?? "" },
      );
    } catch (error) {
      return refused(error, "cancel the order", formData);
    }
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=cancelled`);
  },
);

export const reofferAction = guardedAction(
  "ops.orders.manage",
  async (user, _previous: OpsOrderActionState, formData: FormData): Promise<OpsOrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    try {
      await reofferOrderLine(getPrisma(), { userId: user.id }, String(formData.get("orderLineId") ?? ""), {
        supplierCompanyId: formData.get("supplierCompanyId") ?? "",
      });
    } catch (error) {
      return refused(error, "offer the line", formData);
    }
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=reoffered`);
  },
);

export const recordRemakeAction = guardedAction(
  "ops.orders.manage",
  async (user, _previous: OpsOrderActionState, formData: FormData): Promise<OpsOrderActionState> => {
    const orderId = String(formData.get("orderId") ?? "");
    let awaitsMatch: boolean;
    const values = Object.fromEntries(
      ["reason", "deliveryDate", "quantity", "maker", "supplierPriceEuros"].map((name) => [
        name,
        String(formData.get(name) ?? ""),
      ]),
    );
    try {
      const remake = await recordRemake(
        getPrisma(),
        { userId: user.id },
        String(formData.get("orderLineId") ?? ""),
        { ...values, maker: values.maker || undefined },
      );
      awaitsMatch = remake.awaitsMatch;
    } catch (error) {
      return refused(error, "record the remake", formData);
    }
    revalidatePath(orderPath(orderId));
    redirect(`${orderPath(orderId)}?done=${awaitsMatch ? "remake-matching" : "remake-recorded"}`);
  },
);
