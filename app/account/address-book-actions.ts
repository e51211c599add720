"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteCompanyAddress } from "@/lib/addresses/delete-company-address";
import { saveCompanyAddress } from "@/lib/addresses/save-company-address";
import { getPrisma } from "@/lib/db/prisma";
import { formAction, plainFormAction } from "@/lib/forms/form-action";
import { formCheckbox, formText } from "@/lib/forms/form-fields";

/** Adds or changes an address of the company's address book. */
export const saveAddressAction = formAction(
  "order.place",
  z.object({
    addressId: formText,
    kind: formText,
    label: formText,
    name: formText,
    line: formText,
    postalCode: formText,
    city: formText,
    countryCode: formText,
    isDefault: formCheckbox,
  }),
  async (input, { user }) => {
    const saved = await saveCompanyAddress(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      input,
    );
    revalidatePath("/account");
    return `Saved “${saved.label}”.`;
  },
  { failure: "save the address" },
);

/** Removes a shipping address from the address book (orders keep their own copy). */
export const deleteAddressAction = plainFormAction(
  "order.place",
  z.object({ addressId: formText }),
  async ({ addressId }, { user }) => {
    await deleteCompanyAddress(getPrisma(), { userId: user.id, companyId: user.companyId }, addressId);
    revalidatePath("/account");
  },
);
