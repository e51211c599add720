import "server-only";
import { AppError } from "../errors/app-error";
import { formStateFromError, type FormErrorState } from "../errors/form-state-from-error";
import { unsafeFormDataProblem } from "../forms/unsafe-form-data-problem";
import type { Permission } from "./permissions";
import { requirePermission, type UserFor } from "./require-permission";

/**
 * Every server action is made with this: the one place where an action checks who may run it and gets
 * its form data. Before the action runs, the permission (lib/auth/permissions.ts) is checked (a visitor
 * goes to sign in, a role that may not gets 403) and a form with a dangerous field name or a NUL
 * character is refused with a message above the form (unsafeFormDataProblem). The action receives the
 * user and its own arguments, as React calls it: `(formData)` for a plain form, `(previous, formData)`
 * for useActionState.
 */
export function guardedAction<
  P extends Permission,
  Args extends unknown[],
  Result extends FormErrorState | void,
>(
  permission: P,
  action: (user: UserFor<P>, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    const user = await requirePermission(permission);
    const formData = args.find((argument): argument is FormData => argument instanceof FormData);
    const problem = formData ? unsafeFormDataProblem(formData) : null;
    // A plain form (removing a cart item) ignores the returned state: nothing ran, nothing changed.
    if (problem) return formStateFromError(new AppError("bad_request", problem), "send the form") as Result;
    return action(user, ...args);
  };
}
