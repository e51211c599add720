"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { signIn } from "@/lib/auth/auth";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { acceptInvitation } from "@/lib/team/accept-invitation";

export interface AcceptInvitationState extends FormErrorState {
  /** What was typed, so a refused form shows it again: the name only, never the password. */
  values?: { name?: string };
}

export const acceptInvitationAction = guardedAction(
  "public",
  async (_user, _previous: AcceptInvitationState, formData: FormData): Promise<AcceptInvitationState> => {
    const name = String(formData.get("name") ?? "");
    const password = String(formData.get("password") ?? "");
    let email: string;
    try {
      ({ email } = await acceptInvitation(getPrisma(), String(formData.get("token") ?? ""), {
        name,
        password,
      }));
    } catch (error) {
      return { ...formStateFromError(error, "create your account"), values: { name } };
    }
    await signIn("credentials", { email, password, redirectTo: "/" });
    return {};
  },
);
