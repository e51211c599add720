"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { answerManualQuote } from "@/lib/quotes/answer-manual-quote";
import { declineManualQuote } from "@/lib/quotes/decline-manual-quote";

function requestPath(requestId: string): string {
  return `/ops/quotes/${encodeURIComponent(requestId)}`;
}

// Both forms leave the page on success (an answered or declined request has no forms), so the page says
// what happened after the redirect.

export const answerManualQuoteAction = formAction(
  "ops.quotes.answer",
  z.object({
    requestId: formText,
    unitPriceEuros: formText,
    supplierUnitCostEuros: formText,
    deliveryDate: formText,
    validityDays: formText,
    note: formText,
    estimatedMachineHours: formText,
  }),
  async ({ requestId, ...answer }, { user }) => {
    await answerManualQuote(getPrisma(), { userId: user.id }, requestId, answer);
    revalidatePath("/ops/quotes");
    redirect(`${requestPath(requestId)}?done=answered`);
  },
  { failure: "send the quote" },
);

export const declineManualQuoteAction = formAction(
  "ops.quotes.answer",
  z.object({ requestId: formText, reason: formText }),
  async ({ requestId, reason }, { user }) => {
    await declineManualQuote(getPrisma(), { userId: user.id }, requestId, { reason });
    revalidatePath("/ops/quotes");
    redirect(`${requestPath(requestId)}?done=declined`);
  },
  { failure: "decline the request" },
);
