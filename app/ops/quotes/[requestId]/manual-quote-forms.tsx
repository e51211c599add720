"use client";

import { FormField } from "@/app/_components/form-field";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { answerManualQuoteAction, declineManualQuoteAction } from "./actions";
import styles from "./quote-request.module.css";

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
  const form = useFormAction(answerManualQuoteAction);
  const typed = (name: keyof AnswerDefaults) => form.value(name) ?? String(defaults[name]);
  return (
    <form {...form.props} className="form" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Send a quote</h2>
      <FormMessages state={form.messages} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="field-row">
        <FormField
          name="unitPriceEuros"
          label="Buyer's price per part in €"
          inputMode="decimal"
          required
          defaultValue={typed("unitPriceEuros")}
          hint={`Excluding VAT; × ${quantity} pcs.`}
          error={form.error("unitPriceEuros")}
        />
        <FormField
          name="supplierUnitCostEuros"
          label="Partner's cost per part in €"
          inputMode="decimal"
          required
          defaultValue={typed("supplierUnitCostEuros")}
          hint="What the partner is paid; below the buyer's price."
          error={form.error("supplierUnitCostEuros")}
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
          error={form.error("deliveryDate")}
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
          error={form.error("validityDays")}
        />
        <FormField
          name="estimatedMachineHours"
          label="Machine hours for the order"
          inputMode="decimal"
          defaultValue={typed("estimatedMachineHours")}
          hint="The engine's estimate; matching books partners' capacity with it."
          error={form.error("estimatedMachineHours")}
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
          defaultValue={form.value("note") ?? ""}
          aria-invalid={form.error("note") ? true : undefined}
          aria-describedby={form.error("note") ? "note-error" : undefined}
        />
        <FieldError id="note-error" message={form.error("note")} />
      </div>
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send the quote to the buyer"}
        </button>
      </div>
    </form>
  );
}

/** Declines the request; the reason is e-mailed to the buyer and shown on the part's page. */
export function DeclineManualQuoteForm({ requestId, open }: { requestId: string; open?: boolean }) {
  const form = useFormAction(declineManualQuoteAction);
  const reasonError = form.error("reason");
  return (
    <details className={styles.declineRequest} open={open || Boolean(form.messages.error || reasonError)}>
      <summary>Decline the request</summary>
      <form {...form.props} className="form">
        <FormMessages state={form.messages} />
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
            defaultValue={form.value("reason") ?? ""}
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
          <button type="submit" className="danger" disabled={form.pending}>
            {form.pending ? "Declining…" : "Decline and tell the buyer"}
          </button>
        </div>
      </form>
    </details>
  );
}
