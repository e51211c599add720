"use server";

import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/current-user";
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
  change: SettingsChange,
  what: string,
  kind: "pricing" | "matching",
  form: SettingsForm,
  formData: FormData,
): Promise<SettingsActionState> {
  const user = await requireArea("ops", path);
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

export async function updateMaterialPriceAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(updateMaterialPrice, "save the material", "pricing", "material-price", formData);
}

export async function updateMachineRateAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(updateMachineRate, "save the machine rate", "pricing", "machine-rate", formData);
}

export async function setMarginAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(setMargin, "save the margin", "pricing", "margin", formData);
}

export async function removeMarginAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(removeMargin, "remove the margin", "pricing", "remove-margin", formData);
}

export async function updateMatchingSettingsAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(updateMatchingSettings, "save the matcher's settings", "matching", "matching", formData);
}

export async function addClosureDayAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(addClosureDay, "add the holiday", "pricing", "closure-day", formData);
}

export async function removeClosureDayAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(removeClosureDay, "remove the holiday", "pricing", "remove-closure-day", formData);
}

export async function updateInvoiceTermsAction(_previous: SettingsActionState, formData: FormData) {
  return saveChange(updateInvoiceTerms, "save the invoice terms", "pricing", "invoice-terms", formData);
}
