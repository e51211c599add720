import { cardPaymentSetupProblem } from "@/lib/payments/card-payment-setup";

/**
 * Why card payments are off, for operations only: buyers read that card payment is not offered, never
 * the installation's setup (lib/payments/payment-methods-open.ts).
 */
export function CardPaymentSetupNotice() {
  const problem = cardPaymentSetupProblem();
  return problem ? (
    <p className="alert warn" data-testid="card-payment-setup">
      {problem} See the README&apos;s Stripe section.
    </p>
  ) : null;
}
