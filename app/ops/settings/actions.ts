"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma, type Database } from "@/lib/db/prisma";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { addClosureDay } from "@/lib/settings/add-closure-day";
import { removeClosureDay } from "@/lib/settings/remove-closure-day";
import { removeMargin } from "@/lib/settings/remove-margin";
import { setMargin } from "@/lib/settings/set-margin";
import { settingsFormInput, type SettingsForm } from "@/lib/settings/settings-form-input";
import { updateInvoiceTerms } from "@/lib/settings/update-invoice-terms";
import { updateMachineRate } from "@/lib/settings/update-machine-rate";
import { updateMatchingSettings } from "@/lib/settings/update-matching-settings";
import { updateMaterialPrice } from "@/lib/settings/update-material-price";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface SettingsActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again instead of the saved values. */
  values?: Record<string, string>;
}

const path = "/ops/settings";

type SettingsChange = (
  db: Database,
  actor: { userId: string },
  input: unknown,
) => Promise<{ version: number; summary: string }>;

async function saveChange(
  user: CurrentUser,
  change: SettingsChange,
  what: string,
  kind: "pricing" | "matching",
  form: SettingsForm,
  formData: FormData,
): Promise<SettingsActionState> {
  let saved: { version: number; summary: string };
  try {
    saved = await change(getPrisma(), { userId: user.id }, settingsFormInput(formData, form));
  } catch (error) {
    return refusedFormState(error, what, formData);
  }
  revalidatePath(path);
  const versions = kind === "pricing" ? "prices and calendar" : "matching";
  return {
    success: `Saved: ${saved.summary}. This is version ${saved.version} of the ${versions} settings.`,
  };
}

/** One settings form's action: guarded for operations, its fields read by the form's own names. */
function settingsAction(
  change: SettingsChange,
  what: string,
  kind: "pricing" | "matching",
  form: SettingsForm,
) {
  return guardedAction(
    "ops.settings.edit",
    async (user, _previous: SettingsActionState, formData: FormData): Promise<SettingsActionState> =>
      saveChange(user, change, what, kind, form, formData),
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
