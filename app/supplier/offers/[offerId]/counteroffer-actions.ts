"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { submitCounteroffer } from "@/lib/counteroffers/submit-counteroffer";

/** The form's field names (beside the reject form's `note` on the same page) by the use-case's names. */
const fieldNames: Record<string, string> = {
  price: "counterPrice",
  deliveryDate: "counterDeliveryDate",
  note: "counterNote",
};

/**
 * Counters an offer with another price and/or date (docs/decisions/0039): accepted at once within the
 * margin rules (the job opens), otherwise the offer page says the buyer decides and until when.
 */
export const counterofferAction = formAction(
  "supplier.offers.respond",
  z.object({
    offerId: formText,
    counterPrice: formText,
    counterDeliveryDate: formText,
    counterNote: formText,
  }),
  async ({ offerId, counterPrice, counterDeliveryDate, counterNote }, { user }) => {
    const result = await submitCounteroffer(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      offerId,
      { price: counterPrice, deliveryDate: counterDeliveryDate, note: counterNote },
    );
    redirect(
      result.outcome === "accepted"
        ? `/supplier/jobs/${result.orderLineId}?accepted=1`
        : `/supplier/offers/${offerId}?countered=1`,
    );
  },
  {
    failure: "send the counteroffer",
    adjustErrors: (errors) =>
      Object.fromEntries(
        Object.entries(errors).map(([name, messages]) => [fieldNames[name] ?? name, messages]),
      ),
  },
);
