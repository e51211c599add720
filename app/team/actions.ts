"use server";

import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/prisma";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { requestEmailDelivery } from "@/lib/notifications/request-email-delivery";
import { inviteTeamMember } from "@/lib/team/invite-team-member";
import { setApprovalLimit } from "@/lib/team/set-approval-limit";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface TeamActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

export async function inviteAction(_previous: TeamActionState, formData: FormData): Promise<TeamActionState> {
  const user = await requireArea("buyer", "/team");
  let email: string;
  try {
    const invitation = await inviteTeamMember(
      getPrisma(),
      {
        userId: user.id,
        companyId: user.companyId,
        role: user.role,
        name: user.name,
        companyName: user.company.name,
      },
      { email: formData.get("email") ?? "", role: formData.get("role") ?? "" },
    );
    email = invitation.email;
  } catch (error) {
    return refusedFormState(error, "send the invitation", formData);
  }
  await requestEmailDelivery();
  revalidatePath("/team");
  return { success: `Invitation sent to ${email}.` };
}

export async function approvalLimitAction(
  _previous: TeamActionState,
  formData: FormData,
): Promise<TeamActionState> {
  const user = await requireArea("buyer", "/team");
  try {
    const cents = await setApprovalLimit(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role },
      formData.get("limitEuros") ?? "",
    );
    revalidatePath("/team");
    return { success: cents === null ? "Orders no longer need approval." : "Approval limit saved." };
  } catch (error) {
    return refusedFormState(error, "save the limit", formData);
  }
}
