"use client";

import { useState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import { FormField } from "@/app/_components/form-field";
import { offerRejectReasons } from "@/lib/matching/offer-reject-reasons";
import type { SupplierStep } from "@/lib/suppliers/job-statuses";
import { useFormAction } from "@/lib/forms/use-form-action";
import { acceptOfferAction, rejectOfferAction, updateJobStatusAction } from "./actions";
import styles from "./supplier.module.css";

export function AnswerOfferForms({ offerId }: { offerId: string }) {
  const accept = useFormAction(acceptOfferAction);
  const reject = useFormAction(rejectOfferAction);
  const [accepting, rejecting] = [accept.pending, reject.pending];
  const [reason, setReason] = useState("");
  return (
    <div className={styles.answerOffer}>
      <form {...accept.props} className="form">
        <FormMessages state={accept.messages} />
        <input type="hidden" name="offerId" value={offerId} />
        <p className="hint">
          Accepting commits you to the delivery date and price; the CAD file is yours to download right after.
        </p>
        <button type="submit" disabled={accepting || rejecting}>
          {accepting ? "Accepting…" : "Accept the job"}
        </button>
      </form>
      <form {...reject.props} className="form" noValidate>
        <FormMessages state={reject.messages} />
        <input type="hidden" name="offerId" value={offerId} />
        <div className="field">
          <label htmlFor="reason">Reason for rejecting</label>
          <select
            id="reason"
            name="reason"
            defaultValue={reject.value("reason") ?? ""}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reject.error("reason") ? true : undefined}
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
          {reject.error("reason") && <span className="field-error">Choose a reason from the list.</span>}
        </div>
        <FormField
          name="note"
          label={reason === "OTHER" ? "Explanation" : "Note (optional)"}
          error={reject.error("note")}
          required={reason === "OTHER"}
          maxLength={2000}
          defaultValue={reject.value("note")}
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
  const form = useFormAction(updateJobStatusAction);
  const { pending } = form;
  if (steps.length === 0) return <FormMessages state={form.messages} />;
  return (
    <div className={styles.jobSteps}>
      <FormMessages state={form.messages} />
      {steps
        .filter((step) => step !== "SHIPPED")
        .map((step) => (
          <form key={step} {...form.props}>
            <input type="hidden" name="orderLineId" value={orderLineId} />
            <input type="hidden" name="to" value={step} />
            <button type="submit" className="secondary" disabled={pending}>
              {stepLabels[step]}
            </button>
          </form>
        ))}
      {steps.some((step) => step === "SHIPPED") && (
        <form {...form.props} className={`form ${styles.shipForm}`} noValidate>
          <input type="hidden" name="orderLineId" value={orderLineId} />
          <input type="hidden" name="to" value="SHIPPED" />
          <FormField
            idPrefix="shipping"
            name="carrier"
            label="Carrier"
            required
            error={form.error("carrier")}
            defaultValue={form.value("carrier")}
          />
          <FormField
            idPrefix="shipping"
            name="trackingNumber"
            label="Tracking number"
            required
            error={form.error("trackingNumber")}
            defaultValue={form.value("trackingNumber")}
          />
          <button type="submit" disabled={pending}>
            {pending ? "Saving…" : stepLabels.SHIPPED}
          </button>
        </form>
      )}
    </div>
  );
}
