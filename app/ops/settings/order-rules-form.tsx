"use client";

import type { OrderRules } from "@/lib/small-orders/order-rules";
import { updateOrderRulesAction } from "./actions";
import { Field, SettingsForm } from "./settings-forms";
import opsStyles from "../ops.module.css";

/**
 * The small-order surcharge (on or off, its margin and fee) and the instant-quote limits (largest quantity,
 * delivery horizon), saved together as a new pricing settings version.
 */
export function OrderRulesForm({ rules }: { rules: OrderRules }) {
  const form = "order-rules";
  return (
    <SettingsForm action={updateOrderRulesAction} form={form} submit="Save the rules">
      {(state) => {
        const enabled =
          state.reply?.status === "error" ? state.value("surchargeEnabled") === "on" : rules.surchargeEnabled;
        return (
          <>
            <label className={opsStyles.checkLine}>
              <input type="checkbox" name="surchargeEnabled" defaultChecked={enabled} /> Charge a small-order
              surcharge (off: a line below every partner&apos;s minimum cannot be ordered; the buyer sees what
              is missing)
            </label>
            <Field
              form={form}
              name="surchargeMarginPercent"
              label="Margin on the surcharged partner price, %"
              state={state}
              saved={rules.surchargeMarginPercent}
              inputMode="decimal"
              required
              hint="The surcharge lifts the partner price to the smallest minimum a capable partner takes; the buyer pays that plus this margin."
            />
            <Field
              form={form}
              name="surchargeFeeEuros"
              label="Fee per surcharged line, €"
              state={state}
              saved={(rules.surchargeFeeCents / 100).toFixed(2)}
              inputMode="decimal"
              required
            />
            <Field
              form={form}
              name="maxInstantQuantity"
              label="Largest quantity priced instantly"
              state={state}
              saved={rules.maxInstantQuantity}
              inputMode="numeric"
              required
              hint="More pieces go to a manual quote request."
            />
            <Field
              form={form}
              name="horizonDays"
              label="Delivery horizon, days"
              state={state}
              saved={rules.horizonDays}
              inputMode="numeric"
              required
              hint="A part whose earliest delivery date is further out goes to a manual quote request."
            />
          </>
        );
      }}
    </SettingsForm>
  );
}
