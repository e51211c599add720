"use server";

import { signIn } from "@/lib/auth/auth";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { acceptInvitation } from "@/lib/team/accept-invitation";

export async function acceptInvitationAction(
  _previous: FormErrorState,
  formData: FormData,
): Promise<FormErrorState> {
  const password = String(formData.get("password") ?? "");
  let email: string;
  try {
    ({ email } = await acceptInvitation(getPrisma(), String(formData.get("token") ?? ""), {
      name: formData.get("name") ?? "",
      password,
    }));
  } catch (error) {
    return formStateFromError(error, "create your account");
  }
  await signIn("credentials", { email, password, redirectTo: "/" });
  return {};
}
