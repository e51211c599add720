"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { answerManualQuoteAction, declineManualQuoteAction, type ManualQuoteActionState } from "./actions";

export interface AnswerDefaults {
  unitPriceEuros: string;
  supplierUnitCostEuros: string;
  deliveryDate: string;
  validityDays: number;
  estimatedMachineHours: string;
}

/** Price, supplier cost, date, validity, machine hours and a note: sent to the buyer as a quote. */
export function AnswerManualQuoteForm({
  requestId,
  quantity,
  tomorrow,
  defaults,
}: {
  requestId: string;
  quantity: number;
  tomorrow: string;
  defaults: AnswerDefaults;
}) {
  const [state, action, pending] = useActionState<ManualQuoteActionState, FormData>(
    answerManualQuoteAction,
    {},
  );
  const errors = state.fieldErrors ?? {};
  const typed = (name: keyof AnswerDefaults) => state.values?.[name] ?? String(defaults[name]);
  return (
    <form action={action} className="form" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Send a quote</h2>
      <FormMessages state={state} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="field-row">
        <FormField
          name="unitPriceEuros"
          label="Buyer's price per part in €"
          inputMode="decimal"
          required
          defaultValue={typed("unitPriceEuros")}
          hint={`Excluding VAT; × ${quantity} pcs.`}
          error={errors.unitPriceEuros}
        />
        <FormField
          name="supplierUnitCostEuros"
          label="Partner's cost per part in €"
          inputMode="decimal"
          required
          defaultValue={typed("supplierUnitCostEuros")}
          hint="What the partner is paid; below the buyer's price."
          error={errors.supplierUnitCostEuros}
        />
      </div>
      <div className="field-row wide">
        <FormField
          name="deliveryDate"
          label="Delivery date"
          type="date"
          required
          min={tomorrow}
          defaultValue={typed("deliveryDate")}
          hint="A working day."
          error={errors.deliveryDate}
        />
        <FormField
          name="validityDays"
          label="Valid for (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          required
          defaultValue={typed("validityDays")}
          error={errors.validityDays}
        />
        <FormField
          name="estimatedMachineHours"
          label="Machine hours for the order"
          inputMode="decimal"
          defaultValue={typed("estimatedMachineHours")}
          hint="The engine's estimate; matching books partners' capacity with it."
          error={errors.estimatedMachineHours}
        />
      </div>
      <div className="field">
        <label htmlFor="note">Note to the buyer (optional)</label>
        <textarea
          id="note"
          name="note"
          rows={3}
          maxLength={2000}
          placeholder="What the price includes, what we assumed from the drawing…"
          defaultValue={state.values?.note ?? ""}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "note-error" : undefined}
        />
        <FieldError id="note-error" message={errors.note} />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send the quote to the buyer"}
        </button>
      </div>
    </form>
  );
}

/** Declines the request; the reason is e-mailed to the buyer and shown on the part's page. */
export function DeclineManualQuoteForm({ requestId, open }: { requestId: string; open?: boolean }) {
  const [state, action, pending] = useActionState<ManualQuoteActionState, FormData>(
    declineManualQuoteAction,
    {},
  );
  const reasonError = state.fieldErrors?.reason;
  return (
    <details className="decline-request" open={open || Boolean(state.error || reasonError)}>
      <summary>Decline the request</summary>
      <form action={action} className="form">
        <FormMessages state={state} />
        <input type="hidden" name="requestId" value={requestId} />
        <div className="field">
          <label htmlFor="decline-reason">Why can we not quote it?</label>
          <textarea
            id="decline-reason"
            name="reason"
            rows={3}
            required
            minLength={5}
            maxLength={2000}
            defaultValue={state.values?.reason ?? ""}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={
              reasonError ? "decline-reason-hint decline-reason-error" : "decline-reason-hint"
            }
          />
          <span id="decline-reason-hint" className="hint">
            Sent to the buyer by e-mail and shown on the part&apos;s page.
          </span>
          <FieldError id="decline-reason-error" message={reasonError} />
        </div>
        <div className="actions">
          <button type="submit" className="danger" disabled={pending}>
            {pending ? "Declining…" : "Decline and tell the buyer"}
          </button>
        </div>
      </form>
    </details>
  );
}
