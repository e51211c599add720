import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadCart } from "@/lib/carts/load-cart";
import { getPrisma } from "@/lib/db/prisma";
import { formatEuros } from "@/lib/money/format-euros";
import { cardPaymentUnavailableReason, invoicePaymentRefusal } from "@/lib/orders/place-order";
import { paymentTermsDaysFor } from "@/lib/pricing/invoice-terms";
import { CheckoutForm } from "./checkout-form";
import { CheckoutTotals } from "./checkout-totals";
import { checkoutNetCents } from "@/lib/carts/checkout-net-cents";
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
  // Checked on the net amount here; checkout checks again with the VAT of the chosen address.
  const invoiceReason = await invoicePaymentRefusal(db, company, cart.subtotalCents);
  const addressBook = await listCompanyAddresses(db, company.id);
  const billing = addressBook.find((address) => address.kind === "BILLING");
  return (
    <>
      <h1>Checkout</h1>
      <div className={styles.checkout}>
        <CheckoutForm
          defaults={{
            companyName: company.name,
            vatNumber: company.vatNumber ?? "",
            name: billing?.name ?? user.name,
            line: billing?.line ?? company.addressLine ?? "",
            postalCode: billing?.postalCode ?? company.postalCode ?? "",
            city: billing?.city ?? company.city ?? "",
            countryCode: billing?.countryCode ?? company.countryCode,
          }}
          savedAddresses={addressBook.filter((address) => address.kind === "SHIPPING")}
          invoiceUnavailable={invoiceReason}
          cardUnavailable={cardPaymentUnavailableReason()}
          paymentTermsDays={await paymentTermsDaysFor(getPrisma(), company)}
          approvalLimitCents={company.orderApprovalLimitCents}
          approvesOwnOrders={may(user.role, "order.approve")}
          subtotalCents={cart.subtotalCents}
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
          <CheckoutTotals
            formId="checkout-form"
            netCents={await checkoutNetCents(
              db,
              cart.items.map((item) => item.quote),
            )}
          />
        </aside>
      </div>
    </>
  );
}
