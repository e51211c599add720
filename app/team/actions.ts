"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { inviteTeamMember } from "@/lib/team/invite-team-member";
import { setApprovalLimit } from "@/lib/team/set-approval-limit";

export const inviteAction = formAction(
  "team.manage",
  z.object({ email: formText, role: formText }),
  async (input, { user }) => {
    const invitation = await inviteTeamMember(
      getPrisma(),
      {
        userId: user.id,
        companyId: user.companyId,
        role: user.role,
        name: user.name,
        companyName: user.company.name,
      },
      input,
    );
    revalidatePath("/team");
    return `Invitation sent to ${invitation.email}.`;
  },
  { failure: "send the invitation" },
);

export const approvalLimitAction = formAction(
  "team.manage",
  z.object({ limitEuros: formText }),
  async ({ limitEuros }, { user }) => {
    const cents = await setApprovalLimit(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role },
      limitEuros,
    );
    revalidatePath("/team");
    return cents === null ? "Orders no longer need approval." : "Approval limit saved.";
  },
  { failure: "save the limit", valueField: "limitEuros" },
);
