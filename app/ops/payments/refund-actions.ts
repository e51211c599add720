"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { recordBankRefund } from "@/lib/payments/record-bank-refund";
import { retryRefund } from "@/lib/payments/retry-refund";

const path = "/ops/payments";

// The failed refund leaves "Refunds to act on" on success, so success is told at the top of the page.

export const retryRefundAction = formAction(
  "ops.payments.manage",
  z.object({ refundId: formText }),
  async ({ refundId }, { user }) => {
    await retryRefund(getPrisma(), { userId: user.id }, refundId);
    revalidatePath(path);
    redirect(`${path}?done=refund-retried`);
  },
  { failure: "try the card refund again" },
);

export const recordBankRefundAction = formAction(
  "ops.payments.manage",
  z.object({ refundId: formText, reference: formText }),
  async ({ refundId, reference }, { user }) => {
    await recordBankRefund(getPrisma(), { userId: user.id }, refundId, { reference });
    revalidatePath(path);
    redirect(`${path}?done=refund-by-bank`);
  },
  { failure: "record the bank transfer" },
);
