"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { applyAsSupplier } from "@/lib/companies/apply-as-supplier";
import { registerBuyer } from "@/lib/companies/register-buyer";
import { getPrisma } from "@/lib/db/prisma";
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
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
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
    // A taken e-mail is a `conflict` naming the email field (duplicateEmailOr).
    return { ...formStateFromError(error, "create the account"), values };
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
  return registerAndSignIn(
    // Signing in afterwards hands this browser's visitor uploads to the new company (lib/auth/auth.ts).
    () => registerBuyer(getPrisma(), input),
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
  return registerAndSignIn(
    () => applyAsSupplier(getPrisma(), input),
    input.email.trim().toLowerCase(),
    input.password,
    "/supplier",
    values,
  );
}
