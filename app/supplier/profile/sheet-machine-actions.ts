"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { SupplierEditor } from "@/lib/suppliers/assert-supplier-admin";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { addSheetMachine } from "@/lib/suppliers/add-sheet-machine";
import { removeSheetMachine } from "@/lib/suppliers/remove-sheet-machine";

const editorOf = (user: CurrentUser): SupplierEditor => ({
  userId: user.id,
  companyId: user.companyId,
  role: user.role,
});

export const addSheetMachineAction = formAction(
  "supplier.profile.edit",
  z.object({
    kind: formText,
    name: formText,
    sheetXMm: formText,
    sheetYMm: formText,
    maxSteelMm: formText,
    maxStainlessMm: formText,
    maxAluminiumMm: formText,
    bendLengthMm: formText,
    tonnage: formText,
  }),
  async ({ kind, ...fields }, { user }) => {
    const input =
      kind === "PRESS_BRAKE"
        ? { kind, name: fields.name, bendLengthMm: fields.bendLengthMm, tonnage: fields.tonnage }
        : {
            kind,
            name: fields.name,
            sheetXMm: fields.sheetXMm,
            sheetYMm: fields.sheetYMm,
            maxSteelMm: fields.maxSteelMm,
            maxStainlessMm: fields.maxStainlessMm,
            maxAluminiumMm: fields.maxAluminiumMm,
          };
    const machine = await addSheetMachine(getPrisma(), editorOf(user), input);
    revalidatePath("/supplier/profile");
    return `${machine.name} added.`;
  },
  { failure: "add the laser or press brake" },
);

export const removeSheetMachineAction = formAction(
  "supplier.profile.edit",
  z.object({ sheetMachineId: formText }),
  async ({ sheetMachineId }, { user }) => {
    const machine = await removeSheetMachine(getPrisma(), editorOf(user), sheetMachineId);
    revalidatePath("/supplier/profile");
    return `${machine.name} removed.`;
  },
  { failure: "remove the machine" },
);
