"use client";

import { useActionState } from "react";
import { FormMessages } from "@/app/_components/form-messages";
import {
  cancelOrderAction,
  confirmDeliveryAction,
  payByCardAction,
  complainAction,
  decideApprovalAction,
  orderAgainAction,
  rateLineAction,
  type OrderActionState,
} from "./actions";
import styles from "./order.module.css";

export function ApprovalForm({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState<OrderActionState, FormData>(decideApprovalAction, {});
  return (
    <form action={action} className="actions">
      <FormMessages state={state} />
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
  const [state, action, pending] = useActionState<OrderActionState, FormData>(orderAgainAction, {});
  return (
    <form action={action}>
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Pricing again…" : "Order again"}
      </button>
    </form>
  );
}

export function RatingForm({ orderId, orderLineId }: { orderId: string; orderLineId: string }) {
  const [state, action, pending] = useActionState<OrderActionState, FormData>(rateLineAction, {});
  if (state.success) return <FormMessages state={state} />;
  return (
    <form action={action} className="form inline-form" aria-label="Rate this part">
      <FormMessages state={state} />
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
                defaultChecked={state.values?.stars === String(stars)}
              />{" "}
              {stars}★
            </label>
          ))}
        </div>
        {state.fieldErrors?.stars && <span className="field-error">{state.fieldErrors.stars}</span>}
      </fieldset>
      <div className="field">
        <label htmlFor={`comment-${orderLineId}`}>Comment (optional)</label>
        <textarea
          id={`comment-${orderLineId}`}
          name="comment"
          rows={2}
          defaultValue={state.values?.comment}
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
  const [state, action, pending] = useActionState<OrderActionState, FormData>(complainAction, {});
  if (state.success) return <FormMessages state={state} />;
  return (
    <details className="complaint">
      <summary>Something wrong? Complain until {until}</summary>
      <form action={action} className="form" aria-label="Complaint">
        <FormMessages state={state} />
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="orderLineId" value={orderLineId} />
        <div className="field">
          <label htmlFor={`text-${orderLineId}`}>What is wrong?</label>
          <textarea
            id={`text-${orderLineId}`}
            name="text"
            rows={3}
            required
            defaultValue={state.values?.text}
            aria-invalid={Boolean(state.fieldErrors?.text)}
          />
          {state.fieldErrors?.text && <span className="field-error">{state.fieldErrors.text}</span>}
        </div>
        <div className="field">
          <label htmlFor={`photos-${orderLineId}`}>Photos (up to 5, 10 MB each)</label>
          <input
            id={`photos-${orderLineId}`}
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic"
            multiple
          />
          {state.fieldErrors?.photos && <span className="field-error">{state.fieldErrors.photos}</span>}
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "File complaint"}
        </button>
      </form>
    </details>
  );
}

export function PayByCardForm({ orderId, totalLabel }: { orderId: string; totalLabel: string }) {
  const [state, action, pending] = useActionState<OrderActionState, FormData>(payByCardAction, {});
  return (
    <form action={action} className="actions">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending}>
        {pending ? "Opening the payment page…" : `Pay ${totalLabel} by card`}
      </button>
    </form>
  );
}

export function ConfirmDeliveryForm({ orderId, orderLineId }: { orderId: string; orderLineId: string }) {
  const [state, action, pending] = useActionState<OrderActionState, FormData>(confirmDeliveryAction, {});
  if (state.success) return <FormMessages state={state} />;
  return (
    <form action={action} className="actions" aria-label="Confirm delivery">
      <FormMessages state={state} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="orderLineId" value={orderLineId} />
      <button type="submit" disabled={pending}>
        {pending ? "Confirming…" : "Parts arrived: confirm delivery"}
      </button>
    </form>
  );
}

export function CancelOrderForm({ orderId, refundNote }: { orderId: string; refundNote: string }) {
  const [state, action, pending] = useActionState<OrderActionState, FormData>(cancelOrderAction, {});
  if (state.success) return <FormMessages state={state} />;
  return (
    <details className="cancel-order">
      <summary>Cancel this order</summary>
      <form action={action} className="form">
        <FormMessages state={state} />
        <input type="hidden" name="orderId" value={orderId} />
        <label className="field">
          <span>Why do you cancel?</span>
          <input name="reason" required minLength={3} maxLength={500} defaultValue={state.values?.reason} />
          {state.fieldErrors?.reason && <span className="field-error">{state.fieldErrors.reason}</span>}
        </label>
        <p className="hint">{refundNote}</p>
        <button type="submit" className="danger" disabled={pending}>
          {pending ? "Cancelling…" : "Cancel order"}
        </button>
      </form>
    </details>
  );
}
