"use client";

import { useActionState } from "react";
import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import {
  cancelOrderAction,
  decideComplaintAction,
  recordRemakeAction,
  refundAction,
  reofferAction,
  type OpsOrderActionState,
} from "./actions";

export function ComplaintDecisionForm({
  orderId,
  complaintId,
  payoutPaid,
}: {
  orderId: string;
  complaintId: string;
  /** A paid payout cannot be withheld any more (decideComplaint refuses): the choice is not offered. */
  payoutPaid: boolean;
}) {
  const [state, action, pending] = useActionState<OpsOrderActionState, FormData>(decideComplaintAction, {});
  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `${name}-${complaintId}`;
  const described = (name: string) => (errors[name] ? id(`${name}-error`) : undefined);
  const typed = state.values ?? {};
  return (
    <form action={action} className="form">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <fieldset className="field" aria-describedby={described("decision")}>
        <legend>Decision</legend>
        <div className="choices">
          {(
            [
              ["UPHELD", "Upheld"],
              ["REJECTED", "Rejected"],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="decision"
                value={value}
                required
                defaultChecked={typed.decision === value}
              />{" "}
              {label}
            </label>
          ))}
        </div>
        <FieldError id={id("decision-error")} message={errors.decision} />
      </fieldset>
      <div className="field">
        <label htmlFor={id("resolution")}>Resolution</label>
        <textarea
          id={id("resolution")}
          name="resolution"
          defaultValue={typed.resolution}
          rows={3}
          required
          minLength={5}
          maxLength={2000}
          aria-invalid={errors.resolution ? true : undefined}
          aria-describedby={[id("resolution-hint"), described("resolution")].filter(Boolean).join(" ")}
        />
        <span id={id("resolution-hint")} className="hint">
          Sent by e-mail to the buyer and the partner.
        </span>
        <FieldError id={id("resolution-error")} message={errors.resolution} />
      </div>
      <div className="field">
        <label htmlFor={id("refundEuros")}>Refund to the buyer in €</label>
        <input
          id={id("refundEuros")}
          name="refundEuros"
          type="number"
          inputMode="decimal"
          min={0}
          step={0.01}
          defaultValue={typed.refundEuros ?? 0}
          aria-invalid={errors.refundEuros ? true : undefined}
          aria-describedby={[id("refundEuros-hint"), described("refundEuros")].filter(Boolean).join(" ")}
        />
        <span id={id("refundEuros-hint")} className="hint">
          VAT included; 0 for none. Only an upheld complaint refunds.
        </span>
        <FieldError id={id("refundEuros-error")} message={errors.refundEuros} />
      </div>
      <fieldset className="field" aria-describedby={described("supplierPayout")}>
        <legend>The partner&apos;s payout for this part</legend>
        <div className="choices">
          {(
            [
              ["PAY", "Pay the partner", false],
              ["WITHHOLD", "Withhold the partner's payout", payoutPaid],
            ] as const
          ).map(([value, label, disabled]) => (
            <label key={value}>
              <input
                type="radio"
                name="supplierPayout"
                value={value}
                required
                disabled={disabled}
                defaultChecked={typed.supplierPayout === value}
              />{" "}
              {label}
            </label>
          ))}
        </div>
        {payoutPaid && (
          <span className="hint">
            The payout is paid already; recover a share from the partner outside the platform if needed.
          </span>
        )}
        <FieldError id={id("supplierPayout-error")} message={errors.supplierPayout} />
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record the decision"}
        </button>
      </div>
    </form>
  );
}

