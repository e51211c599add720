"use server";

import { revalidatePath } from "next/cache";
import type { Database } from "@/lib/db/prisma";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { addClosureDay } from "@/lib/settings/add-closure-day";
import { removeClosureDay } from "@/lib/settings/remove-closure-day";
import { removeMargin } from "@/lib/settings/remove-margin";
import { setMargin } from "@/lib/settings/set-margin";
import { settingsFormSchemas, type SettingsForm } from "@/lib/settings/settings-form-schemas";
import { updateInvoiceTerms } from "@/lib/settings/update-invoice-terms";
import { updatePrepaymentTerms } from "@/lib/settings/update-prepayment-terms";
import { updateMachineRate } from "@/lib/settings/update-machine-rate";
import { updateMatchingSettings } from "@/lib/settings/update-matching-settings";
import { updateOrderRules } from "@/lib/settings/update-order-rules";
import { updateMaterialPrice } from "@/lib/settings/update-material-price";
import { updateVatCheckSettings } from "@/lib/settings/update-vat-check-settings";
import { updatePayoutRetrySettings } from "@/lib/settings/update-payout-retry-settings";
import { updateComplaintWindow } from "@/lib/settings/update-complaint-window";

const path = "/ops/settings";

type SettingsChange = (
  db: Database,
  actor: { userId: string },
  input: unknown,
) => Promise<{ version: number; summary: string }>;

/** One settings form's action: guarded for operations, its fields read by the form's own schema. */
function settingsAction(
  change: SettingsChange,
  what: string,
  kind: "pricing" | "matching",
  form: SettingsForm,
) {
  return formAction(
    "ops.settings.edit",
    settingsFormSchemas[form],
    async (input, { user }) => {
      const saved = await change(getPrisma(), { userId: user.id }, input);
      revalidatePath(path);
      const versions = kind === "pricing" ? "prices and calendar" : "matching";
      return `Saved: ${saved.summary}. This is version ${saved.version} of the ${versions} settings.`;
    },
    { failure: what },
  );
}

export const updateMaterialPriceAction = settingsAction(
  updateMaterialPrice,
  "save the material",
  "pricing",
  "material-price",
);
export const updateMachineRateAction = settingsAction(
  updateMachineRate,
  "save the machine rate",
  "pricing",
  "machine-rate",
);
export const setMarginAction = settingsAction(setMargin, "save the margin", "pricing", "margin");
export const removeMarginAction = settingsAction(
  removeMargin,
  "remove the margin",
  "pricing",
  "remove-margin",
);
export const updateMatchingSettingsAction = settingsAction(
  updateMatchingSettings,
  "save the matcher's settings",
  "matching",
  "matching",
);
export const addClosureDayAction = settingsAction(addClosureDay, "add the holiday", "pricing", "closure-day");
export const removeClosureDayAction = settingsAction(
  removeClosureDay,
  "remove the holiday",
  "pricing",
  "remove-closure-day",
);
export const updateInvoiceTermsAction = settingsAction(
  updateInvoiceTerms,
  "save the invoice terms",
  "pricing",
  "invoice-terms",
);
export const updatePrepaymentTermsAction = settingsAction(
  updatePrepaymentTerms,
  "save the prepayment terms",
  "pricing",
  "prepayment-terms",
);
export const updateVatCheckSettingsAction = settingsAction(
  updateVatCheckSettings,
  "save the VAT ID checks",
  "pricing",
  "vat-checks",
);
export const updateOrderRulesAction = settingsAction(
  updateOrderRules,
  "save the small-order and instant-quote rules",
  "pricing",
  "order-rules",
);
export const updatePayoutRetrySettingsAction = settingsAction(
  updatePayoutRetrySettings,
  "save the payout retries",
  "pricing",
  "payout-retries",
);
export const updateComplaintWindowAction = settingsAction(
  updateComplaintWindow,
  "save the complaint window",
  "pricing",
  "complaint-window",
);
