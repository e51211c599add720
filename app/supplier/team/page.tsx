import type { Metadata } from "next";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { TeamPageContent } from "@/app/_components/team/team-page-content";
import * as actions from "./actions";
import { WebhookEndpointsSection } from "@/app/_components/team/webhook-endpoints-section";

export const metadata: Metadata = { title: "Team" };

/** The partner's team (issue 21, decision 0041): everyone sees it; the admin invites, changes roles, removes. */
export default async function SupplierTeamPage() {
  const user = await requirePermission("supplier.portal", "/supplier/team");
  return (
    <>
      <TeamPageContent
        user={user}
        admin={may(user.role, "supplier.team.manage", user.company.status)}
        actions={actions}
        listRoles
        notAdminNote="An admin of your company invites colleagues and changes their roles."
      />
      {may(user.role, "webhooks.manage", user.company.status) && (
        <WebhookEndpointsSection companyId={user.companyId} companyKind={user.company.kind} />
      )}
    </>
  );
}
