"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { findRegistrationOfPassword } from "@/lib/companies/complete-registration";
import { startRegistration } from "@/lib/companies/start-registration";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { formAction, plainFormAction } from "@/lib/forms/form-action";
import { formList, formText } from "@/lib/forms/form-fields";

/** The older form state, still read by app/ops/team until it moves to form actions (lib/forms). */
export interface FormState {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

const signInSchema = z
  .object({ email: formText, password: formText, callbackUrl: z.string().optional() })
  .refine((form) => form.email && form.password, "Enter your e-mail address and password.");

export const signInAction = formAction("public", signInSchema, async (form) => {
  try {
    await signIn("credentials", {
      email: form.email,
      password: form.password,
      redirectTo: safeCallbackUrl(form.callbackUrl) ?? "/after-sign-in",
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error; // the redirect after success travels as an error
    const code = (error as AuthError & { code?: string }).code ?? "";
    if (code.startsWith("rate_limited:")) {
      const seconds = Number(code.split(":")[1]);
      const wait = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minute(s)`;
      throw new AppError(
        "rate_limited",
        `Too many failed attempts to sign in to this account or from your network. Wait ${wait} and try again; a browser you signed in with before is not slowed down.`,
      );
    }
    throw new AppError("unauthenticated", "The e-mail address or password is not correct.");
  }
});

export const signOutAction = plainFormAction("public", z.object({}), async () => {
  await signOut({ redirectTo: "/" });
});

/** The same answer whether or not the address already has an account (lib/companies/start-registration.ts). */
async function startRegistrationAndAnswer(
  kind: "BUYER" | "SUPPLIER",
  input: Record<string, unknown>,
  returnTo: string,
): Promise<string> {
  const { email } = await startRegistration(getPrisma(), {
    kind,
    input,
    ipAddress: clientAddressFrom(await headers()),
    returnTo,
  });
  const keepParts = kind === "BUYER" ? ", in this browser to keep the parts you uploaded here" : "";
  // The same answer whether or not the address has an account; only the installation's mail setup shows.
  const whereTheMessageIs = getEnv().SMTP_URL
    ? `Check your e-mail: we sent a message to ${email}.`
    : `This installation sends no e-mail yet (no SMTP server is set up): the message to ${email} is printed in the console where the server runs, and operations see it at /dev/outbox.`;
  return `${whereTheMessageIs} Open the link in it to finish${keepParts}.`;
}

const accountHolder = { name: formText, email: formText, password: formText };

const signUpSchema = z.object({
  companyName: formText,
  countryCode: formText,
  ...accountHolder,
  callbackUrl: z.string().optional(),
});

export const signUpAction = formAction(
  "public",
  signUpSchema,
  async ({ callbackUrl, ...input }) =>
    // Signing in from the e-mail link hands this browser's visitor uploads to the new company (lib/auth/auth.ts).
    startRegistrationAndAnswer("BUYER", input, safeCallbackUrl(callbackUrl) ?? "/"),
  { failure: "create the account" },
);

const supplierApplicationFormSchema = z.object({
  companyName: formText,
  countryCode: formText,
  city: formText,
  processes: formList,
  vatNumber: formText,
  website: formText,
  references: formText,
  ...accountHolder,
});

export const applyAsSupplierAction = formAction(
  "public",
  supplierApplicationFormSchema,
  async (input) => startRegistrationAndAnswer("SUPPLIER", input, "/supplier"),
  { failure: "create the account" },
);

/** The button on the sign-up link's page: with the password chosen at sign-up, creates the account and signs in (a GET never does). */
export const confirmSignUpAction = formAction(
  "public",
  z.object({ token: formText, password: formText }),
  async ({ token, password }) => {
    const { returnTo } = await findRegistrationOfPassword(getPrisma(), token, password);
    try {
      await signIn("registration", { token, password, redirectTo: safeCallbackUrl(returnTo) ?? "/" });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error; // the redirect after success travels as an error
      throw new AppError(
        "conflict",
        "This link is used or expired, or the address has an account already. Sign in, or sign up again.",
      );
    }
  },
  { failure: "finish signing up" },
);
