import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { TeamPageContent } from "@/app/_components/team/team-page-content";
import * as actions from "./actions";
import { ApprovalLimitForm } from "./team-forms";
import { WebhookEndpointsSection } from "@/app/_components/team/webhook-endpoints-section";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requirePermission("shop.view", "/team");
  return (
    <>
      <TeamPageContent
        user={user}
        admin={may(user.role, "team.manage")}
        actions={actions}
        besideInvite={(company) => (
          <section className="card" aria-labelledby="limit-heading">
            <h2 id="limit-heading">Approval limit</h2>
            <ApprovalLimitForm
              limitEuros={
                company.orderApprovalLimitCents === null ? "" : String(company.orderApprovalLimitCents / 100)
              }
            />
          </section>
        )}
        notAdminNote="An admin of your company invites colleagues and sets the approval limit."
      />
      {may(user.role, "webhooks.manage", user.company.status) && (
        <WebhookEndpointsSection companyId={user.companyId} companyKind={user.company.kind} />
      )}
    </>
  );
}
