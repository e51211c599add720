"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { changePassword } from "@/lib/account/change-password";
import { sendVerificationLink } from "@/lib/account/send-verification-link";
import { auth } from "@/lib/auth/auth";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";

/** Changes the password; this browser stays signed in, every other one is signed out. */
export const changePasswordAction = formAction(
  "account.signedIn",
  z.object({ currentPassword: formText, newPassword: formText }),
  async (input, { user }) => {
    const sessionId = (await auth())?.user?.sessionId;
    if (!sessionId) throw new AppError("unauthenticated", "Sign in again, then change your password.");
    const { sessionsEnded } = await changePassword(
      getPrisma(),
      { userId: user.id, keepSessionId: sessionId, ipAddress: clientAddressFrom(await headers()) },
      input,
    );
    const others =
      sessionsEnded === 0
        ? "No other browser was signed in."
        : `${sessionsEnded} other sign-in${sessionsEnded === 1 ? " was" : "s were"} ended.`;
    return `Your password is changed. You stay signed in here; ${others} We e-mailed you a notice.`;
  },
  { failure: "change the password" },
);

/** E-mails the signed-in user a new link that confirms the address (needed for the first order). */
export const sendVerificationLinkAction = formAction(
  "account.signedIn",
  z.object({}),
  async (_input, { user }) => {
    const sentence = await sendVerificationLink(getPrisma(), user.id);
    revalidatePath("/account");
    return sentence;
  },
  { failure: "send the link" },
);
