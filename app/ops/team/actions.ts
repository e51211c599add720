"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOperationsUser } from "@/lib/companies/create-operations-user";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";

export const createOperationsUserAction = formAction(
  "ops.team.manage",
  z.object({ name: formText, email: formText, initialPassword: formText }),
  async (input, { user }) => {
    await createOperationsUser(getPrisma(), user.id, input);
    revalidatePath("/ops/team");
    return `${input.name} can now sign in with ${input.email.trim().toLowerCase()} and the initial password.`;
  },
  { failure: "create the account" },
);
