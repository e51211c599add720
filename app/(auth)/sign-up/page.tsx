import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create a buyer account" };

export default function SignUpPage() {
  return (
    <div className="narrow">
      <h1>Create a buyer account</h1>
      <p className="muted">
        Free, and quotes are not binding. Your company account can add colleagues later.
      </p>
      <div className="card">
        <SignUpForm />
      </div>
      <p className="muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
