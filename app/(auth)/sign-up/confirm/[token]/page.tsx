import type { Metadata } from "next";
import { findOpenRegistration } from "@/lib/companies/complete-registration";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { ConfirmSignUpForm } from "./confirm-form";

export const metadata: Metadata = { title: "Finish signing up" };

/** The sign-up e-mail's link. Opening it changes nothing (mail scanners open links); the button does. */
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await findOpenRegistration(getPrisma(), token).catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });
  if (pending instanceof Error)
    return (
      <div className="narrow">
        <h1>Finish signing up</h1>
        <p className="alert error">{pending.message}</p>
      </div>
    );
  const companyName = (pending.data as { companyName?: unknown }).companyName;
  return (
    <div className="narrow">
      <h1>Finish signing up</h1>
      <p className="muted">
        {pending.kind === "SUPPLIER" ? "Send the application" : "Create the account"} for{" "}
        {typeof companyName === "string" ? companyName : "your company"} with {pending.email}: type the
        password you chose then. If you did not sign up, close this page; no account is made.
      </p>
      <div className="card">
        <ConfirmSignUpForm token={token} kind={pending.kind} />
      </div>
    </div>
  );
}
