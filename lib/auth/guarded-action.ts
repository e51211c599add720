import "server-only";
import type { FormErrorState } from "../errors/form-state-from-error";
import { guardActionCall } from "./guard-action-call";
import type { Permission } from "./permissions";
import type { UserFor } from "./require-permission";

/**
 * The older way of writing an action, kept while the operations console moves to form actions
 * (lib/forms/form-action.ts, which check the same way). Every server action used with useActionState is made with this: `(previous, formData)` as React
 * calls it, plus the user the guard let through. A refused form comes back as its state ({ error }).
 */
export function guardedAction<P extends Permission, Args extends unknown[], Result extends FormErrorState>(
  permission: P,
  action: (user: UserFor<P>, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    const { user, refusal } = await guardActionCall(permission, args);
    if (refusal !== undefined) return { error: refusal } as Result;
    return action(user, ...args);
  };
}

/**
 * A plain `<form action>` (no state): React calls it with the form alone, and a refused form simply
 * does nothing. Whatever the arguments, the action gets the form data.
 */
export function guardedFormAction<P extends Permission>(
  permission: P,
  action: (user: UserFor<P>, formData: FormData) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (...args: unknown[]): Promise<void> => {
    const { user, formData, refusal } = await guardActionCall(permission, args);
    if (refusal !== undefined) return;
    await action(user, formData ?? new FormData());
  };
}
