import type { Metadata } from "next";
import Link from "next/link";
import { findOpenEmailToken } from "@/lib/account/find-open-email-token";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** The reset e-mail's link. Opening it changes nothing; the form sets the new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenEmailToken(getPrisma(), token, "PASSWORD_RESET").catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });
  if (open instanceof Error)
    return (
      <div className="narrow">
        <h1>Choose a new password</h1>
        <p className="alert error">{open.message}</p>
        <p>
          <Link href="/forgot-password">Send me a new link</Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <p className="muted">
        For {open.user.email}. Every browser signed in to this account is signed out when you save it.
      </p>
      <div className="card">
        <ResetPasswordForm token={token} />
      </div>
    </div>
  );
}
