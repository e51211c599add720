"use client";

import { useActionState, useCallback, useEffect, useRef, type FormEvent } from "react";
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
 * The client half of a form action (form-action.ts). React 19 resets a form after its action (it calls
 * `form.reset()`), which is why refused forms used to lose what was typed and selects jumped back. That
 * reset fires the form's cancellable `reset` event: this hook cancels it, so after a refusal the browser
 * keeps every field as the user left it (text, selects, radios, ticked boxes, chosen files), and resets
 * the form itself only after a success, as React did. The form still posts without JavaScript, and then
 * `value(name)` brings back what was sent.
 *
 * Spread `props` on the form (or on each of several forms that share the action); `error(name)` is the
 * field's refusal, `messages` the form-wide error and the success sentence, `pending` true while the
 * action runs.
 */
export function useFormAction(
  action: FormActionFunction,
  {
    resetOnSuccess = true,
    defaults = {},
  }: {
    /** false keeps the fields after a success too. */
    resetOnSuccess?: boolean;
    /** Saved values by field name: `value(name)` falls back to them. */
    defaults?: Partial<Record<string, string>>;
  } = {},
) {
  const [reply, dispatch, pending] = useActionState(action, null);
  // The form last sent: several forms may share one action (one button per step of a job).
  const sentForm = useRef<HTMLFormElement | null>(null);
  const resetting = useRef(false);
  useEffect(() => {
    if (!resetOnSuccess || reply?.status !== "success" || !sentForm.current) return;
    resetting.current = true;
    sentForm.current.reset();
    resetting.current = false;
  }, [reply, resetOnSuccess]);
  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => {
    // A chosen file its field refused (checked-file-field.tsx) stops the post even in a form that skips
    // the browser's validation (noValidate): sent, it would pass the action's body limit.
    const refusedFile = [...event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=file]")].find(
      (input) => input.validity.customError,
    );
    if (refusedFile) {
      event.preventDefault();
      refusedFile.focus();
      return;
    }
    sentForm.current = event.currentTarget;
  }, []);
  const onReset = useCallback((event: FormEvent<HTMLFormElement>) => {
    if (!resetting.current) event.preventDefault();
  }, []);
  const refused = reply?.status === "error" ? reply : null;
  const value = (name: string): string | undefined => {
    const typed = payloadAt(refused?.initialValue, name);
    return typeof typed === "string" ? typed : Object.hasOwn(defaults, name) ? defaults[name] : undefined;
  };
  return {
    props: { action: dispatch, onSubmit, onReset },
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
