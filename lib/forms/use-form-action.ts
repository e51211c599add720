"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, type FormEvent } from "react";
import type { FormReply } from "./form-reply";

type FormActionFunction = (previous: FormReply | null, formData: FormData) => Promise<FormReply>;

/** A value of Conform's payload at a field name such as `billing.city` or `items[2].note`. */
function payloadAt(payload: unknown, name: string): unknown {
  let value = payload;
  for (const segment of name.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The client half of a form action (form-action.ts). React 19 resets a form after its action, which is
 * why refused forms used to lose what was typed and selects jumped back; here the form is sent from its
 * submit event inside a transition instead, so the browser keeps every field as the user left it (text,
 * selects, ticked boxes) and only a successful reply resets the form, as React did. Without JavaScript
 * the form posts as usual and `value(name)` brings back what was sent.
 *
 * Spread `props` on the form (or on each of several forms that share the action); `error(name)` is the field's refusal, `messages` the form-wide error and
 * the success sentence, `pending` true while the action runs.
 */
export function useFormAction(
  action: FormActionFunction,
  {
    resetOnSuccess = true,
    defaults = {},
  }: {
    /** false keeps the fields after a success too (React used to reset them). */
    resetOnSuccess?: boolean;
    /** Saved values by field name: `value(name)` falls back to them. */
    defaults?: Partial<Record<string, string>>;
  } = {},
) {
  const [reply, dispatch, pending] = useActionState(action, null);
  // The form last sent: several forms may share one action (one button per step of a job).
  const sentForm = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (resetOnSuccess && reply?.status === "success") sentForm.current?.reset();
  }, [reply, resetOnSuccess]);
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      sentForm.current = event.currentTarget;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const formData = new FormData(event.currentTarget, submitter);
      startTransition(() => dispatch(formData));
    },
    [dispatch],
  );
  const refused = reply?.status === "error" ? reply : null;
  const value = (name: string): string | undefined => {
    const typed = payloadAt(refused?.initialValue, name);
    return typeof typed === "string" ? typed : Object.hasOwn(defaults, name) ? defaults[name] : undefined;
  };
  return {
    props: { action: dispatch, onSubmit },
    pending,
    reply,
    messages: { error: reply?.error?.[""]?.[0] ?? undefined, success: reply?.success },
    error: (name: string): string | undefined => reply?.error?.[name]?.[0] ?? undefined,
    /** What was sent in the refused form, else the saved value (`defaults`), for the field's default. */
    value,
    /** The ticked values of a group of checkboxes in the refused form, or undefined. */
    values: (name: string): string[] | undefined => {
      if (!refused) return undefined;
      const typed = payloadAt(refused.initialValue, name);
      return Array.isArray(typed) ? typed.map(String) : typeof typed === "string" ? [typed] : [];
    },
  };
}
