"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { getPrisma } from "@/lib/db/prisma";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { inviteTeamMember } from "@/lib/team/invite-team-member";
import { setApprovalLimit } from "@/lib/team/set-approval-limit";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface TeamActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

export const inviteAction = guardedAction(
  "team.manage",
  async (user, _previous: TeamActionState, formData: FormData): Promise<TeamActionState> => {
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
    revalidatePath("/team");
    return { success: `Invitation sent to ${email}.` };
  },
);

export const approvalLimitAction = guardedAction(
  "team.manage",
  async (user, _previous: TeamActionState, formData: FormData): Promise<TeamActionState> => {
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
  },
);
