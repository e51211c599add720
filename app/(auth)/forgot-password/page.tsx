import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      <p className="muted">
        Enter the e-mail address of your account. We send it a link to choose a new password; it works once,
        for an hour.
      </p>
      <div className="card">
        <ForgotPasswordForm />
      </div>
      <p className="muted">
        Remembered it? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
