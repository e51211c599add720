import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { loadTeam } from "@/lib/team/load-team";
import { roleChoicesOf, teamKindOf } from "@/lib/team/team-roles";
import { TeamMembers } from "@/app/_components/team/team-members";
import { InviteForm } from "@/app/_components/team/team-forms";
import teamStyles from "@/app/_components/team/team.module.css";
import {
  changeMemberRoleAction,
  inviteAction,
  removeMemberAction,
  withdrawInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Team" };

/** The partner's team (issue 21, decision 0041): everyone sees it; the admin invites, changes roles, removes. */
export default async function SupplierTeamPage() {
  const user = await requirePermission("supplier.portal", "/supplier/team");
  const { company, members, invitations } = await loadTeam(getPrisma(), user.companyId);
  const admin = may(user.role, "supplier.team.manage", user.company.status);
  const roles = roleChoicesOf(teamKindOf(user.role)!);
  return (
    <>
      <h1>Team of {company.name}</h1>
      <ul className="muted">
        {roles.map((role) => (
          <li key={role.value}>{role.label}</li>
        ))}
      </ul>
      <TeamMembers
        members={members}
        invitations={invitations}
        currentUserId={user.id}
        manage={
          admin
            ? {
                roles,
                changeRole: changeMemberRoleAction,
                remove: removeMemberAction,
                withdraw: withdrawInvitationAction,
              }
            : undefined
        }
      />
      {admin ? (
        <section className={`card ${teamStyles.inviteCard}`} aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite a colleague</h2>
          <InviteForm action={inviteAction} roles={roles} />
        </section>
      ) : (
        <p className="muted">An admin of your company invites colleagues and changes their roles.</p>
      )}
    </>
  );
}
