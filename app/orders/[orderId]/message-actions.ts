"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { postJobMessage } from "@/lib/messages/post-job-message";

/** A buyer writes to operations about an order (operations pass on to the partner what it needs). */
export const postBuyerMessageAction = formAction(
  "shop.view",
  z.object({ orderId: formText, text: formText }),
  async ({ orderId, text }, { user }) => {
    await postJobMessage(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { side: "BUYER", orderId },
      { text },
    );
    revalidatePath(`/orders/${encodeURIComponent(orderId)}`);
    return "Sent to our operations team; you get their answer here and by e-mail.";
  },
  { failure: "send the message" },
);
