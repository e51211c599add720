"use server";

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
import { formAction } from "@/lib/forms/form-action";

// Issue 21 (decision 0041): the partner's team, with the buyer's team's use-cases (lib/team/).

export const inviteAction = formAction(
  "supplier.team.manage",
  inviteFields,
  inviteHandler("/supplier/team"),
  {
    failure: "send the invitation",
  },
);

export const changeMemberRoleAction = formAction(
  "supplier.team.manage",
  memberRoleFields,
  changeRoleHandler("/supplier/team"),
  { failure: "change the role" },
);

export const removeMemberAction = formAction(
  "supplier.team.manage",
  memberFields,
  removeHandler("/supplier/team"),
  {
    failure: "remove the colleague",
  },
);

export const withdrawInvitationAction = formAction(
  "supplier.team.manage",
  invitationFields,
  withdrawHandler("/supplier/team"),
  { failure: "withdraw the invitation" },
);
