"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { saveBankDetails } from "@/lib/payouts/save-bank-details";
import { startStripeOnboarding } from "@/lib/payouts/start-stripe-onboarding";

export interface PayoutActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again (React resets a form after its action). */
  values?: Record<string, string>;
}

const payoutsPath = "/supplier/payouts";

/** Sends an admin to Stripe's onboarding, which returns to this page with `?stripe=return`. */
export const connectStripeAction = guardedAction(
  "supplier.payouts.edit",
  async (user, _previous: PayoutActionState): Promise<PayoutActionState> => {
    let url: string;
    try {
      ({ url } = await startStripeOnboarding(getPrisma(), {
        userId: user.id,
        companyId: user.companyId,
        role: user.role,
        email: user.email,
      }));
    } catch (error) {
      return formStateFromError(error, "open the Stripe setup");
    }
    redirect(url);
  },
);

export const saveBankDetailsAction = guardedAction(
  "supplier.payouts.edit",
  async (user, _previous: PayoutActionState, formData: FormData): Promise<PayoutActionState> => {
    const values = {
      accountHolder: String(formData.get("accountHolder") ?? ""),
      iban: String(formData.get("iban") ?? ""),
      bic: String(formData.get("bic") ?? ""),
    };
    try {
      await saveBankDetails(
        getPrisma(),
        { userId: user.id, companyId: user.companyId, role: user.role },
        values,
      );
    } catch (error) {
      return { ...formStateFromError(error, "save the bank details"), values };
    }
    revalidatePath(payoutsPath);
    return { success: "Bank details saved." };
  },
);
