"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { saveBankDetails } from "@/lib/payouts/save-bank-details";
import { startStripeOnboarding } from "@/lib/payouts/start-stripe-onboarding";

const payoutsPath = "/supplier/payouts";

/** Sends an admin to Stripe's onboarding, which returns to this page with `?stripe=return`. */
export const connectStripeAction = formAction(
  "supplier.payouts.edit",
  z.object({}),
  async (_input, { user }) => {
    const { url } = await startStripeOnboarding(getPrisma(), {
      userId: user.id,
      companyId: user.companyId,
      role: user.role,
      email: user.email,
    });
    redirect(url);
  },
  { failure: "open the Stripe setup" },
);

export const saveBankDetailsAction = formAction(
  "supplier.payouts.edit",
  z.object({ accountHolder: formText, iban: formText, bic: formText }),
  async (details, { user }) => {
    await saveBankDetails(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role },
      details,
    );
    revalidatePath(payoutsPath);
    return "Bank details saved.";
  },
  { failure: "save the bank details" },
);
