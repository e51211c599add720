"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { changeInvoiceTerms } from "@/lib/invoice-terms/change-invoice-terms";
import { decideInvoiceTermsApplication } from "@/lib/invoice-terms/decide-invoice-terms-application";
import { withdrawInvoiceTerms } from "@/lib/invoice-terms/withdraw-invoice-terms";

function companyPath(companyId: string, done: string): string {
  return `/ops/invoice-terms/${encodeURIComponent(companyId)}?done=${done}`;
}

/** The form names the limit in euros; the use-case's field holds cents. */
const options = (failure: string) => ({
  failure,
  adjustErrors: (errors: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(errors).map(([name, messages]) => [
        name === "creditLimitCents" ? "creditLimitEuros" : name,
        messages,
      ]),
    ),
});

// Each form leaves the page's state behind (the application is decided, the terms changed), so the page
// says what happened after the redirect.

export const approveInvoiceTermsAction = formAction(
  "ops.payments.manage",
  z.object({
    companyId: formText,
    applicationId: formText,
    creditLimitEuros: formText,
    paymentTermsDays: formText,
  }),
  async ({ companyId, applicationId, creditLimitEuros, paymentTermsDays }, { user }) => {
    await decideInvoiceTermsApplication(getPrisma(), { userId: user.id }, applicationId, {
      decision: "approve",
      creditLimitCents: creditLimitEuros,
      paymentTermsDays,
    });
    revalidatePath("/ops/invoice-terms");
    redirect(companyPath(companyId, "approved"));
  },
  options("approve the application"),
);

export const declineInvoiceTermsAction = formAction(
  "ops.payments.manage",
  z.object({ companyId: formText, applicationId: formText, reason: formText }),
  async ({ companyId, applicationId, reason }, { user }) => {
    await decideInvoiceTermsApplication(getPrisma(), { userId: user.id }, applicationId, {
      decision: "decline",
      reason,
    });
    revalidatePath("/ops/invoice-terms");
    redirect(companyPath(companyId, "declined"));
  },
  options("decline the application"),
);

export const changeInvoiceTermsAction = formAction(
  "ops.payments.manage",
  z.object({ companyId: formText, creditLimitEuros: formText, paymentTermsDays: formText, reason: formText }),
  async ({ companyId, creditLimitEuros, ...input }, { user }) => {
    await changeInvoiceTerms(getPrisma(), { userId: user.id }, companyId, {
      ...input,
      creditLimitCents: creditLimitEuros,
    });
    revalidatePath("/ops/invoice-terms");
    redirect(companyPath(companyId, "changed"));
  },
  options("change the terms"),
);

export const withdrawInvoiceTermsAction = formAction(
  "ops.payments.manage",
  z.object({ companyId: formText, reason: formText }),
  async ({ companyId, reason }, { user }) => {
    await withdrawInvoiceTerms(getPrisma(), { userId: user.id }, companyId, { reason });
    revalidatePath("/ops/invoice-terms");
    redirect(companyPath(companyId, "withdrawn"));
  },
  { ...options("withdraw the terms"), valueField: "reason" },
);
