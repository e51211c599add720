"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { acceptOffer, rejectOffer } from "@/lib/matching/respond-to-offer";
import { updateJobStatus } from "@/lib/suppliers/update-job-status";

/** Accepts an offer and opens the job, where the CAD file can now be downloaded. */
export const acceptOfferAction = formAction(
  "supplier.offers.respond",
  z.object({ offerId: formText }),
  async ({ offerId }, { user }) => {
    const db = getPrisma();
    const { orderLineId } = await acceptOffer(
      db,
      { userId: user.id, companyId: user.companyId },
      offerId,
    ).catch(async (error: unknown) => {
      // Accepted already (the back button, a second tab, a double click): open the job, not an error.
      const accepted = await db.offer.findFirst({
        where: { id: offerId, supplierCompanyId: user.companyId, status: "ACCEPTED" },
        select: { orderLineId: true },
      });
      if (accepted) return accepted;
      throw error;
    });
    redirect(`/supplier/jobs/${orderLineId}?accepted=1`);
  },
  { failure: "accept the offer" },
);

/** Rejects an offer with a reason; the platform offers the job to the next supplier. */
export const rejectOfferAction = formAction(
  "supplier.offers.respond",
  z.object({ offerId: formText, reason: formText, note: formText }),
  async ({ offerId, reason, note }, { user }) => {
    await rejectOffer(getPrisma(), { userId: user.id, companyId: user.companyId }, offerId, { reason, note });
    redirect("/supplier?rejected=1");
  },
  { failure: "reject the offer" },
);

/**
 * Reports a job's progress: in production or quality check. Shipping goes through the parcels form
 * (lib/shipments: a listed carrier and its tracking number's form), never through here (walk 7).
 */
export const updateJobStatusAction = formAction(
  "supplier.jobs.update",
  z.object({
    orderLineId: formText,
    to: z.enum(["IN_PRODUCTION", "QUALITY_CHECK"], {
      error:
        "Report production or the quality check here; ship parcels under Quality documents and shipping.",
    }),
  }),
  async ({ orderLineId, to }, { user }) => {
    await updateJobStatus(getPrisma(), { userId: user.id, companyId: user.companyId }, orderLineId, { to });
    revalidatePath(`/supplier/jobs/${orderLineId}`);
    return "Updated.";
  },
  { failure: "update the job" },
);
