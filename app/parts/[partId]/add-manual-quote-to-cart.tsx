"use client";

import { useActionState } from "react";
import { addManualQuoteToCartAction, type PartActionState } from "./actions";

/** The "Add to cart" button of a quote from our engineers. */
export function AddManualQuoteToCart({ quoteId }: { quoteId: string }) {
  const [state, action, pending] = useActionState<PartActionState, FormData>(addManualQuoteToCartAction, {});
  return (
    <form action={action} className="actions">
      <input type="hidden" name="quoteId" value={quoteId} />
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add to cart"}
      </button>
      {state.error && (
        <p className="alert error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
