import type { PaymentMethodChoice } from "@/lib/payments/payment-methods-open";
import { formatEuros } from "@/lib/money/format-euros";
import styles from "./payment-methods.module.css";

/** What the checkout knows about the company's invoice terms, for the invoice option's line. */
export interface InvoiceTermsLine {
  paymentTermsDays: number;
  availableCents: number;
  /** Where the buyer applies (the form on this page), when they may apply now. */
  applyHref: string | null;
}

const titles: Record<PaymentMethodChoice["method"], string> = {
  BANK_TRANSFER: "Bank transfer in advance",
  INVOICE: "Invoice",
  CARD: "Card",
};

function description(method: PaymentMethodChoice["method"], invoice: InvoiceTermsLine): string {
  if (method === "BANK_TRANSFER")
    return "We confirm the order when your transfer arrives; the pro-forma invoice has our bank details and a QR code for your banking app.";
  if (method === "INVOICE")
    return `Payable within ${invoice.paymentTermsDays} days; ${formatEuros(invoice.availableCents)} of your credit limit is free.`;
  return "Through Stripe Checkout; the order is confirmed when the payment succeeds.";
}

/**
 * The checkout's payment methods: every method with whether it is open to this company for this order
 * (lib/payments/payment-methods-open.ts, which placeOrder checks too), a closed one greyed with why and
 * how to get it. The best open method is chosen unless the buyer chose another before a refusal.
 */
export function PaymentMethodChoices({
  choices,
  chosen,
  invoice,
  error,
}: {
  choices: PaymentMethodChoice[];
  /** The method to tick: what was sent before a refusal, else the best open one. */
  chosen: string | null;
  invoice: InvoiceTermsLine;
  error: string | undefined;
}) {
  return (
    <fieldset className="field" aria-describedby={error ? "paymentMethod-error" : undefined}>
      <legend>Payment</legend>
      <div className={styles.methods}>
        {choices.map((choice) => (
          <label
            key={choice.method}
            className={`${styles.method}${choice.open ? "" : ` ${styles.closed}`}`}
            data-testid={`payment-method-${choice.method}`}
          >
            <input
              type="radio"
              name="paymentMethod"
              value={choice.method}
              defaultChecked={chosen === choice.method}
              disabled={!choice.open}
            />
            <span className={styles.what}>
              <strong>{titles[choice.method]}</strong>
              <span className={styles.reason}>
                {choice.open ? description(choice.method, invoice) : choice.reason}
                {!choice.open && choice.method === "INVOICE" && invoice.applyHref && (
                  <>
                    {" "}
                    <a href={invoice.applyHref}>Apply for invoice terms</a>
                  </>
                )}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <span id="paymentMethod-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
