"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { counterofferAction } from "./counteroffer-actions";

/**
 * Instead of rejecting: another price (at most `maxPriceEuros`) and/or a later date. The price and date
 * start at the offer's, so the partner changes only what it means to.
 */
export function CounterofferForm({
  offerId,
  priceEuros,
  maxPriceEuros,
  deliveryDate,
  earliestDate,
}: {
  offerId: string;
  priceEuros: string;
  maxPriceEuros: string;
  deliveryDate: string;
  earliestDate: string;
}) {
  const form = useFormAction(counterofferAction, {
    defaults: { counterPrice: priceEuros, counterDeliveryDate: deliveryDate },
  });
  return (
    <details className="card" open={form.reply?.status === "error" ? true : undefined}>
      <summary>Propose another price or date instead</summary>
      <form {...form.props} className="form" noValidate aria-label="Counteroffer">
        <FormMessages state={form.messages} />
        <input type="hidden" name="offerId" value={offerId} />
        <p className="hint">
          Within our margin rules and the buyer&apos;s delivery date your counteroffer is accepted at once and
          the job is yours. A later date, or a price above what our margin rules allow, goes to the buyer to
          accept; until they decide, the job stays reserved for you. A counteroffer is not a rejection in your
          scorecard.
        </p>
        <FormField
          name="counterPrice"
          label="Your price for the whole job (€)"
          inputMode="decimal"
          required
          hint={`At most €${maxPriceEuros}.`}
          error={form.error("counterPrice")}
          defaultValue={form.value("counterPrice")}
        />
        <FormField
          name="counterDeliveryDate"
          label="Delivery to the buyer by"
          type="date"
          required
          min={earliestDate}
          error={form.error("counterDeliveryDate")}
          defaultValue={form.value("counterDeliveryDate")}
        />
        <FormField
          name="counterNote"
          label="Note to our operations team (optional)"
          maxLength={2000}
          error={form.error("counterNote")}
          defaultValue={form.value("counterNote")}
        />
        <button type="submit" className="secondary" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send the counteroffer"}
        </button>
      </form>
    </details>
  );
}
