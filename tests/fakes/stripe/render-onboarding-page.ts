import { escapeHtml } from "./escape-html";
import { renderHostedPage } from "./render-hosted-page";
import type { Account } from "./stripe-objects";

/** Connect's hosted onboarding, reduced to one confirmation: submitting fills in test details. */
export function renderOnboardingPage({
  account,
  linkToken,
  merchantName,
}: {
  account: Account;
  linkToken: string;
  merchantName: string;
}): string {
  const name = account.business_profile.name ?? account.email ?? account.id;
  return renderHostedPage(
    `Set up payouts for ${name}`,
    `<h1>Set up payouts for ${escapeHtml(name)}</h1>
<p>${escapeHtml(merchantName)} uses Stripe to send your payouts. In test mode nothing is verified: submitting marks the account as fully onboarded.</p>
<form method="post" action="/connect/onboarding/${encodeURIComponent(account.id)}">
<input type="hidden" name="link" value="${escapeHtml(linkToken)}">
<label for="iban">Bank account (IBAN)</label>
<input id="iban" name="iban" autocomplete="off" value="DE89 3704 0044 0532 0130 00">
<p class="hint">By submitting you agree to the Stripe Connected Account Agreement (test mode).</p>
<button type="submit">Agree and submit</button>
<button type="submit" name="leave" value="1" formnovalidate>Save and finish later</button>
</form>`,
  );
}
