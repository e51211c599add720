import type { CompanyKind } from "../db/generated/enums";
import type { Database } from "../db/prisma";
import { verifyPassword } from "../auth/password-hash";
import { AppError } from "../errors/app-error";
import { createSupplierApplicant, supplierApplicationSchema } from "./apply-as-supplier";
import { createBuyer, buyerRegistrationSchema } from "./register-buyer";
import { registrationTokenSha256 } from "./start-registration";

const usedOrExpired =
  "This link is used or expired. If you finished signing up, sign in; otherwise sign up again.";

/** The sign-up a link's token names, while it can still be used; `not_found` otherwise. */
export async function findOpenRegistration(db: Database, token: string, now = new Date()) {
  const pending = await db.pendingRegistration.findUnique({
    where: { tokenSha256: registrationTokenSha256(token) },
  });
  if (!pending || pending.usedAt || pending.expiresAt < now) throw new AppError("not_found", usedOrExpired);
  return pending;
}

/** The open sign-up a link names, when `password` is the one chosen at sign-up; `forbidden` on the password field otherwise. */
export async function findRegistrationOfPassword(
  db: Database,
  token: string,
  password: string,
  now = new Date(),
) {
  const pending = await findOpenRegistration(db, token, now);
  if (!(await verifyPassword(pending.passwordHash, password)))
    throw new AppError("forbidden", wrongSignUpPassword, { field: "password" });
  return pending;
}

const wrongSignUpPassword =
  "That is not the password chosen when signing up. Type it again; if you did not sign up, ignore the e-mail: no account is made without that password.";

/**
 * Creates the company and account a sign-up link stands for, and uses the link up. Two clicks at once
 * cannot create two accounts: the e-mail is unique, and the second gets `conflict`. The password chosen
 * when signing up must be typed again: someone who signed up with another person's address cannot have
 * that person's click on the link make an account whose password the stranger knows (decision 0111).
 */
export async function completeRegistration(
  db: Database,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ userId: string; companyId: string; kind: CompanyKind; returnTo: string }> {
  const pending = await findRegistrationOfPassword(db, token, password, now);
  const storedPassword = { hash: pending.passwordHash };
  const created =
    pending.kind === "SUPPLIER"
      ? await createSupplierApplicant(
          db,
          supplierApplicationSchema.omit({ password: true }).parse(pending.data),
          storedPassword,
        )
      : await createBuyer(
          db,
          buyerRegistrationSchema.omit({ password: true }).parse(pending.data),
          storedPassword,
        );
  // The link reached the address: it is proven (orders need that, lib/account/assert-email-verified.ts).
  await db.user.update({ where: { id: created.userId }, data: { emailVerifiedAt: now } });
  await db.pendingRegistration.updateMany({
    where: { email: pending.email, usedAt: null },
    data: { usedAt: now },
  });
  return { ...created, kind: pending.kind, returnTo: pending.returnTo };
}
