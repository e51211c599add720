"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/account/request-password-reset";
import { resetPassword } from "@/lib/account/reset-password";
import { verifyEmail } from "@/lib/account/verify-email";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";

/** "Forgot your password?": the same answer whether or not the address has an account. */
export const requestPasswordResetAction = formAction(
  "public",
  z.object({ email: formText }),
  async (input) => {
    const { email } = await requestPasswordReset(getPrisma(), {
      input,
      ipAddress: clientAddressFrom(await headers()),
    });
    const whereTheMessageIs = getEnv().SMTP_URL
      ? `If ${email} has an account, we sent it a link to choose a new password.`
      : `If ${email} has an account, a link to choose a new password is on its way; this installation sends no e-mail yet (no SMTP server is set up), so it is printed in the server's console and operations see it at /dev/outbox.`;
    return `${whereTheMessageIs} The link works once, for an hour. Nothing arrived? Check the spam folder and the address, then ask again.`;
  },
  { valueField: "email", failure: "send the reset link" },
);

/** The reset link's form: a new password, then sign in with it (every session was ended). */
export const resetPasswordAction = formAction(
  "public",
  z.object({ token: formText, password: formText }),
  async ({ token, password }) => {
    await resetPassword(getPrisma(), token, { password });
    return "Your password is changed, and every session of your account was signed out. Sign in with the new password.";
  },
  { valueField: "password", failure: "change the password" },
);

/** The verification link's button (a GET changes nothing: mail scanners open links). */
export const verifyEmailAction = formAction(
  "public",
  z.object({ token: formText }),
  async ({ token }) => {
    const { email } = await verifyEmail(getPrisma(), token);
    return `Thank you: ${email} is confirmed. You can place orders now.`;
  },
  { failure: "confirm the address" },
);
