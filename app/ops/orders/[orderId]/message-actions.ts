"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { postJobMessage } from "@/lib/messages/post-job-message";

const orderPath = (orderId: string) => `/ops/orders/${encodeURIComponent(orderId)}`;

/** Operations write to a line's partner, optionally passing on a buyer question in their own words. */
export const postOpsSupplierMessageAction = formAction(
  "ops.orders.manage",
  z.object({
    orderId: formText,
    orderLineId: formText,
    text: formText,
    forwardedFromId: z.string().optional(),
  }),
  async ({ orderId, orderLineId, text, forwardedFromId }, { user }) => {
    await postJobMessage(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { side: "OPERATIONS", thread: "PARTNER", orderLineId, forwardedFromId: forwardedFromId || undefined },
      { text },
    );
    revalidatePath(orderPath(orderId));
    return "Sent to the partner.";
  },
  { failure: "send the message" },
);

/** Operations answer the buyer on the order. */
export const postOpsBuyerMessageAction = formAction(
  "ops.orders.manage",
  z.object({ orderId: formText, text: formText }),
  async ({ orderId, text }, { user }) => {
    await postJobMessage(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      { side: "OPERATIONS", thread: "BUYER", orderId },
      { text },
    );
    revalidatePath(orderPath(orderId));
    return "Sent to the buyer.";
  },
  { failure: "send the message" },
);
