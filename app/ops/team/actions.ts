"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/(auth)/actions";
import { createOperationsUser } from "@/lib/companies/create-operations-user";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError } from "@/lib/errors/form-state-from-error";

export const createOperationsUserAction = guardedAction(
  "ops.team.manage",
  async (user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const input = {
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      initialPassword: String(formData.get("initialPassword") ?? ""),
    };
    const values = { name: input.name, email: input.email };
    try {
      await createOperationsUser(getPrisma(), user.id, input);
    } catch (error) {
      return { ...formStateFromError(error, "create the account"), values };
    }
    revalidatePath("/ops/team");
    return {
      success: `${input.name} can now sign in with ${input.email.trim().toLowerCase()} and the initial password.`,
    };
  },
);
