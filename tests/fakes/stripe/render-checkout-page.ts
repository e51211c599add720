import { escapeHtml } from "./escape-html";
import { formatMoney } from "./format-money";
import { renderHostedPage } from "./render-hosted-page";
import type { CheckoutLineItem, CheckoutSession } from "./stripe-objects";

export interface CheckoutFormValues {
  email: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  cardholderName: string;
  paymentMethod?: "card" | "sepa_debit";
  iban?: string;
  accountHolder?: string;
}

/** The hosted payment page of a session: its order summary and card form, or why it cannot be paid. */
export function renderCheckoutPage({
  session,
  lineItems,
  merchantName,
  values,
  error,
}: {
  session: CheckoutSession;
  lineItems: readonly CheckoutLineItem[];
  merchantName: string;
  values?: CheckoutFormValues;
  error?: string;
}): string {
  const merchant = escapeHtml(merchantName);
  if (session.status === "expired")
    return renderHostedPage(
      `Expired · Pay ${merchantName}`,
      `<h1>This checkout session has expired</h1>
<p>Nothing was charged. Go back to ${merchant} to start the payment again.</p>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back to ${merchant}</a></p>` : ""}`,
    );
  if (session.status === "complete") {
    const returnUrl = session.success_url?.replaceAll("{CHECKOUT_SESSION_ID}", session.id);
    const paid = session.payment_status === "paid";
    return renderHostedPage(
      `${paid ? "Paid" : "Processing"} · Pay ${merchantName}`,
      `<h1>${paid ? "This checkout session is already paid" : "This payment is processing"}</h1>
<p>${paid ? `Your payment of ${formatMoney(session.amount_total, session.currency)} was received.` : `Your direct debit of ${formatMoney(session.amount_total, session.currency)} waits for your bank's confirmation.`}</p>
${returnUrl ? `<p><a href="${escapeHtml(returnUrl)}">Return to ${merchant}</a></p>` : ""}`,
    );
  }

  const form: CheckoutFormValues = values ?? {
    email: session.customer_email ?? "",
    cardNumber: "4242 4242 4242 4242",
    expiry: "12 / 34",
    cvc: "123",
    cardholderName: "",
  };
  const total = formatMoney(session.amount_total, session.currency);
  const invalid = error ? ` aria-invalid="true" aria-describedby="payment-error"` : "";
  const items = lineItems
    .map(
      (item) => `<li><span>${escapeHtml(item.description)}</span>
<span class="quantity">Qty ${item.quantity}</span>
<span>${formatMoney(item.amount_total, item.currency)}</span></li>`,
    )
    .join("\n");
  return renderHostedPage(
    `Pay ${merchantName}`,
    `<h1>Pay ${merchant}</h1>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Order summary</h2>
<ul>
${items}
</ul>
<p class="total"><span>Total</span><span>${total}</span></p>
</section>
<form method="post" action="/pay/${encodeURIComponent(session.id)}">
${error ? `<p class="error" id="payment-error" role="alert">${escapeHtml(error)}</p>` : ""}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(form.email)}">
${session.payment_method_types.includes("sepa_debit") ? methodChoice(form) : ""}
<fieldset>
<legend>Card information</legend>
<label for="card-number">Card number</label>
<input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" required value="${escapeHtml(form.cardNumber)}"${invalid}>
<div class="row">
<div><label for="expiry">Expiry</label>
<input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY" required value="${escapeHtml(form.expiry)}"></div>
<div><label for="cvc">CVC</label>
<input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required value="${escapeHtml(form.cvc)}"></div>
</div>
</fieldset>
<label for="cardholder-name">Cardholder name</label>
<input id="cardholder-name" name="cardholder_name" autocomplete="cc-name" value="${escapeHtml(form.cardholderName)}">
<button type="submit">Pay ${total}</button>
</form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>` : ""}
<p class="hint">Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.</p>`,
  );
}

/** Shown only when the session offers SEPA Direct Debit besides the card (dynamic payment methods). */
function methodChoice(form: CheckoutFormValues): string {
  const debit = form.paymentMethod === "sepa_debit";
  return `<fieldset>
<legend>Payment method</legend>
<label><input type="radio" name="payment_method" value="card"${debit ? "" : " checked"}> Card</label>
<label><input type="radio" name="payment_method" value="sepa_debit"${debit ? " checked" : ""}> SEPA Direct Debit</label>
<label for="iban">IBAN (SEPA Direct Debit)</label>
<input id="iban" name="iban" autocomplete="off" placeholder="DE89 3704 0044 0532 0130 00" value="${escapeHtml(form.iban ?? "")}">
<label for="account-holder">Account holder (SEPA Direct Debit)</label>
<input id="account-holder" name="account_holder" autocomplete="name" value="${escapeHtml(form.accountHolder ?? "")}">
<p class="hint">A direct debit is confirmed by your bank after a few business days. Test IBANs: DE89 3704 0044 0532 0130 00 is debited, DE62 3704 0044 0532 0130 01 fails.</p>
</fieldset>`;
}
