import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { AppError } from "../errors/app-error";
import { getStripe } from "../payments/stripe-client";
import type { SupplierEditor } from "../suppliers/assert-supplier-admin";
import { assertSupplierMay } from "../suppliers/assert-supplier-may";
import { connectAccountParams, stripePayoutCountries } from "./connect-account-params";

/**
 * Connects a supplier to Stripe for payouts: creates its Connect (Express) account once, then returns a
 * fresh onboarding link, where the supplier gives Stripe its company and bank details. The account is
 * created with an idempotency key per company, so a crash between Stripe's answer and saving the id makes
 * the retry find the same account rather than open a second one.
 */
export async function startStripeOnboarding(
  db: Database,
  editor: SupplierEditor & { email: string },
): Promise<{ url: string }> {
  assertSupplierMay(editor, "supplier.payouts.edit", "set up payouts");
  const stripe = getStripe();
  if (!stripe)
    throw new AppError(
      "service_unavailable",
      "Stripe payouts are switched off on this installation. Give your bank details for transfers instead.",
    );
  const company = await db.company.findUniqueOrThrow({ where: { id: editor.companyId } });
  if (company.kind !== "SUPPLIER")
    throw new AppError("forbidden", "Only manufacturing partners receive payouts.");
  let accountId = company.stripeConnectAccountId;
  if (!accountId && !stripePayoutCountries.has(company.countryCode))
    throw new AppError(
      "conflict",
      "Stripe payouts are offered to partners in the EEA only. Give your bank details for transfers instead.",
    );
  if (!accountId) {
    const account = await stripe.accounts.create(connectAccountParams(company, editor.email), {
      idempotencyKey: `connect-account-${company.id}`,
    });
    accountId = account.id;
    await db.$transaction(async (tx) => {
      await tx.company.updateMany({
        where: { id: company.id, stripeConnectAccountId: null },
        data: { stripeConnectAccountId: accountId },
      });
      await recordAuditLog(tx, {
        actorUserId: editor.userId,
        companyId: company.id,
        action: "payouts.stripe-account-created",
        entityType: "Company",
        entityId: company.id,
        data: { stripeAccountId: accountId },
      });
    });
  }
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${appUrl()}/supplier/payouts?stripe=refresh`,
    return_url: `${appUrl()}/supplier/payouts?stripe=return`,
  });
  return { url: link.url };
}
