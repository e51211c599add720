import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db/prisma";
import { formText } from "@/lib/forms/form-fields";
import { changeTeamMemberRole } from "@/lib/team/change-team-member-role";
import { inviteTeamMember } from "@/lib/team/invite-team-member";
import { removeTeamMember } from "@/lib/team/remove-team-member";
import type { RevokedKeysAndEndpoints } from "@/lib/team/revoke-keys-and-endpoints-made-by";
import { withdrawInvitation } from "@/lib/team/withdraw-invitation";

// The handlers behind both team pages' forms (the buyer's /team, the partner's /supplier/team): each page
// has its own actions file so each action carries its team's permission (lib/auth/guard-table.ts), and
// lib/team checks the role of the kind of team again.

export const inviteFields = z.object({ email: formText, role: formText });
export const memberRoleFields = z.object({ userId: formText, role: formText });
export const memberFields = z.object({ userId: formText });
export const invitationFields = z.object({ invitationId: formText });

const manager = (user: CurrentUser) => ({ userId: user.id, companyId: user.companyId, role: user.role });

export function inviteHandler(teamPath: string) {
  return async (input: z.output<typeof inviteFields>, { user }: { user: CurrentUser }) => {
    const invitation = await inviteTeamMember(
      getPrisma(),
      { ...manager(user), name: user.name, companyName: user.company.name },
      input,
    );
    revalidatePath(teamPath);
    return `Invitation sent to ${invitation.email}.`;
  };
}

export function changeRoleHandler(teamPath: string) {
  return async (input: z.output<typeof memberRoleFields>, { user }: { user: CurrentUser }) => {
    const { member, changed, revoked } = await changeTeamMemberRole(getPrisma(), manager(user), input);
    revalidatePath(teamPath);
    return changed
      ? `${member.name}'s role is changed; they sign in again.${revokedSentence(revoked)}`
      : "No change.";
  };
}

export function removeHandler(teamPath: string) {
  return async (input: z.output<typeof memberFields>, { user }: { user: CurrentUser }) => {
    const { member, revoked } = await removeTeamMember(getPrisma(), manager(user), input);
    revalidatePath(teamPath);
    return `${member.name} is removed from the team and signed out.${revokedSentence(revoked)}`;
  };
}

export function withdrawHandler(teamPath: string) {
  return async (input: z.output<typeof invitationFields>, { user }: { user: CurrentUser }) => {
    const invitation = await withdrawInvitation(getPrisma(), manager(user), input);
    revalidatePath(teamPath);
    return `The invitation of ${invitation.email} is withdrawn.`;
  };
}

/** " The 2 API keys and 1 webhook endpoint they created are revoked: …", or "" when there were none. */
function revokedSentence(revoked: RevokedKeysAndEndpoints | null): string {
  if (!revoked) return "";
  const { apiKeysRevoked: keys, webhookEndpointsRevoked: endpoints } = revoked;
  const named = [
    keys > 0 && `${keys} API ${keys === 1 ? "key" : "keys"}`,
    endpoints > 0 && `${endpoints} webhook ${endpoints === 1 ? "endpoint" : "endpoints"}`,
  ].filter(Boolean);
  if (named.length === 0) return "";
  return ` The ${named.join(" and ")} they created ${keys + endpoints === 1 ? "is" : "are"} revoked: create new ones for the systems that used ${keys + endpoints === 1 ? "it" : "them"}.`;
}
