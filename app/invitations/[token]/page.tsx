import type { Metadata } from "next";
import { roleLabels } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { findOpenInvitation } from "@/lib/team/accept-invitation";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Join your team" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(getPrisma(), token).catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });
  return (
    <div className="narrow">
      {invitation instanceof Error ? (
        <>
          <h1>Invitation</h1>
          <p className="alert error">{invitation.message}</p>
        </>
      ) : (
        <>
          <h1>Join {invitation.company.name}</h1>
          <p className="muted">
            You are invited as {roleLabels[invitation.role].toLowerCase()}. Choose your name and password.
          </p>
          <div className="card">
            <AcceptInvitationForm token={token} email={invitation.email} />
          </div>
        </>
      )}
    </div>
  );
}
