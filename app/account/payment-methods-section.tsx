import { InvoiceTermsApplication } from "@/app/_components/invoice-terms-application";
import type { CurrentUser } from "@/lib/auth/current-user";
import { may } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/prisma";
import { paymentMethodsOpen, type PaymentMethodChoice } from "@/lib/payments/payment-methods-open";
import styles from "./payment-methods-section.module.css";

const names: Record<PaymentMethodChoice["method"], string> = {
  BANK_TRANSFER: "Bank transfer in advance",
  INVOICE: "Invoice",
  CARD: "Card",
};

/**
 * A buyer's "how you can pay": each payment method open or not, and why (the same function the checkout
 * and placeOrder use), then the invoice terms with their status and the application form.
 */
export async function PaymentMethodsSection({ user }: { user: CurrentUser }) {
  if (user.company.kind !== "BUYER") return null;
  const db = getPrisma();
  const [payment, company] = await Promise.all([
    paymentMethodsOpen(db, user.companyId, null),
    db.company.findUniqueOrThrow({ where: { id: user.companyId }, select: { countryCode: true } }),
  ]);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="payment-methods-heading">
      <h2 id="payment-methods-heading">How you can pay</h2>
      <ul className={styles.methods} data-testid="payment-methods-summary">
        {payment.choices.map((choice) => (
          <li key={choice.method} className={choice.open ? styles.open : styles.closed}>
            <strong>{names[choice.method]}</strong>{" "}
            <span className={styles.state}>{choice.open ? "open to you" : "not open"}</span>
            {choice.reason && (
              <span className={styles.reason}>
                {/* The invoice terms below say where the application stands and how to apply. */}
                {choice.method === "INVOICE" ? "See your invoice terms below." : choice.reason}
              </span>
            )}
          </li>
        ))}
      </ul>
      <InvoiceTermsApplication
        standing={payment.invoiceTerms}
        userMayApply={may(user.role, "company.invoiceTerms.apply", user.company.status)}
        german={company.countryCode === "DE"}
        contactName={user.name}
        contactEmail={user.email}
        headingLevel={3}
      />
    </section>
  );
}
