"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { decideCounterofferAction, payCounterofferDifferenceAction } from "./counteroffer-actions";
import styles from "./counteroffer-price.module.css";

/**
 * The buyer's answer to a partner's higher price: on an invoice order accept (a supplementary invoice
 * follows) or decline; on a card or prepayment order pay the difference on Stripe's page, or decline.
 */
export function CounterofferPriceForms({
  counterofferId,
  payByCard,
  differenceLabel,
}: {
  counterofferId: string;
  payByCard: boolean;
  differenceLabel: string;
}) {
  const decide = useFormAction(decideCounterofferAction);
  const pay = useFormAction(payCounterofferDifferenceAction);
  const pending = decide.pending || pay.pending;
  return (
    <div className={styles.forms}>
      {payByCard ? (
        <form {...pay.props} aria-label="Pay the difference">
          <FormMessages state={pay.messages} />
          <input type="hidden" name="counterofferId" value={counterofferId} />
          <button type="submit" disabled={pending}>
            {pay.pending ? "Opening the payment page…" : `Pay ${differenceLabel} and accept`}
          </button>
        </form>
      ) : null}
      <form {...decide.props} aria-label="Decide on the new price">
        <FormMessages state={decide.messages} />
        <input type="hidden" name="counterofferId" value={counterofferId} />
        {payByCard ? null : (
          <button type="submit" name="decision" value="accept" disabled={pending}>
            Accept the new price
          </button>
        )}
        <button type="submit" name="decision" value="decline" className="secondary" disabled={pending}>
          Decline
        </button>
      </form>
    </div>
  );
}
