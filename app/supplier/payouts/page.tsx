import type { Metadata } from "next";
import { z } from "zod";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma, type Database } from "@/lib/db/prisma";
import { getLogger } from "@/lib/logging/logger";
import { getStripe } from "@/lib/payments/stripe-client";
import { syncStripeAccount } from "@/lib/payouts/sync-stripe-account";
import { formatIban } from "@/lib/payouts/validate-iban";
import { formatMoment } from "@/app/_components/format-dates";
import { BankDetailsForm, ConnectStripeForm } from "./payout-details-forms";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import { payoutMethodLabels } from "@/lib/payouts/payout-method-labels";
import { describeStripeRequirements } from "@/lib/payouts/describe-stripe-requirements";
import { loadComplaintWindow } from "@/lib/payouts/complaint-window";
import { payoutStatusForSupplier } from "@/lib/payouts/payout-status-for-supplier";
import { supplierTaxDetailsSelect, supplierTaxStanding } from "@/lib/supplier-tax/supplier-tax-standing";
import { acceptedOffersSelect } from "@/lib/orders/supplier-price-of-line";
import { payoutAmountForSupplier } from "@/lib/payouts/payout-amount-for-supplier";
import { formatEuros } from "@/lib/money/format-euros";
import factsStyles from "@/app/_components/facts.module.css";
import twoCardsStyles from "@/app/_components/two-cards.module.css";
import styles from "./payouts.module.css";

export const metadata: Metadata = { title: "Payouts" };

/** Where Stripe's onboarding sends the supplier back: `return` when done, `refresh` when its link expired. */
const searchSchema = z.object({ stripe: z.enum(["return", "refresh"]).optional().catch(undefined) });

/**
 * Back from Stripe's onboarding: reads the account now rather than waiting for its webhook (the payouts it
 * releases bring their pay jobs). False when Stripe could not be reached (the webhook catches up).
 */
async function syncAfterStripeReturn(db: Database, companyId: string): Promise<boolean> {
  const { stripeConnectAccountId } = await db.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { stripeConnectAccountId: true },
  });
  if (!stripeConnectAccountId) return true;
  try {
    await syncStripeAccount(db, stripeConnectAccountId);
    return true;
  } catch (error) {
    getLogger().warn({ err: error, companyId }, "could not read the Stripe account after onboarding");
    return false;
  }
}

/** A payout's amount: a net one (held before its invoice) says so; none yet is a dash. */
function PayoutAmountCell({ amount }: { amount: ReturnType<typeof payoutAmountForSupplier> }) {
  if (!amount)
    return (
      <td data-label="Amount" className="amount">
        –
      </td>
    );
  if (!amount.net) return <AmountCell label="Amount" cents={amount.cents} />;
  return (
    <td data-label="Amount" className="amount" data-testid="held-payout-net">
      {formatEuros(amount.cents)} <span className="hint">net</span>
    </td>
  );
}

