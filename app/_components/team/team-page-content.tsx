import type { ReactNode } from "react";
import type { UserRole } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { loadTeam } from "@/lib/team/load-team";
import { roleChoicesOf, teamKindOf } from "@/lib/team/team-roles";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import { CalendarFeedCard } from "./calendar-feed-card";
import { InviteForm } from "./team-forms";
import { TeamMembers } from "./team-members";
import styles from "./team.module.css";

type TeamAction = Parameters<typeof InviteForm>[0]["action"];
type TeamCompany = Awaited<ReturnType<typeof loadTeam>>["company"];

/**
 * The team page of a buyer company (/team) and of a partner (/supplier/team), which differ only in their
 * permissions (the page checks them and passes `admin`), their server actions and what an admin sees
 * beside the invitation: the buyer's approval limit (`besideInvite`). Decision 0048: the two pages had
 * the same 15 lines.
 */
export async function TeamPageContent({
  user,
  admin,
  actions,
  listRoles = false,
  besideInvite,
  notAdminNote,
}: {
  user: { id: string; companyId: string; role: UserRole };
  admin: boolean;
  /** The page's server actions module (`import * as actions from "./actions"`). */
  actions: {
    inviteAction: TeamAction;
    changeMemberRoleAction: TeamAction;
    removeMemberAction: TeamAction;
    withdrawInvitationAction: TeamAction;
  };
  /** Names the roles the company's users can have above the table (the partner's three). */
  listRoles?: boolean;
  /** An admin's second card beside the invitation. */
  besideInvite?: (company: TeamCompany) => ReactNode;
  /** What a user who is not an admin reads instead of the invitation. */
  notAdminNote: string;
}) {
  const { company, members, invitations } = await loadTeam(getPrisma(), user.companyId);
  const roles = roleChoicesOf(teamKindOf(user.role)!);
  const invite = (
    <section className={besideInvite ? "card" : `card ${styles.inviteCard}`} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a colleague</h2>
      <InviteForm action={actions.inviteAction} roles={roles} />
    </section>
  );
  return (
    <>
      <h1>Team of {company.name}</h1>
      {listRoles && (
        <ul className="muted">
          {roles.map((role) => (
            <li key={role.value}>{role.label}</li>
          ))}
        </ul>
      )}
      <TeamMembers
        members={members}
        invitations={invitations}
        currentUserId={user.id}
        manage={
          admin
            ? {
                roles,
                changeRole: actions.changeMemberRoleAction,
                remove: actions.removeMemberAction,
                withdraw: actions.withdrawInvitationAction,
              }
            : undefined
        }
      />
      {!admin ? (
        <p className="muted">{notAdminNote}</p>
      ) : besideInvite ? (
        <div className={twoCardsStyles.twoCards}>
          {invite}
          {besideInvite(company)}
        </div>
      ) : (
        invite
      )}
      <CalendarFeedCard user={user} />
    </>
  );
}
