"use client";

import { useActionState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import { cancelOrderAction, decideComplaintAction, refundAction, type OpsOrderActionState } from "./actions";

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

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
  return (
    <form action={action} className="form">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <fieldset className="field" aria-describedby={described("decision")}>
        <legend>Decision</legend>
        <div className="choices">
          <label>
            <input type="radio" name="decision" value="UPHELD" required /> Upheld
          </label>
          <label>
            <input type="radio" name="decision" value="REJECTED" required /> Rejected
          </label>
        </div>
        <FieldError id={id("decision-error")} message={errors.decision} />
      </fieldset>
      <div className="field">
        <label htmlFor={id("resolution")}>Resolution</label>
        <textarea
          id={id("resolution")}
          name="resolution"
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
          defaultValue={0}
          aria-invalid={errors.refundEuros ? true : undefined}
          aria-describedby={[id("refundEuros-hint"), described("refundEuros")].filter(Boolean).join(" ")}
        />
        <span id={id("refundEuros-hint")} className="hint">
          VAT included; 0 for none. Only an upheld complaint refunds.
        </span>
        <FieldError id={id("refundEuros-error")} message={errors.refundEuros} />
      </div>
      <fieldset className="field" aria-describedby={described("partnerPayout")}>
        <legend>The partner&apos;s payout for this part</legend>
        <div className="choices">
          <label>
            <input type="radio" name="partnerPayout" value="PAY" required /> Pay the partner
          </label>
          <label>
            <input type="radio" name="partnerPayout" value="WITHHOLD" required disabled={payoutPaid} />{" "}
            Withhold the partner&apos;s payout
          </label>
        </div>
        {payoutPaid && (
          <span className="hint">
            The payout is paid already; recover a share from the partner outside the platform if needed.
          </span>
        )}
        <FieldError id={id("partnerPayout-error")} message={errors.partnerPayout} />
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
            required
            minLength={3}
            maxLength={500}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "cancel-reason-error" : undefined}
          />
          <FieldError id="cancel-reason-error" message={reasonError} />
        </div>
        <div className="actions">
          <button type="submit" className="danger" disabled={pending}>
            {pending ? "Cancelling…" : "Cancel the order"}
          </button>
        </div>
      </form>
    </details>
  );
}
