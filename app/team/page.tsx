import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { roleLabels } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { ApprovalLimitForm, InviteForm } from "./team-forms";
import { StackTable } from "@/app/_components/stack-table";
import twoCardsStyles from "@/app/_components/two-cards.module.css";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePermission("shop.view", "/team");
  const db = getPrisma();
  const [company, members, invitations] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: user.companyId } }),
    db.user.findMany({ where: { companyId: user.companyId }, orderBy: { createdAt: "asc" } }),
    db.teamInvitation.findMany({
      where: { companyId: user.companyId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const admin = may(user.role, "team.manage");
  return (
    <>
      <h1>Team of {company.name}</h1>
      <StackTable columns={["Name", "E-mail", "Role"]}>
        {members.map((member) => (
          <tr key={member.id}>
            <td data-label="Name">{member.name}</td>
            <td data-label="E-mail">{member.email}</td>
            <td data-label="Role">
              {roleLabels[member.role]}
              {member.disabledAt ? " (disabled)" : ""}
            </td>
          </tr>
        ))}
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <td data-label="Name" className="muted">
              Invited
            </td>
            <td data-label="E-mail">{invitation.email}</td>
            <td data-label="Role">
              {roleLabels[invitation.role]} · link valid until{" "}
              {invitation.expiresAt.toISOString().slice(0, 10)}
            </td>
          </tr>
        ))}
      </StackTable>
      {admin ? (
        <div className={twoCardsStyles.twoCards}>
          <section className="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite a colleague</h2>
            <InviteForm />
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
