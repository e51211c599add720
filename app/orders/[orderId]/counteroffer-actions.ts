"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { decideCounteroffer } from "@/lib/counteroffers/decide-counteroffer";

/** The buyer accepts or declines a partner's later delivery date (docs/decisions/0039). */
export const decideCounterofferAction = formAction(
  "order.place",
  z.object({ counterofferId: formText, decision: formText }),
  async ({ counterofferId, decision }, { user }) => {
    const { orderId, status } = await decideCounteroffer(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { counterofferId, decision },
    );
    revalidatePath(`/orders/${orderId}`);
    return status === "ACCEPTED"
      ? "Accepted: the partner makes the parts for the new date; your price is unchanged."
      : "Declined: we are offering the line to another partner for your original date.";
  },
  { failure: "record your decision" },
);
