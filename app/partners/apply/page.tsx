import type { Metadata } from "next";
import Link from "next/link";
import { processOptions } from "@/lib/catalogue/catalogue-labels";
import { SupplierApplicationForm } from "./supplier-application-form";

export const metadata: Metadata = { title: "Apply as a manufacturing partner" };

export default function SupplierApplicationPage() {
  return (
    <div className="narrow">
      <h1>Become a manufacturing partner</h1>
      <p className="muted">
        Orders without sales effort, paid reliably after delivery. Registration and use are free. After you
        apply, add your machines and certificates on your profile; our operations team then audits your
        capabilities, machines, certificates, IT security and a sample part before you receive jobs.
      </p>
      <div className="card">
        <SupplierApplicationForm processOptions={processOptions} />
      </div>
      <p className="muted">
        How we handle your data: our <Link href="/privacy">privacy notice</Link>.
      </p>
      <p className="muted">
        Already a partner? <Link href="/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
