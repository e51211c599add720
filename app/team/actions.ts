"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  changeRoleHandler,
  invitationFields,
  inviteFields,
  inviteHandler,
  memberFields,
  memberRoleFields,
  removeHandler,
  withdrawHandler,
} from "@/app/_components/team/team-action-handlers";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { setApprovalLimit } from "@/lib/team/set-approval-limit";

export const inviteAction = formAction("team.manage", inviteFields, inviteHandler("/team"), {
  failure: "send the invitation",
});

export const changeMemberRoleAction = formAction(
  "team.manage",
  memberRoleFields,
  changeRoleHandler("/team"),
  {
    failure: "change the role",
  },
);

export const removeMemberAction = formAction("team.manage", memberFields, removeHandler("/team"), {
  failure: "remove the colleague",
});

export const withdrawInvitationAction = formAction(
  "team.manage",
  invitationFields,
  withdrawHandler("/team"),
  {
    failure: "withdraw the invitation",
  },
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
