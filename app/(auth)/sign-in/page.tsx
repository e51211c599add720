import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <div className="card">
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        <p className="hint">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      </div>
      <p className="muted">
        New here? <Link href="/sign-up">Create a buyer account</Link> or{" "}
        <Link href="/partners/apply">apply as a manufacturing partner</Link>.
      </p>
    </div>
  );
}
