"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formCheckbox, formText } from "@/lib/forms/form-fields";
import { saveSupplierTaxDetails } from "@/lib/supplier-tax/save-supplier-tax-details";

/** The partner's VAT ID and tax number for its self-billing invoices; saving them releases waiting payouts. */
export const saveTaxDetailsAction = formAction(
  "supplier.taxDetails.edit",
  z.object({
    vatNumber: formText,
    taxNumber: formText,
    taxNumberState: formText,
    smallBusiness: formCheckbox,
  }),
  async (input, { user }) => {
    const { message } = await saveSupplierTaxDetails(
      getPrisma(),
      { userId: user.id, companyId: user.companyId, role: user.role },
      input,
    );
    revalidatePath("/supplier/profile");
    revalidatePath("/supplier/payouts");
    return message;
  },
  { failure: "save the tax details" },
);
