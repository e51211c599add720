import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { formatMoment } from "@/app/_components/format-dates";
import { RemoveMemberForm } from "@/app/_components/team/team-forms";
import { removeOperationsUserAction } from "./actions";
import { CreateOperationsUserForm } from "./create-operations-user-form";

export const metadata: Metadata = { title: "Operations team" };

export default async function OpsTeamPage() {
  const user = await requirePermission("ops.console", "/ops/team");
  const team = await getPrisma().user.findMany({
    where: { companyId: user.companyId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, lastSignInAt: true, disabledAt: true },
  });
  return (
    <>
      <h1>Operations team</h1>
      <p className="muted">
        Remove a colleague who left: their account is disabled and every browser signed in as them is signed
        out at once.
      </p>
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Last sign-in</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => (
              <tr key={member.id}>
                <td data-label="Name">{member.name}</td>
                <td data-label="E-mail">{member.email}</td>
                <td data-label="Last sign-in">
                  {member.disabledAt
                    ? "disabled"
                    : member.lastSignInAt
                      ? formatMoment(member.lastSignInAt)
                      : "never"}
                </td>
                <td data-label="">
                  {/* Nobody removes themselves, so the team keeps a member (decision 0122). */}
                  {member.id !== user.id && (
                    <RemoveMemberForm
                      action={removeOperationsUserAction}
                      member={member}
                      removed={Boolean(member.disabledAt)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a colleague</h2>
      <div className="card narrow" style={{ margin: 0 }}>
        <CreateOperationsUserForm />
      </div>
    </>
  );
}
