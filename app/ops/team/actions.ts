"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/(auth)/actions";
import { requireArea } from "@/lib/auth/current-user";
import { createOperationsUser } from "@/lib/companies/create-operations-user";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError } from "@/lib/errors/form-state-from-error";

export async function createOperationsUserAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const creator = await requireArea("ops", "/ops/team");
  const input = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    initialPassword: String(formData.get("initialPassword") ?? ""),
  };
  const values = { name: input.name, email: input.email };
  try {
    await createOperationsUser(getPrisma(), creator.id, input);
  } catch (error) {
    return { ...formStateFromError(error, "create the account"), values };
  }
  revalidatePath("/ops/team");
  return {
    success: `${input.name} can now sign in with ${input.email.trim().toLowerCase()} and the initial password.`,
  };
}
