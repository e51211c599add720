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

const stepLabels: Record<Exclude<SupplierStep, "SHIPPED">, string> = {
  IN_PRODUCTION: "Mark in production",
  QUALITY_CHECK: "Mark in quality check",
};

/**
 * The progress a supplier may report next (lib/suppliers/job-statuses.ts nextSupplierSteps), but for
 * shipping: parcels are shipped in the job's quality and shipping section (job-quality-section.tsx).
 */
export function JobStatusForms({ orderLineId, steps }: { orderLineId: string; steps: SupplierStep[] }) {
  const form = useFormAction(updateJobStatusAction);
  const { pending } = form;
  const reported = steps.filter((step): step is Exclude<SupplierStep, "SHIPPED"> => step !== "SHIPPED");
  if (reported.length === 0) return <FormMessages state={form.messages} />;
  return (
    <div className={styles.jobSteps}>
      <FormMessages state={form.messages} />
      {reported.map((step) => (
        <form key={step} {...form.props}>
          <input type="hidden" name="orderLineId" value={orderLineId} />
          <input type="hidden" name="to" value={step} />
          <button type="submit" className="secondary" disabled={pending}>
            {stepLabels[step]}
          </button>
        </form>
      ))}
    </div>
  );
}
