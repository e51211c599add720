import type { Metadata } from "next";
import { findOpenEmailToken } from "@/lib/account/find-open-email-token";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { VerifyEmailForm } from "./verify-email-form";

export const metadata: Metadata = { title: "Confirm your e-mail address", referrer: "no-referrer" };

/** The verification e-mail's link. Opening it changes nothing (mail scanners open links); the button does. */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenEmailToken(getPrisma(), token, "EMAIL_VERIFICATION").catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });
  return (
    <div className="narrow">
      <h1>Confirm your e-mail address</h1>
      {open instanceof Error ? (
        <p className="alert error">{open.message}</p>
      ) : (
        <div className="card">
          <p>Confirm that {open.user.email} is your address, to place orders with it.</p>
          <VerifyEmailForm token={token} />
        </div>
      )}
    </div>
  );
}