export function RefundForm({ orderId, refundableHint }: { orderId: string; refundableHint: string }) {
  const [state, action, pending] = useActionState<OpsOrderActionState, FormData>(refundAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="form" aria-labelledby="refund-heading">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <div className="field-row wide">
        <div className="field">
          <label htmlFor="refund-amount">Amount in €, VAT included</label>
          <input
            id="refund-amount"
            name="amountEuros"
            defaultValue={state.values?.amountEuros}
            type="number"
            inputMode="decimal"
            min={0.01}
            step={0.01}
            required
            aria-invalid={errors.amountEuros ? true : undefined}
            aria-describedby={
              errors.amountEuros ? "refund-amount-hint refund-amount-error" : "refund-amount-hint"
            }
          />
          <span id="refund-amount-hint" className="hint">
            {refundableHint}
          </span>
          <FieldError id="refund-amount-error" message={errors.amountEuros} />
        </div>
        <div className="field">
          <label htmlFor="refund-reason">Reason</label>
          <input
            id="refund-reason"
            name="reason"
            defaultValue={state.values?.reason}
            required
            minLength={3}
            maxLength={500}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? "refund-reason-error" : undefined}
          />
          <FieldError id="refund-reason-error" message={errors.reason} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Refunding…" : "Refund"}
        </button>
      </div>
    </form>
  );
}

export function CancelOrderForm({ orderId, orderNumber }: { orderId: string; orderNumber: string }) {
  const [state, action, pending] = useActionState<OpsOrderActionState, FormData>(cancelOrderAction, {});
  const reasonError = state.fieldErrors?.reason;
  return (
    <details className="cancel-order">
      <summary>Cancel order {orderNumber}</summary>
      <form action={action} className="form">
        <FormMessages state={state} />
        <input type="hidden" name="orderId" value={orderId} />
        <p className="hint">
          Open offers are withdrawn, every line is cancelled and the money goes back: a card payment is
          refunded, an invoice is cancelled by a credit note. The buyer is told by e-mail. Not possible once
          parts have shipped; refund instead.
        </p>
        <div className="field">
          <label htmlFor="cancel-reason">Why is the order cancelled?</label>
          <input
            id="cancel-reason"
            name="reason"
            defaultValue={state.values?.reason}
            required
            minLength={3}
            maxLength={500}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "cancel-reason-error" : undefined}
          />
          <FieldError id="cancel-reason-error" message={reasonError} />
        </div>
        <div className="actions">
          <ConfirmSubmitButton
            className="danger"
            disabled={pending}
            question={`Cancel order ${orderNumber}? Its lines are cancelled, open offers withdrawn and the money goes back to the buyer, who is told by e-mail. This cannot be undone.`}
          >
            {pending ? "Cancelling…" : "Cancel the order"}
          </ConfirmSubmitButton>
        </div>
      </form>
    </details>
  );
}

