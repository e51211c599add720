import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/require-permission";
import { roleLabels } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { VatIdSection } from "./vat-id-section";
import { PaymentMethodsSection } from "./payment-methods-section";
import { EmailVerificationNotice } from "@/app/_components/email-verification-notice";
import { PasswordSection } from "./password-section";
import { AddressBookSection } from "./address-book-section";

export const metadata: Metadata = { title: "Your account" };

/**
 * The signed-in user's own account: who they are and, for buyers, their company's standing. Each
 * further section (password, payment methods and invoice terms, saved addresses) is its own component
 * file in this folder, so the page stays a list of sections.
 */
export default async function AccountPage() {
  const user = await requirePermission("account.signedIn", "/account");
  const company = await getPrisma().company.findUniqueOrThrow({
    where: { id: user.companyId },
    select: {
      name: true,
      vatNumber: true,
      countryCode: true,
      kind: true,
      vatIdStatus: true,
      vatIdConfirmedAt: true,
    },
  });
  return (
    <>
      <h1>Your account</h1>
      {!user.emailVerifiedAt && <EmailVerificationNotice email={user.email} />}
      <section className="card" aria-labelledby="you-heading">
        <h2 id="you-heading">You</h2>
        <dl>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>
            {roleLabels[user.role]} at {company.name}
          </dd>
          {/* A buyer's VAT ID has its own section below, with what VIES said about it. */}
          {company.vatNumber && company.kind !== "BUYER" && (
            <>
              <dt>VAT ID</dt>
              <dd>{company.vatNumber}</dd>
            </>
          )}
        </dl>
      </section>
      {company.kind === "BUYER" && <VatIdSection company={company} />}
      <PaymentMethodsSection user={user} />
      <PasswordSection />
      <AddressBookSection user={user} />
    </>
  );
}
