"use client";

import { useFormAction } from "@/lib/forms/use-form-action";
import { addManualQuoteToCartAction } from "./actions";

/** The "Add to cart" button of a quote from our engineers. */
export function AddManualQuoteToCart({ quoteId }: { quoteId: string }) {
  const form = useFormAction(addManualQuoteToCartAction);
  return (
    <form {...form.props} className="actions">
      <input type="hidden" name="quoteId" value={quoteId} />
      <button type="submit" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add to cart"}
      </button>
      {form.messages.error && (
        <p className="alert error" role="alert">
          {form.messages.error}
        </p>
      )}
    </form>
  );
}
