import { z } from "zod";
import type { Database } from "../db/prisma";
import type { OrderRules } from "../small-orders/order-rules";
import { formatEuros } from "../money/format-euros";
import { confirmLargeChangeInput, formatNumber, numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

/** A checkbox from the form ("on" or missing), or a boolean from a caller. */
const onOff = z.preprocess((value) => value === true || value === "on", z.boolean());

const orderRulesInput = z.object({
  surchargeEnabled: onOff,
  surchargeMarginPercent: numberInput("the margin on the surcharge in percent", 0, 200),
  surchargeFeeEuros: numberInput("the fee per surcharged line in euros", 0, 1000),
  maxInstantQuantity: numberInput("the largest quantity priced instantly", 1, 100_000, { integer: true }),
  horizonDays: numberInput("the delivery horizon in days", 14, 730, { integer: true }),
  reason: reasonInput,
  confirmLargeChange: confirmLargeChangeInput,
});

const euros = (cents: number) => formatNumber(cents / 100);

/** "surcharge on → off, horizon 183 → 120 days": what changed, for the version's summary. */
function describeChange(before: OrderRules, after: OrderRules): string {
  const parts: string[] = [];
  if (before.surchargeEnabled !== after.surchargeEnabled)
    parts.push(
      `small-order surcharge ${before.surchargeEnabled ? "on" : "off"} → ${after.surchargeEnabled ? "on" : "off"}`,
    );
  if (before.surchargeMarginPercent !== after.surchargeMarginPercent)
    parts.push(
      `surcharge margin ${formatNumber(before.surchargeMarginPercent)} → ${formatNumber(after.surchargeMarginPercent)} %`,
    );
  if (before.surchargeFeeCents !== after.surchargeFeeCents)
    parts.push(`surcharge fee €${euros(before.surchargeFeeCents)} → €${euros(after.surchargeFeeCents)}`);
  if (before.maxInstantQuantity !== after.maxInstantQuantity)
    parts.push(`instant prices up to ${before.maxInstantQuantity} → ${after.maxInstantQuantity} pieces`);
  if (before.horizonDays !== after.horizonDays)
    parts.push(`delivery horizon ${before.horizonDays} → ${after.horizonDays} days`);
  const summary = parts.join(", ");
  return summary.charAt(0).toUpperCase() + summary.slice(1);
}

/**
 * Changes the small-order surcharge and the instant-quote limits, as a new pricing settings version:
 * quotes priced from then on follow them; saved quotes keep their price (checkout still checks that a
 * partner takes each line).
 */
export async function updateOrderRules(db: Database, actor: { userId: string }, input: unknown) {
  const { reason, surchargeFeeEuros, confirmLargeChange, ...rest } = orderRulesInput.parse(input);
  const next: OrderRules = { ...rest, surchargeFeeCents: Math.round(surchargeFeeEuros * 100) };
  return savePricingVersion(
    db,
    actor,
    reason,
    ({ document }) => ({
      summary: describeChange(document.orderRules, next) || "Order rules unchanged",
      document: { ...document, orderRules: next },
      moves: [
        {
          what: "Small-order surcharge fee per line",
          before: document.orderRules.surchargeFeeCents,
          after: next.surchargeFeeCents,
          show: formatEuros,
          quotes: { smallOrderSurchargeCents: { gt: 0 } },
        },
      ],
    }),
    { confirmedLargeChange: confirmLargeChange },
  );
}
