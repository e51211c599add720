"use client";

import { CheckedFileField } from "@/app/_components/checked-file-field";
import { ConfirmSubmitButton } from "@/app/_components/confirm-submit-button";
import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import {
  cancelOrderAction,
  confirmDeliveryAction,
  confirmNoComplaintAction,
  payByCardAction,
  complainAction,
  decideApprovalAction,
  orderAgainAction,
  rateLineAction,
} from "./actions";
import disclosuresStyles from "@/app/_components/disclosures.module.css";
import styles from "./order.module.css";

export function ApprovalForm({ orderId }: { orderId: string }) {
  const form = useFormAction(decideApprovalAction);
  const { pending } = form;
  return (
    <form {...form.props} className="actions">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" name="decision" value="approve" disabled={pending}>
        Approve order
      </button>
      <button type="submit" name="decision" value="decline" className="secondary" disabled={pending}>
        Decline
      </button>
    </form>
  );
}

export function OrderAgainForm({ orderId }: { orderId: string }) {
  const form = useFormAction(orderAgainAction);
  const { pending } = form;
  return (
    <form {...form.props}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Pricing again…" : "Order again"}
      </button>
    </form>
  );
}

export function RatingForm({ orderId, orderLineId }: { orderId: string; orderLineId: string }) {
  const form = useFormAction(rateLineAction);
  const { pending } = form;
  if (form.messages.success) return <FormMessages state={form.messages} />;
  return (
    <form {...form.props} className="form inline-form" aria-label="Rate this part">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <fieldset className="field">
        <legend>How was it?</legend>
        <div className={styles.stars}>
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars}>
              <input
                type="radio"
                name="stars"
                value={stars}
                required
                defaultChecked={form.value("stars") === String(stars)}
              />{" "}
              {stars}★
            </label>
          ))}
        </div>
        {form.error("stars") && <span className="field-error">{form.error("stars")}</span>}
      </fieldset>
      <div className="field">
        <label htmlFor={`comment-${orderLineId}`}>Comment (optional)</label>
        <textarea
          id={`comment-${orderLineId}`}
          name="comment"
          rows={2}
          defaultValue={form.value("comment")}
        />
      </div>
      <button type="submit" disabled={pending}>
        Rate
      </button>
    </form>
  );
}

export function ComplaintForm({
  orderId,
  orderLineId,
  until,
}: {
  orderId: string;
  orderLineId: string;
  until: string;
}) {
  const form = useFormAction(complainAction);
  const { pending } = form;
  if (form.messages.success) return <FormMessages state={form.messages} />;
  return (
    <details className={disclosuresStyles.complaint}>
      <summary>Something wrong? Complain until {until}</summary>
      <form {...form.props} className="form" aria-label="Complaint">
        <FormMessages state={form.messages} />
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="orderLineId" value={orderLineId} />
        <div className="field">
          <label htmlFor={`text-${orderLineId}`}>What is wrong?</label>
          <textarea
            id={`text-${orderLineId}`}
            name="text"
            rows={3}
            required
            defaultValue={form.value("text")}
            aria-invalid={Boolean(form.error("text"))}
          />
          {form.error("text") && <span className="field-error">{form.error("text")}</span>}
        </div>
        <CheckedFileField
          name="photos"
          rule="complaintPhotos"
          accept="image/jpeg,image/png,image/webp,image/heic"
          idPrefix={orderLineId}
          label="Photos (up to 5, 10 MB each)"
          serverError={form.error("photos")}
        />
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "File complaint"}
        </button>
      </form>
    </details>
  );
}

export function PayByCardForm({ orderId, totalLabel }: { orderId: string; totalLabel: string }) {
  const form = useFormAction(payByCardAction);
  const { pending } = form;
  return (
    <form {...form.props} className="actions">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending}>
        {pending ? "Opening the payment page…" : `Pay ${totalLabel} by card`}
      </button>
    </form>
  );
}

export function ConfirmDeliveryForm({ orderId, orderLineId }: { orderId: string; orderLineId: string }) {
  const form = useFormAction(confirmDeliveryAction);
  const { pending } = form;
  if (form.messages.success) return <FormMessages state={form.messages} />;
  return (
    <form {...form.props} className="actions" aria-label="Confirm delivery">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <button type="submit" disabled={pending}>
        {pending ? "Confirming…" : "Parts arrived: confirm delivery"}
      </button>
    </form>
  );
}

export function CancelOrderForm({ orderId, refundNote }: { orderId: string; refundNote: string }) {
  const form = useFormAction(cancelOrderAction);
  const { pending } = form;
  if (form.messages.success) return <FormMessages state={form.messages} />;
  return (
    <details className={disclosuresStyles.cancelOrder}>
      <summary>Cancel this order</summary>
      <form {...form.props} className="form">
        <FormMessages state={form.messages} />
        <input type="hidden" name="orderId" value={orderId} />
        <label className="field">
          <span>Why do you cancel?</span>
          <input name="reason" required minLength={3} maxLength={500} defaultValue={form.value("reason")} />
          {form.error("reason") && <span className="field-error">{form.error("reason")}</span>}
        </label>
        <p className="hint">{refundNote}</p>
        <button type="submit" className="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Cancel order"}
        </button>
      </form>
    </details>
  );
}

/**
 * "No complaint", beside the complaint link: the buyer gives up the rest of the line's complaint window
 * (after the browser's confirmation) and the partner is paid now.
 */
export function NoComplaintForm({
  orderId,
  orderLineId,
  fileName,
  until,
}: {
  orderId: string;
  orderLineId: string;
  fileName: string;
  until: string;
}) {
  const form = useFormAction(confirmNoComplaintAction);
  const { pending } = form;
  if (form.messages.success) return <FormMessages state={form.messages} />;
  return (
    <form {...form.props} className={styles.noComplaint} aria-label="No complaint">
      <FormMessages state={form.messages} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <ConfirmSubmitButton
        className="secondary"
        disabled={pending}
        question={`No complaint about ${fileName}? You give up the complaint window for this part (open until ${until}) and we pay the manufacturing partner now. A defect nobody could see on inspection can still be reported.`}
      >
        {pending ? "Recording…" : "All in order: no complaint"}
      </ConfirmSubmitButton>
    </form>
  );
}
