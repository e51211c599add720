"use client";

import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FieldError } from "@/app/_components/field-error";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { cancelOrderAction, decideComplaintAction, refundAction, reofferAction } from "./actions";
import disclosuresStyles from "@/app/_components/disclosures.module.css";
import styles from "./ops-order.module.css";

export function ComplaintDecisionForm({
  orderId,
  complaintId,
  payoutPaid,
  waitingForSupplier = false,
}: {
  orderId: string;
  complaintId: string;
  /** A paid payout cannot be withheld any more (decideComplaint refuses): the choice is not offered. */
  payoutPaid: boolean;
  /** The partner has not answered and its deadline has not passed: deciding now needs a reason. */
  waitingForSupplier?: boolean;
}) {
  const form = useFormAction(decideComplaintAction);
  const id = (name: string) => `${name}-${complaintId}`;
  const described = (name: string) => (form.error(name) ? id(`${name}-error`) : undefined);
  return (
    <form {...form.props} className="form">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="complaintId" value={complaintId} />
      <fieldset className="field" aria-describedby={described("decision")}>
        <legend>Decision</legend>
        <div className={styles.choices}>
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
                defaultChecked={form.value("decision") === value}
              />{" "}
              {label}
            </label>
          ))}
        </div>
        <FieldError id={id("decision-error")} message={form.error("decision")} />
      </fieldset>
      <div className="field">
        <label htmlFor={id("resolution")}>Resolution</label>
        <textarea
          id={id("resolution")}
          name="resolution"
          defaultValue={form.value("resolution")}
          rows={3}
          required
          minLength={5}
          maxLength={2000}
          aria-invalid={form.error("resolution") ? true : undefined}
          aria-describedby={[id("resolution-hint"), described("resolution")].filter(Boolean).join(" ")}
        />
        <span id={id("resolution-hint")} className="hint">
          Sent by e-mail to the buyer and the partner.
        </span>
        <FieldError id={id("resolution-error")} message={form.error("resolution")} />
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
          defaultValue={form.value("refundEuros") ?? 0}
          aria-invalid={form.error("refundEuros") ? true : undefined}
          aria-describedby={[id("refundEuros-hint"), described("refundEuros")].filter(Boolean).join(" ")}
        />
        <span id={id("refundEuros-hint")} className="hint">
          VAT included; 0 for none. Only an upheld complaint refunds.
        </span>
        <FieldError id={id("refundEuros-error")} message={form.error("refundEuros")} />
      </div>
      <fieldset className="field" aria-describedby={described("supplierPayout")}>
        <legend>The partner&apos;s payout for this part</legend>
        <div className={styles.choices}>
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
                defaultChecked={form.value("supplierPayout") === value}
              />{" "}
              {label}
            </label>
          ))}
        </div>
        {payoutPaid && (
          <span className="hint">
            The payout was paid before this complaint (the complaint window had closed, or the buyer confirmed
            no complaint): it cannot be withheld. Recover a share from the partner outside the platform if
            needed.
          </span>
        )}
        <FieldError id={id("supplierPayout-error")} message={form.error("supplierPayout")} />
      </fieldset>
      {waitingForSupplier && <EarlyDecisionField form={form} id={id} />}
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Recording…" : "Record the decision"}
        </button>
      </div>
    </form>
  );
}

export function RefundForm({ orderId, refundableHint }: { orderId: string; refundableHint: string }) {
  const form = useFormAction(refundAction);
  const amountError = form.error("amountEuros");
  const reasonError = form.error("reason");
  return (
    <form {...form.props} className="form" aria-labelledby="refund-heading">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <div className="field-row wide">
        <div className="field">
          <label htmlFor="refund-amount">Amount in €, VAT included</label>
          <input
            id="refund-amount"
            name="amountEuros"
            defaultValue={form.value("amountEuros")}
            type="number"
            inputMode="decimal"
            min={0.01}
            step={0.01}
            required
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? "refund-amount-hint refund-amount-error" : "refund-amount-hint"}
          />
          <span id="refund-amount-hint" className="hint">
            {refundableHint}
          </span>
          <FieldError id="refund-amount-error" message={amountError} />
        </div>
        <div className="field">
          <label htmlFor="refund-reason">Reason</label>
          <input
            id="refund-reason"
            name="reason"
            defaultValue={form.value("reason")}
            required
            minLength={3}
            maxLength={500}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "refund-reason-error" : undefined}
          />
          <FieldError id="refund-reason-error" message={reasonError} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={form.pending}>
          {form.pending ? "Refunding…" : "Refund"}
        </button>
      </div>
    </form>
  );
}

export function CancelOrderForm({ orderId, orderNumber }: { orderId: string; orderNumber: string }) {
  const form = useFormAction(cancelOrderAction);
  const reasonError = form.error("reason");
  return (
    <details className={disclosuresStyles.cancelOrder}>
      <summary>Cancel order {orderNumber}</summary>
      <form {...form.props} className="form">
        <FormMessages state={form.messages} />
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
            defaultValue={form.value("reason")}
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
            disabled={form.pending}
            question={`Cancel order ${orderNumber}? Its lines are cancelled, open offers withdrawn and the money goes back to the buyer, who is told by e-mail. This cannot be undone.`}
          >
            {form.pending ? "Cancelling…" : "Cancel the order"}
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
  const form = useFormAction(reofferAction);
  const error = form.error("supplierCompanyId");
  const id = (name: string) => `${name}-${orderLineId}`;
  return (
    <form {...form.props} className={`form ${styles.reofferForm}`}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <div className="field">
        <label htmlFor={id("reoffer-supplier")}>Offer to partner</label>
        <select
          id={id("reoffer-supplier")}
          name="supplierCompanyId"
          required
          defaultValue={form.value("supplierCompanyId") ?? ""}
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
            form.pending ||
            suppliers.every(
              (supplier) => supplier.refusal !== null || supplier.companyId === currentSupplierId,
            )
          }
        >
          {form.pending ? "Offering…" : "Offer the line"}
        </button>
      </div>
    </form>
  );
}

/** Why operations decide before the partner answered (docs/decisions/0042); kept on the complaint. */
function EarlyDecisionField({
  form,
  id,
}: {
  form: ReturnType<typeof useFormAction>;
  id: (name: string) => string;
}) {
  const error = form.error("earlyDecisionReason");
  return (
    <div className="field">
      <label htmlFor={id("earlyDecisionReason")}>Why decide before the partner&apos;s answer?</label>
      <textarea
        id={id("earlyDecisionReason")}
        name="earlyDecisionReason"
        rows={2}
        maxLength={1000}
        defaultValue={form.value("earlyDecisionReason")}
        aria-invalid={error ? true : undefined}
        aria-describedby={[id("earlyDecisionReason-hint"), error ? id("earlyDecisionReason-error") : ""]
          .filter(Boolean)
          .join(" ")}
      />
      <span id={id("earlyDecisionReason-hint")} className="hint">
        The partner has not answered yet and still has time. Leave this empty to wait for its answer; a reason
        (e.g. a safety issue, the buyer&apos;s deadline) lets you decide now.
      </span>
      <FieldError id={id("earlyDecisionReason-error")} message={error} />
    </div>
  );
}
