import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadCart } from "@/lib/carts/load-cart";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { vatCents } from "@/lib/money/vat-cents";
import { vatForDelivery } from "@/lib/money/vat-for-delivery";
import { storedBuyerVatId } from "@/lib/vat/stored-buyer-vat-id";
import { paymentMethodsOpen } from "@/lib/payments/payment-methods-open";
import { CheckoutForm } from "./checkout-form";
import { CheckoutTotals } from "./checkout-totals";
import { checkoutNetCents } from "@/lib/carts/checkout-net-cents";
import { InvoiceTermsApplication } from "@/app/_components/invoice-terms-application";
import { EmailVerificationNotice } from "@/app/_components/email-verification-notice";
import { loadCurrentLegalVersions } from "@/lib/legal/load-legal-documents";
import { listCompanyAddresses } from "@/lib/addresses/list-company-addresses";
import orderSummaryStyles from "@/app/_components/order-summary.module.css";
import styles from "./checkout.module.css";
import { SmallOrderSummaryLines } from "./small-order-summary-lines";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await requirePermission("shop.view", "/checkout");
  const db = getPrisma();
  const cart = await loadCart(db, user.id);
  if (cart.items.length === 0) redirect("/cart");
  if (!may(user.role, "order.place"))
    return (
      <div className="narrow">
        <h1>Checkout</h1>
        <p className="alert warn">
          A purchaser or admin of {user.company.name} places orders.{" "}
          <Link href="/cart">Back to the cart</Link>
        </p>
      </div>
    );
  const company = await db.company.findUniqueOrThrow({ where: { id: user.companyId } });
  const addressBook = await listCompanyAddresses(db, company.id);
  const billing = addressBook.find((address) => address.kind === "BILLING");
  // The gross total with the VAT ID as VIES last confirmed it (a reverse-charge buyer near the invoice
  // limit is not shut out by VAT it will not pay); placeOrder checks again with the VAT it decides.
  const netCents = await checkoutNetCents(
    db,
    cart.items.map((item) => item.quote),
  );
  const vat = vatForDelivery(billing?.countryCode ?? company.countryCode, storedBuyerVatId(company));
  const payment = await paymentMethodsOpen(db, company.id, netCents + vatCents(netCents, vat.percent));
  const mayApply = may(user.role, "company.invoiceTerms.apply", user.company.status);
  return (
    <>
      <h1>Checkout</h1>
      {!user.emailVerifiedAt && <EmailVerificationNotice email={user.email} />}
      <div className={styles.checkout}>
        <CheckoutForm
          cartQuoteIds={cart.items.map((item) => item.quote.id)}
          defaults={{
            companyName: company.name,
            vatNumber: company.vatNumber ?? "",
            name: billing?.name ?? user.name,
            line: billing?.line ?? company.addressLine ?? "",
            postalCode: billing?.postalCode ?? company.postalCode ?? "",
            city: billing?.city ?? company.city ?? "",
            countryCode: billing?.countryCode ?? company.countryCode,
          }}
          payment={{
            choices: payment.choices,
            best: payment.best,
            invoice: {
              paymentTermsDays: payment.invoiceTerms.paymentTermsDays,
              availableCents: payment.invoiceTerms.availableCents,
              applyHref: payment.invoiceTerms.mayApply && mayApply ? "#invoice-terms" : null,
            },
          }}
          savedAddresses={addressBook.filter((address) => address.kind === "SHIPPING")}
          approvalLimitCents={company.orderApprovalLimitCents}
          approvesOwnOrders={may(user.role, "order.approve")}
          subtotalCents={cart.subtotalCents}
          legalVersions={await loadCurrentLegalVersions(db)}
        />
        <aside className={`card ${orderSummaryStyles.orderSummary}`} aria-labelledby="summary-heading">
          <h2 id="summary-heading">Your order</h2>
          <ul className={styles.summaryLines}>
            {cart.items.map((item) => (
              <li key={item.id}>
                <span className="file-name">
                  {item.quote.quantity} × {item.quote.part.originalFileName}
                </span>
                <span className="amount">
                  {formatEuros(item.quote.totalPriceCents - item.quote.smallOrderSurchargeCents)}
                </span>
              </li>
            ))}
          </ul>
          <SmallOrderSummaryLines items={cart.items} />
          <CheckoutTotals formId="checkout-form" netCents={netCents} />
        </aside>
      </div>
      {!payment.invoiceTerms.approved && (
        <div className={`card ${styles.invoiceTerms}`}>
          <InvoiceTermsApplication
            standing={payment.invoiceTerms}
            userMayApply={mayApply}
            german={company.countryCode === "DE"}
            contactName={user.name}
            contactEmail={user.email}
          />
        </div>
      )}
    </>
  );
}