export default async function SupplierPayoutsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("supplier.payouts.view", "/supplier/payouts");
  const db = getPrisma();
  const { stripe: stripeReturn } = searchSchema.parse(await searchParams);
  const stripeAvailable = getStripe() !== null;
  const stripeReached =
    stripeReturn === "return" && stripeAvailable ? await syncAfterStripeReturn(db, user.companyId) : true;
  const [company, payouts, invoices, complaintWindow] = await Promise.all([
    db.company.findUniqueOrThrow({
      where: { id: user.companyId },
      select: {
        name: true,
        stripeConnectAccountId: true,
        stripePayoutsEnabled: true,
        stripeRequirementsDue: true,
        stripeAccountCheckedAt: true,
        bankAccountHolder: true,
        bankIban: true,
        bankBic: true,
        ...supplierTaxDetailsSelect,
      },
    }),
    db.payout.findMany({
      where: { supplierCompanyId: user.companyId },
      orderBy: { createdAt: "desc" },
      take: 200,
      include: {
        order: { select: { number: true } },
        invoice: { select: { number: true } },
        orderLine: {
          select: { supplierCompanyId: true, supplierTotalCents: true, offers: acceptedOffersSelect },
        },
      },
    }),
    db.invoice.findMany({
      where: { companyId: user.companyId, kind: "SELF_BILLING" },
      orderBy: { issuedAt: "desc" },
      take: 200,
    }),
    loadComplaintWindow(db),
  ]);
  const admin = may(user.role, "supplier.payouts.edit");
  const taxStanding = supplierTaxStanding(company);
  const taxDetailsMissing = taxStanding.ready ? null : taxStanding.missing;
  const askAdmin = (what: string) => (
    <p className="muted">
      An admin of {company.name} can {what}.
    </p>
  );
  return (
    <>
      <h1>Payouts and invoices</h1>
      <p className="muted">
        You are paid after the buyer&apos;s complaint window closes: {complaintWindow.days} days after
        delivery is confirmed (by the buyer, or automatically 7 days after shipping), or sooner when the buyer
        confirms there is no complaint. Then we issue the invoice for you (self-billing) and pay it to your
        Stripe account or by bank transfer. A complaint inside the window holds the payout until operations
        decide.
      </p>

      <section aria-labelledby="paid-heading">
        <h2 id="paid-heading">How you are paid</h2>
        <div className={`${twoCardsStyles.twoCards} ${styles.payoutDetails}`}>
          <section className="card" aria-labelledby="stripe-heading">
            <h3 id="stripe-heading">Stripe</h3>
            {!stripeAvailable ? (
              <p>Stripe payouts are not available on this installation: we pay you by bank transfer.</p>
            ) : !company.stripeConnectAccountId ? (
              <>
                <p>Connect a Stripe account and payouts go to it as soon as they are due.</p>
                {admin ? <ConnectStripeForm label="Connect with Stripe" /> : askAdmin("connect Stripe")}
              </>
            ) : !company.stripePayoutsEnabled ? (
              <>
                {stripeReturn === "refresh" && (
                  <div className="alert warn" role="status">
                    The Stripe setup link expired. Continue where you left off.
                  </div>
                )}
                {!stripeReached && (
                  <div className="alert warn" role="status">
                    We could not reach Stripe to check your account just now; this page shows the change as
                    soon as Stripe tells us.
                  </div>
                )}
                {company.stripeRequirementsDue.length > 0 ? (
                  <>
                    <p id="stripe-needs-heading">
                      Stripe still needs from you before it can receive payouts:
                    </p>
                    <ul className={styles.stripeNeeds} aria-labelledby="stripe-needs-heading">
                      {describeStripeRequirements(company.stripeRequirementsDue).map((need) => (
                        <li key={need}>{need}</li>
                      ))}
                    </ul>
                  </>
                ) : company.stripeAccountCheckedAt ? (
                  <p>
                    Stripe is checking the details you gave. This can take a few days; you need not do
                    anything.
                  </p>
                ) : (
                  <p>Stripe still needs details from you before it can receive payouts.</p>
                )}
                <p className="hint">
                  We ask Stripe about your account every 15 minutes: held payouts go out as soon as it is
                  ready, even if you closed Stripe&apos;s page.
                </p>
                {admin ? <ConnectStripeForm label="Continue Stripe setup" /> : askAdmin("finish the setup")}
              </>
            ) : (
              <>
                {stripeReturn === "return" && (
                  <div className="alert ok" role="status">
                    Your Stripe account is ready.
                  </div>
                )}
                <p>
                  Payouts go to your Stripe account <code>{company.stripeConnectAccountId}</code>.
                </p>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="bank-heading">
            <h3 id="bank-heading">Bank transfer</h3>
            <p className="hint">
              We pay to this account when you have no Stripe account that can receive payouts.
            </p>
            {admin ? (
              <BankDetailsForm
                saved={{
                  accountHolder: company.bankAccountHolder ?? "",
                  iban: company.bankIban ? formatIban(company.bankIban) : "",
                  bic: company.bankBic ?? "",
                }}
              />
            ) : company.bankIban ? (
              <>
                <dl className={factsStyles.facts}>
                  <dt>Account holder</dt>
                  <dd>{company.bankAccountHolder}</dd>
                  <dt>IBAN</dt>
                  <dd>•••• {company.bankIban.slice(-4)}</dd>
                  {company.bankBic && (
                    <>
                      <dt>BIC</dt>
                      <dd>{company.bankBic}</dd>
                    </>
                  )}
                </dl>
                {askAdmin("change them")}
              </>
            ) : (
              askAdmin("add the bank details")
            )}
          </section>
        </div>
      </section>

      <h2>Payouts</h2>
      {payouts.length === 0 ? (
        <p className="muted">No payouts yet: they appear here once a delivered job is confirmed.</p>
      ) : (
        <StackTable columns={["Order", "Invoice", "Amount", "Method", "Status", "Paid"]}>
          {payouts.map((payout) => (
            <tr key={payout.id} data-testid="payout-row">
              <td data-label="Order">{payout.order.number}</td>
              <td data-label="Invoice">
                {payout.invoice?.number ??
                  (payout.status === "HELD" ? (
                    <a href="/supplier/profile#tax-details">after your tax details</a>
                  ) : (
                    "–"
                  ))}
              </td>
              <PayoutAmountCell amount={payoutAmountForSupplier(payout)} />
              <td data-label="Method">{payoutMethodLabels[payout.method]}</td>
              <td data-label="Status">
                {payoutStatusForSupplier(payout, { taxDetailsMissing })}
                {payout.status === "FAILED" && payout.failureReason && (
                  <span className="hint"> · {payout.failureReason}</span>
                )}
              </td>
              <td data-label="Paid">{payout.paidAt ? formatMoment(payout.paidAt) : "–"}</td>
            </tr>
          ))}
        </StackTable>
      )}
      <h2>Self-billing invoices</h2>
      {invoices.length === 0 ? (
        <p className="muted">No invoices yet.</p>
      ) : (
        <StackTable columns={["Invoice", "Issued", "Net", "VAT", "Total", "Status", "PDF"]}>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td data-label="Invoice">{invoice.number}</td>
              <td data-label="Issued">{formatMoment(invoice.issuedAt)}</td>
              <AmountCell label="Net" cents={invoice.netCents} />
              <AmountCell label="VAT" cents={invoice.vatCents} />
              <AmountCell label="Total" cents={invoice.totalCents} />
              <td data-label="Status">
                {invoice.status === "PAID" ? "Paid" : invoice.status === "VOID" ? "Void" : "Open"}
              </td>
              <td data-label="PDF">
                <a href={`/api/v1/supplier/invoices/${invoice.id}/pdf`}>
                  PDF<span className="visually-hidden"> of {invoice.number}</span>
                </a>
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}
