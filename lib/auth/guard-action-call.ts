import "server-only";
import { getCurrentUser } from "./current-user";
import { may, type Permission } from "./permissions";
import { requirePermission, suspendedCompanyMessage, type UserFor } from "./require-permission";
import { unsafeFormDataProblem } from "../forms/unsafe-form-data-problem";

/** What the guard lets through, or why it refuses the form (shown above it). */
export type GuardedCall<P extends Permission> =
  | { user: UserFor<P>; formData?: FormData; refusal?: undefined }
  | { user: UserFor<P>; formData?: FormData; refusal: string };

/**
 * The one place where a server action checks who may run it and gets its form data, before the action
 * runs: the permission (lib/auth/permissions.ts; a visitor goes to sign in, a role that may not gets
 * 403), then the form (a dangerous field name or a NUL character is refused, unsafeFormDataProblem).
 * Every server action starts here, through formAction or plainFormAction (lib/forms/form-action.ts).
 */
export async function guardActionCall<P extends Permission>(
  permission: P,
  args: unknown[],
): Promise<GuardedCall<P>> {
  const signedIn = await getCurrentUser();
  // A suspended company's users see why on the form instead of a bare 403 page.
  if (signedIn && may(signedIn.role, permission) && !may(signedIn.role, permission, signedIn.company.status))
    return { user: signedIn as UserFor<P>, refusal: suspendedCompanyMessage };
  const user = await requirePermission(permission);
  const formData = args.find((argument): argument is FormData => argument instanceof FormData);
  const problem = formData ? unsafeFormDataProblem(formData) : null;
  if (problem) return { user, formData, refusal: problem };
  return { user, ...(formData ? { formData } : {}) };
}
