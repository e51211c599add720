"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { saveExceptionFollowUp } from "@/lib/exceptions/save-exception-follow-up";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";

export const saveExceptionFollowUpAction = formAction(
  "ops.orders.manage",
  z.object({ key: formText, ownerUserId: formText, note: formText }),
  async (input, { user }) => {
    await saveExceptionFollowUp(getPrisma(), { userId: user.id }, input);
    revalidatePath("/ops/exceptions");
    return "Owner and note saved.";
  },
  { failure: "save the owner and the note" },
);
