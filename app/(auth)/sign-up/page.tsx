import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create a buyer account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="narrow">
      <h1>Create a buyer account</h1>
      <p className="muted">
        Free, and quotes are not binding. The parts you uploaded in this browser move into your account. Your
        company account can add colleagues later.
      </p>
      <div className="card">
        <SignUpForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      </div>
      <p className="muted">
        How we handle your data: our <Link href="/privacy">privacy notice</Link>. Orders are placed under our{" "}
        <Link href="/terms">terms of business</Link>.
      </p>
      <p className="muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
