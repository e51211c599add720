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

export const updateMaterialPriceAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, updateMaterialPrice, "save the material", "pricing", "material-price", formData);
  },
);

export const updateMachineRateAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, updateMachineRate, "save the machine rate", "pricing", "machine-rate", formData);
  },
);

export const setMarginAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, setMargin, "save the margin", "pricing", "margin", formData);
  },
);

export const removeMarginAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, removeMargin, "remove the margin", "pricing", "remove-margin", formData);
  },
);

export const updateMatchingSettingsAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, updateMatchingSettings, "save the matcher's settings", "matching", "matching", formData);
  },
);

export const addClosureDayAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, addClosureDay, "add the holiday", "pricing", "closure-day", formData);
  },
);

export const removeClosureDayAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, removeClosureDay, "remove the holiday", "pricing", "remove-closure-day", formData);
  },
);

export const updateInvoiceTermsAction = guardedAction(
  "ops.settings.edit",
  async (user, _previous: SettingsActionState, formData: FormData) => {
    return saveChange(user, updateInvoiceTerms, "save the invoice terms", "pricing", "invoice-terms", formData);
  },
);
