"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { decideCounteroffer } from "@/lib/counteroffers/decide-counteroffer";
import { startSupplementCheckout } from "@/lib/counteroffers/start-supplement-checkout";

/** The buyer accepts or declines a partner's later delivery date or higher price (decisions 0039, 0047). */
export const decideCounterofferAction = formAction(
  "order.place",
  z.object({ counterofferId: formText, decision: formText }),
  async ({ counterofferId, decision }, { user }) => {
    const { orderId, status, raisesPrice } = await decideCounteroffer(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { counterofferId, decision },
    );
    revalidatePath(`/orders/${orderId}`);
    if (raisesPrice)
      return status === "ACCEPTED"
        ? "Accepted: the partner makes the parts at the new price; the supplementary invoice is on this page."
        : "Declined: we are offering the line to another partner at your price.";
    return status === "ACCEPTED"
      ? "Accepted: the partner makes the parts for the new date; your price is unchanged."
      : "Declined: we are offering the line to another partner for your original date.";
  },
  { failure: "record your decision" },
);

/**
 * The buyer accepts a partner's higher price on a card or prepayment order by paying the difference on
 * Stripe's page (docs/decisions/0047); the webhook accepts the counteroffer once the money is in.
 */
export const payCounterofferDifferenceAction = formAction(
  "order.place",
  z.object({ counterofferId: formText }),
  async ({ counterofferId }, { user }) => {
    const { url } = await startSupplementCheckout(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      counterofferId,
    );
    redirect(url);
  },
  { failure: "open the payment page" },
);
