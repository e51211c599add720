import "server-only";
import { parseWithZod } from "@conform-to/zod/v4";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { guardActionCall } from "../auth/guard-action-call";
import type { Permission } from "../auth/permissions";
import type { UserFor } from "../auth/require-permission";
import { formStateFromError } from "../errors/form-state-from-error";
import type { FormReply } from "./form-reply";

/** What a handler gets besides its parsed input. */
export interface FormContext<P extends Permission> {
  user: UserFor<P>;
  /** For files and the rare field the schema does not describe; text fields come parsed as `input`. */
  formData: FormData;
}

export interface FormActionOptions<Input> {
  /** Ends "We could not … just now." when something unexpected fails; logged with the error. */
  failure?: string;
  /** Moves or adds refusal messages, e.g. a shipping error onto billing when both are one address. */
  adjustErrors?: (errors: Record<string, string[]>, input: Input | undefined) => Record<string, string[]>;
  /** For a use-case that takes one value: the field its ZodError (which has no path) belongs to. */
  valueField?: string;
}

/** Field names never sent back into a page. */
const hiddenField = /password/i;

/**
 * A server action for a form with useActionState, declared as (permission, schema, handler). The
 * permission and the form's safety are checked once (guardActionCall), the FormData is parsed with the
 * zod schema (Conform's parseWithZod: empty fields are undefined, numbers and checkboxes coerced), and
 * the handler runs with the parsed input. It answers with Conform's reply: on a refusal (the schema, a
 * coded AppError or a ZodError from the use-case, next to its field when it names one) the errors and
 * what was typed; on success the handler's sentence. Next's redirect and notFound pass through.
 */
export function formAction<P extends Permission, S extends z.ZodType>(
  permission: P,
  schema: S,
  handler: (input: z.output<S>, context: FormContext<P>) => Promise<string | void>,
  options: FormActionOptions<z.output<S>> = {},
): (previous: FormReply | null, formData: FormData) => Promise<FormReply> {
  return async (...args: unknown[]): Promise<FormReply> => {
    const guarded = await guardActionCall(permission, args);
    if (guarded.refusal !== undefined) return { status: "error", error: { "": [guarded.refusal] } };
    const formData = guarded.formData ?? new FormData();
    const submission = parseWithZod(formData, { schema });
    const hideFields = [...formData.keys()].filter((name) => hiddenField.test(name));
    const refuse = (errors: Record<string, string[]>, input?: z.output<S>): FormReply => {
      const { "": formErrors, ...fieldErrors } = options.adjustErrors?.(errors, input) ?? errors;
      return submission.reply({ ...(formErrors ? { formErrors } : {}), fieldErrors, hideFields });
    };
    if (submission.status !== "success") {
      const errors: Record<string, string[]> = {};
      for (const [name, messages] of Object.entries(submission.error ?? {}))
        if (messages) errors[name] = messages;
      return refuse(errors);
    }
    try {
      const success = await handler(submission.value, { user: guarded.user, formData });
      return { ...submission.reply({ hideFields }), ...(success ? { success } : {}) };
    } catch (error) {
      unstable_rethrow(error);
      const errors = replyErrorsFromError(error, options.failure ?? "send the form");
      if (options.valueField && error instanceof z.ZodError && errors[""]) {
        errors[options.valueField] = errors[""];
        delete errors[""];
      }
      return refuse(errors, submission.value);
    }
  };
}

/**
 * A plain `<form action>` without a reply (a remove button, a link-like form): the same guard and
 * schema; a refused or unparsable form simply does nothing, and an unexpected error goes to the error page.
 */
export function plainFormAction<P extends Permission, S extends z.ZodType>(
  permission: P,
  schema: S,
  handler: (input: z.output<S>, context: FormContext<P>) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (...args: unknown[]): Promise<void> => {
    const guarded = await guardActionCall(permission, args);
    if (guarded.refusal !== undefined) return;
    const formData = guarded.formData ?? new FormData();
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return;
    await handler(submission.value, { user: guarded.user, formData });
  };
}

/** The errors of a thrown error by field name ("" for the whole form), through formStateFromError. */
function replyErrorsFromError(error: unknown, failure: string): Record<string, string[]> {
  const state = formStateFromError(error, failure);
  const errors: Record<string, string[]> = {};
  if (state.error) errors[""] = [state.error];
  for (const [name, message] of Object.entries(state.fieldErrors ?? {}))
    errors[name === "form" ? "" : name] = [...(errors[name === "form" ? "" : name] ?? []), message];
  return errors;
}
