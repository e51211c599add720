import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "../errors/app-error";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { may, type Permission, type VisitorPermission } from "./permissions";

export const suspendedCompanyMessage =
  "Your company's account is suspended: you can finish, ship and be paid for the jobs you accepted, but not answer offers or change the profile until operations reinstate it.";

/** The user a guard hands on: none for a visitor where visitors are allowed. */
export type UserFor<P extends Permission> = P extends VisitorPermission ? CurrentUser | null : CurrentUser;

/**
 * For pages, layouts and server actions (through lib/forms/form-action.ts): the signed-in user when the permission table
 * (lib/auth/permissions.ts) allows their role. A visitor is sent to sign in and back to the requested
 * path afterwards; a signed-in user whose role may not gets 403 (app/forbidden.tsx).
 */
export async function requirePermission<P extends Permission>(
  permission: P,
  fallbackReturnTo = "/",
): Promise<UserFor<P>> {
  const user = await getCurrentUser();
  if (may(user?.role, permission, user?.company.status)) return user as UserFor<P>;
  if (!user) {
    const requestedPath = (await headers()).get("x-request-path");
    const returnTo =
      requestedPath?.startsWith("/") && !requestedPath.startsWith("//") ? requestedPath : fallbackReturnTo;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  forbidden();
}

/** For route handlers: the same check as coded errors, which apiRoute answers with 401 and 403. */
export async function requireApiPermission<P extends Permission>(permission: P): Promise<UserFor<P>> {
  const user = await getCurrentUser();
  if (may(user?.role, permission, user?.company.status)) return user as UserFor<P>;
  if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint.");
  if (may(user.role, permission)) throw new AppError("forbidden", suspendedCompanyMessage);
  throw new AppError("forbidden", "Your account has no access to this endpoint.");
}
