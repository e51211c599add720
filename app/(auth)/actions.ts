"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { applyAsSupplier } from "@/lib/companies/apply-as-supplier";
import { registerBuyer } from "@/lib/companies/register-buyer";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { getLogger } from "@/lib/logging/logger";
import { claimVisitorParts } from "@/lib/parts/claim-visitor-parts";
import { visitorCookieName } from "@/lib/parts/visitor-token";

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

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
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
        const minutes = code.split(":")[1];
        return { error: `Too many failed attempts. Wait ${minutes} minute(s) and try again.`, values };
      }
      return { error: "The e-mail address or password is not correct.", values };
    }
    throw error; // the redirect after success travels as an error
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

async function registerAndSignIn(
  register: () => Promise<unknown>,
  email: string,
  password: string,
  redirectTo: string,
  values: FormState["values"],
): Promise<FormState> {
  try {
    await register();
  } catch (error) {
    if (error instanceof z.ZodError) return { fieldErrors: fieldErrorsOf(error), values };
    if (isAppError(error) && error.code === "conflict")
      return { fieldErrors: { email: error.message }, values };
    getLogger().error({ err: error }, "registration failed");
    return { error: "We could not create the account just now. Please try again in a moment.", values };
  }
  await signIn("credentials", { email, password, redirectTo });
  return {};
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = {
    companyName: String(formData.get("companyName") ?? ""),
    countryCode: String(formData.get("countryCode") ?? ""),
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const { password: _password, ...values } = input;
  const visitorToken = (await cookies()).get(visitorCookieName)?.value;
  return registerAndSignIn(
    async () => {
      const db = getPrisma();
      const account = await registerBuyer(db, input);
      // The parts this browser uploaded before signing up become the new company's.
      await claimVisitorParts(db, visitorToken, account);
    },
    input.email.trim().toLowerCase(),
    input.password,
    safeCallbackUrl(formData.get("callbackUrl")) ?? "/",
    values,
  );
}

export async function applyAsSupplierAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = {
    companyName: String(formData.get("companyName") ?? ""),
    countryCode: String(formData.get("countryCode") ?? ""),
    city: String(formData.get("city") ?? ""),
    processes: formData.getAll("processes").map(String),
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const { password: _password, ...values } = input;
  return registerAndSignIn(
    () => applyAsSupplier(getPrisma(), input),
    input.email.trim().toLowerCase(),
    input.password,
    "/supplier",
    values,
  );
}
