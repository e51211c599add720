"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { answerManualQuote } from "@/lib/quotes/answer-manual-quote";
import { declineManualQuote } from "@/lib/quotes/decline-manual-quote";

export interface ManualQuoteActionState extends FormErrorState {
  /** What was typed, so a refused form shows it again (React resets a form after its action). */
  values?: Record<string, string>;
}

const answerFields = [
  "unitPriceEuros",
  "supplierUnitCostEuros",
  "deliveryDate",
  "validityDays",
  "note",
  "estimatedMachineHours",
] as const;

function requestPath(requestId: string): string {
  return `/ops/quotes/${encodeURIComponent(requestId)}`;
}

// Both forms leave the page on success (an answered or declined request has no forms), so the page says
// what happened after the redirect.

export const answerManualQuoteAction = guardedAction(
  "ops.quotes.answer",
  async (user, _previous: ManualQuoteActionState, formData: FormData): Promise<ManualQuoteActionState> => {
    const requestId = String(formData.get("requestId") ?? "");
    const values = Object.fromEntries(
      answerFields.map((field) => [field, String(formData.get(field) ?? "")]),
    );
    try {
      await answerManualQuote(getPrisma(), { userId: user.id }, requestId, values);
    } catch (error) {
      return { ...formStateFromError(error, "send the quote"), values };
    }
    revalidatePath("/ops/quotes");
    redirect(`${requestPath(requestId)}?done=answered`);
  },
);

export const declineManualQuoteAction = guardedAction(
  "ops.quotes.answer",
  async (user, _previous: ManualQuoteActionState, formData: FormData): Promise<ManualQuoteActionState> => {
    const requestId = String(formData.get("requestId") ?? "");
    const values = { reason: String(formData.get("reason") ?? "") };
    try {
      await declineManualQuote(getPrisma(), { userId: user.id }, requestId, values);
    } catch (error) {
      return { ...formStateFromError(error, "decline the request"), values };
    }
    revalidatePath("/ops/quotes");
    redirect(`${requestPath(requestId)}?done=declined`);
  },
);
