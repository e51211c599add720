"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { applyForInvoiceTerms } from "@/lib/invoice-terms/apply-for-invoice-terms";

/** The use-case's names for two fields the form names for the person typing (euros, a note). */
const formNames: Record<string, string> = {
  expectedMonthlyVolumeCents: "expectedMonthlyVolumeEuros",
  note: "applicationNote",
};

/** Sends the company's application for invoice terms, from the account page or the checkout. */
export const applyForInvoiceTermsAction = formAction(
  "company.invoiceTerms.apply",
  z.object({
    registerNumber: formText,
    registerCourt: formText,
    expectedMonthlyVolumeEuros: formText,
    billingContactName: formText,
    billingContactEmail: formText,
    applicationNote: formText,
  }),
  async ({ expectedMonthlyVolumeEuros, applicationNote, ...input }, { user }) => {
    await applyForInvoiceTerms(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role, email: user.email },
      { ...input, expectedMonthlyVolumeCents: expectedMonthlyVolumeEuros, note: applicationNote },
    );
    revalidatePath("/account");
    revalidatePath("/checkout");
    return "Thank you: your application is with us. We e-mail you the decision; until then you can pay in advance.";
  },
  {
    failure: "send the application",
    adjustErrors: (errors) =>
      Object.fromEntries(
        Object.entries(errors).map(([name, messages]) => [formNames[name] ?? name, messages]),
      ),
  },
);
