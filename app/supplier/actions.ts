"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError, type FormErrorState } from "@/lib/errors/form-state-from-error";
import { acceptOffer, rejectOffer } from "@/lib/matching/respond-to-offer";
import { updateJobStatus } from "@/lib/suppliers/update-job-status";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface SupplierActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

/** Accepts an offer and opens the job, where the CAD file can now be downloaded. */
export const acceptOfferAction = guardedAction(
  "supplier.offers.respond",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const offerId = String(formData.get("offerId") ?? "");
    let orderLineId: string;
    try {
      ({ orderLineId } = await acceptOffer(
        getPrisma(),
        { userId: user.id, companyId: user.companyId },
        offerId,
      ));
    } catch (error) {
      return formStateFromError(error, "accept the offer");
    }
    redirect(`/supplier/jobs/${orderLineId}?accepted=1`);
  },
);

/** Rejects an offer with a reason; the platform offers the job to the next supplier. */
export const rejectOfferAction = guardedAction(
  "supplier.offers.respond",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const offerId = String(formData.get("offerId") ?? "");
    try {
      await rejectOffer(getPrisma(), { userId: user.id, companyId: user.companyId }, offerId, {
        reason: String(formData.get("reason") ?? ""),
        note: String(formData.get("note") ?? ""),
      });
    } catch (error) {
      return refusedFormState(error, "reject the offer", formData);
    }
    redirect("/supplier?rejected=1");
  },
);

/** Reports a job's progress: in production, quality check, or shipped with carrier and tracking number. */
export const updateJobStatusAction = guardedAction(
  "supplier.jobs.update",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const orderLineId = String(formData.get("orderLineId") ?? "");
    const to = String(formData.get("to") ?? "");
    try {
      await updateJobStatus(getPrisma(), { userId: user.id, companyId: user.companyId }, orderLineId, {
        to,
        carrier: String(formData.get("carrier") ?? ""),
        trackingNumber: String(formData.get("trackingNumber") ?? ""),
      });
    } catch (error) {
      return refusedFormState(error, "update the job", formData);
    }
    revalidatePath(`/supplier/jobs/${orderLineId}`);
    return {
      success: to === "SHIPPED" ? "Marked as shipped; the buyer has the tracking number." : "Updated.",
    };
  },
);
