"use client";

import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { recordRemakeAction } from "./actions";
import styles from "./ops-order.module.css";

export function RemakeForm({
  orderId,
  orderLineId,
  supplierName,
  quantity,
  earliestDate,
}: {
  orderId: string;
  orderLineId: string;
  supplierName: string;
  quantity: number;
  /** The first day a new delivery date may be (tomorrow, Germany's calendar), "YYYY-MM-DD". */
  earliestDate: string;
}) {
  const form = useFormAction(recordRemakeAction);
  const id = (name: string) => `remake-${name}-${orderLineId}`;
  const described = (name: string, hint?: string) =>
    [hint, form.error(name) ? id(`${name}-error`) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <details className={styles.remake}>
      <summary>Record a remake</summary>
      <form {...form.props} className="form">
        <FormMessages state={form.messages} />
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="orderLineId" value={orderLineId} />
        <p className="hint">A new line in this order, free for the buyer, who is told by e-mail.</p>
        <fieldset className="field">
          <legend>Who makes them</legend>
          <div className={`checks ${styles.stacked}`}>
            <label>
              <input
                type="radio"
                name="maker"
                value="same-supplier"
                defaultChecked={form.value("maker") !== "matcher"}
              />
              {supplierName}, at its own cost (no payout)
            </label>
            <label>
              <input
                type="radio"
                name="maker"
                value="matcher"
                defaultChecked={form.value("maker") === "matcher"}
              />
              The matcher&apos;s choice, paid by the platform
            </label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={id("supplierPriceEuros")}>Partner price in € (when the platform pays)</label>
          <input
            id={id("supplierPriceEuros")}
            name="supplierPriceEuros"
            inputMode="decimal"
            placeholder="240.00"
            defaultValue={form.value("supplierPriceEuros")}
            aria-invalid={form.error("supplierPriceEuros") ? true : undefined}
            aria-describedby={described("supplierPriceEuros")}
          />
          <FieldError id={id("supplierPriceEuros-error")} message={form.error("supplierPriceEuros")} />
        </div>
        <div className="field">
          <label htmlFor={id("reason")}>Why are the parts made again?</label>
          <input
            id={id("reason")}
            name="reason"
            required
            minLength={5}
            maxLength={1000}
            defaultValue={form.value("reason")}
            aria-invalid={form.error("reason") ? true : undefined}
            aria-describedby={described("reason")}
          />
          <FieldError id={id("reason-error")} message={form.error("reason")} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id("deliveryDate")}>New delivery date</label>
            <input
              id={id("deliveryDate")}
              name="deliveryDate"
              type="date"
              required
              min={earliestDate}
              defaultValue={form.value("deliveryDate")}
              aria-invalid={form.error("deliveryDate") ? true : undefined}
              aria-describedby={described("deliveryDate", id("deliveryDate-hint"))}
            />
            <span id={id("deliveryDate-hint")} className="hint">
              A working day.
            </span>
            <FieldError id={id("deliveryDate-error")} message={form.error("deliveryDate")} />
          </div>
          <div className="field">
            <label htmlFor={id("quantity")}>Quantity</label>
            <input
              id={id("quantity")}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={quantity}
              step={1}
              defaultValue={form.value("quantity") ?? quantity}
              required
              aria-invalid={form.error("quantity") ? true : undefined}
              aria-describedby={described("quantity", id("quantity-hint"))}
            />
            <span id={id("quantity-hint")} className="hint">
              At most {quantity}.
            </span>
            <FieldError id={id("quantity-error")} message={form.error("quantity")} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={form.pending}>
            {form.pending ? "Recording…" : "Record the remake"}
          </button>
        </div>
      </form>
    </details>
  );
}
