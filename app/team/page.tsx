import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { loadTeam } from "@/lib/team/load-team";
import { roleChoicesOf, teamKindOf } from "@/lib/team/team-roles";
import { TeamMembers } from "@/app/_components/team/team-members";
import { InviteForm } from "@/app/_components/team/team-forms";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import {
  changeMemberRoleAction,
  inviteAction,
  removeMemberAction,
  withdrawInvitationAction,
} from "./actions";
import { ApprovalLimitForm } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePermission("shop.view", "/team");
  const { company, members, invitations } = await loadTeam(getPrisma(), user.companyId);
  const admin = may(user.role, "team.manage");
  const roles = roleChoicesOf(teamKindOf(user.role)!);
  return (
    <>
      <h1>Team of {company.name}</h1>
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
        <div className={twoCardsStyles.twoCards}>
          <section className="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite a colleague</h2>
            <InviteForm action={inviteAction} roles={roles} />
          </section>
          <section className="card" aria-labelledby="limit-heading">
            <h2 id="limit-heading">Approval limit</h2>
            <ApprovalLimitForm
              limitEuros={
                company.orderApprovalLimitCents === null ? "" : String(company.orderApprovalLimitCents / 100)
              }
            />
          </section>
        </div>
      ) : (
        <p className="muted">An admin of your company invites colleagues and sets the approval limit.</p>
      )}
    </>
  );
}
