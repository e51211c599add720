"use client";

import Link from "next/link";
import { useFormAction } from "@/lib/forms/use-form-action";
import { addToCartAction } from "./actions";
import type { ChosenOptions } from "./use-live-quote";

/** "Add to cart" for a buyer; for a visitor, the ways to an account that can order. */
export function OrderButtons({
  partId,
  options,
  buyer,
  blocked = false,
}: {
  partId: string;
  options: ChosenOptions;
  buyer: { email: string } | null;
  /** The line is below the partners' minimum and the surcharge is off: it cannot be ordered as it is. */
  blocked?: boolean;
}) {
  const form = useFormAction(addToCartAction);
  const here = `/parts/${partId}`;
  if (!buyer)
    return (
      <div className="actions">
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className="button">
          Create an account to order
        </Link>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="button secondary">
          Sign in
        </Link>
      </div>
    );
  return (
    <form {...form.props} className="actions">
      <input type="hidden" name="partId" value={partId} />
      <input type="hidden" name="options" value={JSON.stringify(options)} />
      <button type="submit" disabled={form.pending || blocked}>
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
