import "server-only";
import { AppError } from "../errors/app-error";
import { formStateFromError, type FormErrorState } from "../errors/form-state-from-error";
import { unsafeFormDataProblem } from "../forms/unsafe-form-data-problem";
import { getCurrentUser } from "./current-user";
import { may, type Permission } from "./permissions";
import { requirePermission, suspendedCompanyMessage, type UserFor } from "./require-permission";

/**
 * The one place where a server action checks who may run it and gets its form data, before the action
 * runs: the permission (lib/auth/permissions.ts; a visitor goes to sign in, a role that may not gets
 * 403), then the form (a dangerous field name or a NUL character is refused, unsafeFormDataProblem).
 * Returns the refusal of the form, or the user.
 */
async function guard<P extends Permission>(
  permission: P,
  args: unknown[],
): Promise<{ user: UserFor<P>; formData?: FormData; refusal?: FormErrorState }> {
  const signedIn = await getCurrentUser();
  // A suspended company's users see why on the form instead of a bare 403 page.
  if (signedIn && may(signedIn.role, permission) && !may(signedIn.role, permission, signedIn.company.status))
    return {
      user: signedIn as UserFor<P>,
      refusal: formStateFromError(new AppError("forbidden", suspendedCompanyMessage), "send the form"),
    };
  const user = await requirePermission(permission);
  const formData = args.find((argument): argument is FormData => argument instanceof FormData);
  const problem = formData ? unsafeFormDataProblem(formData) : null;
  if (problem)
    return { user, refusal: formStateFromError(new AppError("bad_request", problem), "send the form") };
  return { user, ...(formData ? { formData } : {}) };
}

/**
 * Every server action used with useActionState is made with this: `(previous, formData)` as React
 * calls it, plus the user the guard let through. A refused form comes back as its state ({ error }).
 */
export function guardedAction<P extends Permission, Args extends unknown[], Result extends FormErrorState>(
  permission: P,
  action: (user: UserFor<P>, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    const { user, refusal } = await guard(permission, args);
    if (refusal) return refusal as Result;
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
    const { user, formData, refusal } = await guard(permission, args);
    if (refusal) return;
    await action(user, formData ?? new FormData());
  };
}