export function ReofferForm({
  orderId,
  orderLineId,
  suppliers,
  currentSupplierId,
}: {
  orderId: string;
  orderLineId: string;
  /** Suppliers offering the line's process, with the matcher's reason to refuse each (null: possible). */
  suppliers: { companyId: string; name: string; city: string | null; refusal: string | null }[];
  /** The supplier with the pending offer, if any: it cannot be chosen again. */
  currentSupplierId: string | null;
}) {
  const [state, action, pending] = useActionState<OpsOrderActionState, FormData>(reofferAction, {});
  const error = state.fieldErrors?.supplierCompanyId;
  const id = (name: string) => `${name}-${orderLineId}`;
  return (
    <form action={action} className="form reoffer-form">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <div className="field">
        <label htmlFor={id("reoffer-supplier")}>Offer to partner</label>
        {/* Keyed by the supplier sent, as CountrySelect: React resets a form after its action and a select
            goes back to the option it was first rendered with, so a refused attempt keeps the choice. */}
        <select
          key={state.values?.supplierCompanyId ?? ""}
          id={id("reoffer-supplier")}
          name="supplierCompanyId"
          required
          defaultValue={state.values?.supplierCompanyId ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={[id("reoffer-hint"), error ? id("reoffer-error") : ""].filter(Boolean).join(" ")}
        >
          <option value="" disabled>
            Choose a partner…
          </option>
          {suppliers.map((supplier) => (
            <option
              key={supplier.companyId}
              value={supplier.companyId}
              disabled={supplier.companyId === currentSupplierId || supplier.refusal !== null}
            >
              {supplier.name}
              {supplier.city ? ` (${supplier.city})` : ""}
              {supplier.companyId === currentSupplierId
                ? " – has the offer"
                : supplier.refusal
                  ? ` – ${supplier.refusal}`
                  : ""}
            </option>
          ))}
        </select>
        <span id={id("reoffer-hint")} className="hint">
          The matcher&apos;s rules still apply (audit, material, machines, certificates, country, capacity): a
          partner that fails one is greyed out with the reason. A partner that rejected the line may be asked
          again. A pending offer to another partner is withdrawn.
        </span>
        <FieldError id={id("reoffer-error")} message={error} />
        {suppliers.every(
          (supplier) => supplier.refusal !== null || supplier.companyId === currentSupplierId,
        ) && (
          <span className="field-error">
            No other partner passes the matcher&apos;s rules for this line now: cancel the order, or ask a
            partner to free capacity and reload.
          </span>
        )}
      </div>
      <div className="actions">
        <button
          type="submit"
          disabled={
            pending ||
            suppliers.every(
              (supplier) => supplier.refusal !== null || supplier.companyId === currentSupplierId,
            )
          }
        >
          {pending ? "Offering…" : "Offer the line"}
        </button>
      </div>
    </form>
  );
}

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
  const [state, action, pending] = useActionState<OpsOrderActionState, FormData>(recordRemakeAction, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.values ?? {};
  const id = (name: string) => `remake-${name}-${orderLineId}`;
  const described = (name: string, hint?: string) =>
    [hint, errors[name] ? id(`${name}-error`) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <details className="remake">
      <summary>Record a remake</summary>
      <form action={action} className="form">
        <FormMessages state={state} />
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="orderLineId" value={orderLineId} />
        <p className="hint">A new line in this order, free for the buyer, who is told by e-mail.</p>
        <fieldset className="field">
          <legend>Who makes them</legend>
          <div className="checks stacked">
            <label>
              <input
                type="radio"
                name="maker"
                value="same-supplier"
                defaultChecked={typed.maker !== "matcher"}
              />
              {supplierName}, at its own cost (no payout)
            </label>
            <label>
              <input type="radio" name="maker" value="matcher" defaultChecked={typed.maker === "matcher"} />
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
            defaultValue={typed.supplierPriceEuros}
            aria-invalid={errors.supplierPriceEuros ? true : undefined}
            aria-describedby={described("supplierPriceEuros")}
          />
          <FieldError id={id("supplierPriceEuros-error")} message={errors.supplierPriceEuros} />
        </div>
        <div className="field">
          <label htmlFor={id("reason")}>Why are the parts made again?</label>
          <input
            id={id("reason")}
            name="reason"
            required
            minLength={5}
            maxLength={1000}
            defaultValue={typed.reason}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={described("reason")}
          />
          <FieldError id={id("reason-error")} message={errors.reason} />
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
              defaultValue={typed.deliveryDate}
              aria-invalid={errors.deliveryDate ? true : undefined}
              aria-describedby={described("deliveryDate", id("deliveryDate-hint"))}
            />
            <span id={id("deliveryDate-hint")} className="hint">
              A working day.
            </span>
            <FieldError id={id("deliveryDate-error")} message={errors.deliveryDate} />
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
              defaultValue={typed.quantity ?? quantity}
              required
              aria-invalid={errors.quantity ? true : undefined}
              aria-describedby={described("quantity", id("quantity-hint"))}
            />
            <span id={id("quantity-hint")} className="hint">
              At most {quantity}.
            </span>
            <FieldError id={id("quantity-error")} message={errors.quantity} />
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? "Recording…" : "Record the remake"}
          </button>
        </div>
      </form>
    </details>
  );
}
