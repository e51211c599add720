import { roleLabels } from "@/lib/auth/roles";
import type { UserRole } from "@/lib/db/generated/enums";
import { StackTable } from "@/app/_components/stack-table";
import { MemberRoleForm, RemoveMemberForm, WithdrawInvitationForm, type RoleChoices } from "./team-forms";
import { formatDeadline } from "@/lib/dates/format-deadline";

type TeamAction = Parameters<typeof MemberRoleForm>[0]["action"];

export interface TeamMembersProps {
  members: { id: string; name: string; email: string; role: UserRole; disabledAt: Date | null }[];
  invitations: { id: string; email: string; role: UserRole; expiresAt: Date }[];
  /** The signed-in user, whose own row has no remove button (another admin removes them). */
  currentUserId: string;
  /** Given to admins only: the row forms. */
  manage?: { roles: RoleChoices; changeRole: TeamAction; remove: TeamAction; withdraw: TeamAction };
}

/**
 * A company's team (a buyer's or a partner's): members with their roles and the open invitations. An
 * admin changes roles, removes colleagues and withdraws invitations in place; the server refuses to take
 * away the last admin (lib/team/).
 */
export function TeamMembers({ members, invitations, currentUserId, manage }: TeamMembersProps) {
  return (
    <StackTable columns={manage ? ["Name", "E-mail", "Role", ""] : ["Name", "E-mail", "Role"]}>
      {members.map((member) => {
        const active = !member.disabledAt;
        return (
          <tr key={member.id} data-testid="team-member">
            <td data-label="Name">{member.name}</td>
            <td data-label="E-mail">{member.email}</td>
            <td data-label="Role">
              {manage && active ? (
                <MemberRoleForm action={manage.changeRole} member={member} roles={manage.roles} />
              ) : (
                <>
                  {roleLabels[member.role]}
                  {active ? "" : " (removed)"}
                </>
              )}
            </td>
            {manage && (
              <td data-label="">
                {member.id !== currentUserId && (
                  <RemoveMemberForm action={manage.remove} member={member} removed={!active} />
                )}
              </td>
            )}
          </tr>
        );
      })}
      {invitations.map((invitation) => (
        <tr key={invitation.id} data-testid="team-invitation">
          <td data-label="Name" className="muted">
            Invited
          </td>
          <td data-label="E-mail">{invitation.email}</td>
          <td data-label="Role">
            {roleLabels[invitation.role]} · link valid until {formatDeadline(invitation.expiresAt)}
          </td>
          {manage && (
            <td data-label="">
              <WithdrawInvitationForm action={manage.withdraw} invitation={invitation} />
            </td>
          )}
        </tr>
      ))}
    </StackTable>
  );
}
