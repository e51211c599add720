"use client";

import { useActionState, useState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { offerRejectReasons } from "@/lib/matching/offer-reject-reasons";
import type { SupplierStep } from "@/lib/suppliers/job-statuses";
import {
  acceptOfferAction,
  rejectOfferAction,
  updateJobStatusAction,
  type SupplierActionState,
} from "./actions";

export function AnswerOfferForms({ offerId }: { offerId: string }) {
  const [accepted, accept, accepting] = useActionState<SupplierActionState, FormData>(acceptOfferAction, {});
  const [rejected, reject, rejecting] = useActionState<SupplierActionState, FormData>(rejectOfferAction, {});
  const [reason, setReason] = useState("");
  return (
    <div className="answer-offer">
      <form action={accept} className="form">
        <FormMessages state={accepted} />
        <input type="hidden" name="offerId" value={offerId} />
        <p className="hint">
          Accepting commits you to the delivery date and price; the CAD file is yours to download right after.
        </p>
        <button type="submit" disabled={accepting || rejecting}>
          {accepting ? "Accepting…" : "Accept the job"}
        </button>
      </form>
      <form action={reject} className="form" noValidate>
        <FormMessages state={rejected} />
        <input type="hidden" name="offerId" value={offerId} />
        <div className="field">
          <label htmlFor="reason">Reason for rejecting</label>
          {/* Uncontrolled and keyed by the reason sent: React resets a form after its action, and a select
              goes back to the option it was first rendered with, so a refused rejection would otherwise
              show "Choose a reason…" while `reason` (which drives the note's label) still holds the choice. */}
          <select
            key={rejected.values?.reason ?? ""}
            id="reason"
            name="reason"
            defaultValue={rejected.values?.reason ?? ""}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={rejected.fieldErrors?.reason ? true : undefined}
          >
            <option value="" disabled>
              Choose a reason…
            </option>
            {Object.entries(offerRejectReasons).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          {rejected.fieldErrors?.reason && (
            <span className="field-error">Choose a reason from the list.</span>
          )}
        </div>
        <FormField
          name="note"
          label={reason === "OTHER" ? "Explanation" : "Note (optional)"}
          error={rejected.fieldErrors?.note}
          required={reason === "OTHER"}
          maxLength={2000}
          defaultValue={rejected.values?.note}
        />
        <button type="submit" className="secondary" disabled={accepting || rejecting || reason === ""}>
          {rejecting ? "Rejecting…" : "Reject the job"}
        </button>
      </form>
    </div>
  );
}

const stepLabels: Record<SupplierStep, string> = {
  IN_PRODUCTION: "Mark in production",
  QUALITY_CHECK: "Mark in quality check",
  SHIPPED: "Mark shipped",
};

/** The progress a supplier may report next (lib/suppliers/job-statuses.ts nextSupplierSteps). */
export function JobStatusForms({ orderLineId, steps }: { orderLineId: string; steps: SupplierStep[] }) {
  const [state, action, pending] = useActionState<SupplierActionState, FormData>(updateJobStatusAction, {});
  if (steps.length === 0) return <FormMessages state={state} />;
  return (
    <div className="job-steps">
      <FormMessages state={state} />
      {steps
        .filter((step) => step !== "SHIPPED")
        .map((step) => (
          <form key={step} action={action}>
            <input type="hidden" name="orderLineId" value={orderLineId} />
            <input type="hidden" name="to" value={step} />
            <button type="submit" className="secondary" disabled={pending}>
              {stepLabels[step]}
            </button>
          </form>
        ))}
      {steps.some((step) => step === "SHIPPED") && (
        <form action={action} className="form ship-form" noValidate>
          <input type="hidden" name="orderLineId" value={orderLineId} />
          <input type="hidden" name="to" value="SHIPPED" />
          <FormField
            name="carrier"
            label="Carrier"
            required
            error={state.fieldErrors?.carrier}
            defaultValue={state.values?.carrier}
          />
          <FormField
            name="trackingNumber"
            label="Tracking number"
            required
            error={state.fieldErrors?.trackingNumber}
            defaultValue={state.values?.trackingNumber}
          />
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : stepLabels.SHIPPED}
          </button>
        </form>
      )}
    </div>
  );
}
