import { z } from "zod";
import { addressFieldsSchema } from "../orders/checkout-fields";
import { controlCharacterRefusal, isSingleLineText } from "../input/is-single-line-text";
import { refinePostalCode } from "./postal-code-refusal";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

/** One entry of a company's address book as /account saves it. */
export const companyAddressSchema = addressFieldsSchema
  .extend({
    /** Empty for a new address. */
    addressId: z.string().trim().max(40).default(""),
    kind: z.enum(["BILLING", "SHIPPING"], { error: "Choose billing or shipping." }),
    label: z
      .string()
      .trim()
      .min(1, "Give the address a label, e.g. Main plant.")
      .max(60)
      .refine(isSingleLineText, controlCharacterRefusal("The label")),
    isDefault: z.boolean().default(false),
  })
  .superRefine(refinePostalCode, whenFieldsParsed("postalCode", "countryCode"));

export type CompanyAddressInput = z.input<typeof companyAddressSchema>;

/** An address book entry as checkout and /account show it. */
export interface SavedAddress {
  id: string;
  kind: "BILLING" | "SHIPPING";
  label: string;
  name: string;
  line: string;
  postalCode: string;
  city: string;
  countryCode: string;
  isDefault: boolean;
}
