import { formCheckbox, formText } from "@/lib/forms/form-fields";

/**
 * The checkout form's fields for the terms (app/checkout/legal-acceptance.tsx): the tick and the
 * versions it was given for, passed on to placeOrder (lib/legal/accepted-legal-versions.ts checks them).
 */
export const legalAcceptanceFields = {
  acceptTerms: formCheckbox,
  termsVersion: formText,
  privacyVersion: formText,
};
