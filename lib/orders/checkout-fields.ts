import { z } from "zod";
import { certificateNames } from "../catalogue/certificate-names";
import { companyNameSchema, countryCodeSchema } from "../companies/account-fields";
import { controlCharacterRefusal, isSingleLineText } from "../input/is-single-line-text";
import { vatIdField } from "../vat/vat-id-field";
import { purchaseReferenceSchema } from "./purchase-reference-fields";
import { saveShippingAddressSchema } from "../addresses/save-shipping-address-fields";
import { qualityDocumentKinds } from "../quality-documents/quality-document-kinds";
import { refinePostalCode } from "../addresses/postal-code-refusal";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

/** An address's fields, each checked alone; `addressSchema` also checks the postal code against the country. */
export const addressFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter who receives it (a person or department).")
    .max(120)
    .refine(isSingleLineText, controlCharacterRefusal("The name")),
  line: z
    .string()
    .trim()
    .min(3, "Enter the street and number.")
    .max(200)
    .refine(isSingleLineText, controlCharacterRefusal("The street and number")),
  postalCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(2, "Enter the postal code.")
    .max(16)
    .describe("As the country writes it (checked per country, e.g. 5 digits in Germany, 4 in Austria)."),
  city: z
    .string()
    .trim()
    .min(1, "Enter the city.")
    .max(120)
    .refine(isSingleLineText, controlCharacterRefusal("The city")),
  countryCode: countryCodeSchema,
});

export const addressSchema = addressFieldsSchema.superRefine(
  refinePostalCode,
  whenFieldsParsed("postalCode", "countryCode"),
);

export type Address = z.infer<typeof addressSchema>;

/** An address as placeOrder stores it on the order (JSON): with the company, and on billing the VAT rule. */
export type OrderAddress = Partial<Address> & { company?: string; vatNote?: string };

const orderableCertificates = Object.keys(certificateNames) as [keyof typeof certificateNames];

export const checkoutSchema = z.object({
  companyName: companyNameSchema,
  vatNumber: vatIdField,
  billingAddress: addressSchema,
  shippingAddress: addressSchema,
  paymentMethod: z.enum(["INVOICE", "CARD", "BANK_TRANSFER"], { error: "Choose how to pay." }),
  /** "Made in": only suppliers producing in this country; empty for anywhere. */
  requiredCountryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "Choose a country from the list, or anywhere.")
    .default("")
    .transform((value) => value || null),
  requiredCertificates: z
    .array(z.enum(orderableCertificates, { error: "Choose certificates from the list." }))
    .max(orderableCertificates.length)
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  // Issue 21 (i21-quality): the quality documents every line's partner uploads before shipping.
  requiredQualityDocuments: z
    .array(z.enum(qualityDocumentKinds, { error: "Choose quality documents from the list." }))
    .max(qualityDocumentKinds.length)
    .default([])
    .transform((kinds) => [...new Set(kinds)]),
  // Issue 18 (i18-docs): purchase-order number and cost centre; "save this shipping address".
  ...purchaseReferenceSchema.shape,
  ...saveShippingAddressSchema.shape,
  /**
   * The quotes the checkout page showed: when the cart is empty by the time the form arrives (another tab
   * placed it), the order they went into is named instead of "your cart is empty".
   */
  cartQuoteIds: z.array(z.string().max(64)).max(200).default([]),
});

export type CheckoutInput = z.input<typeof checkoutSchema>;
