"use server";

import { guardedAction, guardedFormAction } from "@/lib/auth/guarded-action";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { findOpenRegistration } from "@/lib/companies/complete-registration";
import { startRegistration } from "@/lib/companies/start-registration";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";
import { formStateFromError } from "@/lib/errors/form-state-from-error";

export interface FormState {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

/** Only paths on this site: an open redirect after sign-in would help phishing. */
function safeCallbackUrl(value: FormDataEntryValue | null): string | undefined {
  const url = typeof value === "string" ? value : "";
  return url.startsWith("/") && !url.startsWith("//") ? url : undefined;
}

export const signInAction = guardedAction(
  "public",
  async (_user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const email = String(formData.get("email") ?? "");
    const values = { email };
    if (!email || !formData.get("password"))
      return { error: "Enter your e-mail address and password.", values };
    try {
      await signIn("credentials", {
        email,
        password: String(formData.get("password") ?? ""),
        redirectTo: safeCallbackUrl(formData.get("callbackUrl")) ?? "/after-sign-in",
      });
    } catch (error) {
      if (error instanceof AuthError) {
        const code = (error as AuthError & { code?: string }).code ?? "";
        if (code.startsWith("rate_limited:")) {
          const seconds = Number(code.split(":")[1]);
          const wait = seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minute(s)`;
          return {
            error: `Too many failed attempts to sign in to this account or from your network. Wait ${wait} and try again; a browser you signed in with before is not slowed down.`,
            values,
          };
        }
        return { error: "The e-mail address or password is not correct.", values };
      }
      throw error; // the redirect after success travels as an error
    }
    return {};
  },
);

export const signOutAction = guardedFormAction("public", async (): Promise<void> => {
  await signOut({ redirectTo: "/" });
});

/** The same answer whether or not the address already has an account (lib/companies/start-registration.ts). */
async function startRegistrationAndAnswer(
  kind: "BUYER" | "SUPPLIER",
  input: Record<string, unknown>,
  returnTo: string,
  values: FormState["values"],
): Promise<FormState> {
  let email: string;
  try {
    ({ email } = await startRegistration(getPrisma(), {
      kind,
      input,
      ipAddress: clientAddressFrom(await headers()),
      returnTo,
    }));
  } catch (error) {
    return { ...formStateFromError(error, "create the account"), values };
  }
  const keepParts = kind === "BUYER" ? ", in this browser to keep the parts you uploaded here" : "";
  // The same answer whether or not the address has an account; only the installation's mail setup shows.
  const whereTheMessageIs = getEnv().SMTP_URL
    ? `Check your e-mail: we sent a message to ${email}.`
    : `This installation sends no e-mail yet (no SMTP server is set up): the message to ${email} is printed in the console where the server runs, and operations see it at /dev/outbox.`;
  return { success: `${whereTheMessageIs} Open the link in it to finish${keepParts}.` };
}

export const signUpAction = guardedAction(
  "public",
  async (_user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const input = {
      companyName: String(formData.get("companyName") ?? ""),
      countryCode: String(formData.get("countryCode") ?? ""),
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
    };
    const { password: _password, ...values } = input;
    // Signing in from the e-mail link hands this browser's visitor uploads to the new company (lib/auth/auth.ts).
    return startRegistrationAndAnswer(
      "BUYER",
      input,
      safeCallbackUrl(formData.get("callbackUrl")) ?? "/",
      values,
    );
  },
);

export const applyAsSupplierAction = guardedAction(
  "public",
  async (_user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const input = {
      companyName: String(formData.get("companyName") ?? ""),
      countryCode: String(formData.get("countryCode") ?? ""),
      city: String(formData.get("city") ?? ""),
      processes: formData.getAll("processes").map(String),
      vatNumber: String(formData.get("vatNumber") ?? "")
        .replaceAll(" ", "")
        .toUpperCase(),
      website: String(formData.get("website") ?? ""),
      references: String(formData.get("references") ?? ""),
      name: String(formData.get("name") ?? ""),
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
    };
    const { password: _password, ...values } = input;
    return startRegistrationAndAnswer("SUPPLIER", input, "/supplier", values);
  },
);

/** The button on the sign-up link's page: creates the account and signs in (a GET never does). */
export const confirmSignUpAction = guardedAction(
  "public",
  async (_user, _previous: FormState, formData: FormData): Promise<FormState> => {
    const token = String(formData.get("token") ?? "");
    let returnTo: string;
    try {
      ({ returnTo } = await findOpenRegistration(getPrisma(), token));
    } catch (error) {
      return formStateFromError(error, "finish signing up");
    }
    try {
      await signIn("registration", { token, redirectTo: safeCallbackUrl(returnTo) ?? "/" });
    } catch (error) {
      if (error instanceof AuthError)
        return {
          error:
            "This link is used or expired, or the address has an account already. Sign in, or sign up again.",
        };
      throw error; // the redirect after success travels as an error
    }
    return {};
  },
);
