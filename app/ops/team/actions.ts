"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOperationsUser } from "@/lib/companies/create-operations-user";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { removeOperationsUser } from "@/lib/team/remove-operations-user";

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

export const removeOperationsUserAction = formAction(
  "ops.team.manage",
  z.object({ userId: formText }),
  async (input, { user }) => {
    const { member } = await removeOperationsUser(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role },
      input,
    );
    revalidatePath("/ops/team");
    return `${member.name} is removed from the operations team and signed out.`;
  },
  { failure: "remove the colleague" },
);
