"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ManufacturingProcess } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formList, formText } from "@/lib/forms/form-fields";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { addCertificate } from "@/lib/suppliers/add-certificate";
import { addMachine } from "@/lib/suppliers/add-machine";
import type { SupplierEditor } from "@/lib/suppliers/assert-supplier-admin";
import { blockedDaysSummary } from "@/lib/suppliers/blocked-days-summary";
import { blockDays } from "@/lib/suppliers/block-days";
import { removeCertificate } from "@/lib/suppliers/remove-certificate";
import { removeMachine } from "@/lib/suppliers/remove-machine";
import { setSupplierMaterials } from "@/lib/suppliers/set-supplier-materials";
import { setSupplierProcesses } from "@/lib/suppliers/set-supplier-processes";
import { unblockDay } from "@/lib/suppliers/unblock-day";
import { updateSupplierLocation } from "@/lib/suppliers/update-supplier-location";
import { formatDay } from "@/app/_components/format-dates";

/** Every profile form changes this page: it is shown again with the change. */
function profileChanged(): void {
  revalidatePath("/supplier/profile");
}

function editorOf(user: CurrentUser): SupplierEditor {
  return { userId: user.id, companyId: user.companyId, role: user.role };
}

export const saveLocationAction = formAction(
  "supplier.profile.edit",
  z.object({
    countryCode: formText,
    region: formText,
    city: formText,
    postalCode: formText,
    addressLine: formText,
    latitude: formText,
    longitude: formText,
    minOrderValueEuros: formText,
    maxOrderValueEuros: formText,
  }),
  async (location, { user }) => {
    await updateSupplierLocation(getPrisma(), editorOf(user), location);
    profileChanged();
    return "Location and order values saved.";
  },
  { failure: "save the location" },
);

const processes = Object.values(ManufacturingProcess);

export const saveProcessesAction = formAction(
  "supplier.profile.edit",
  z.object({ offers: formList, hours: z.partialRecord(z.enum(processes), formText).default({}) }),
  async ({ offers, hours }, { user }) => {
    const offeredProcesses = Object.fromEntries(
      processes
        .filter((process) => offers.includes(process))
        .map((process) => [process, hours[process] ?? ""]),
    );
    const { droppedMaterials } = await setSupplierProcesses(getPrisma(), editorOf(user), {
      offeredProcesses,
    });
    profileChanged();
    return droppedMaterials > 0
      ? `Processes and capacity saved; ${droppedMaterials} material(s) of processes you no longer offer were removed.`
      : "Processes and capacity saved.";
  },
  { failure: "save the processes" },
);

export const saveMaterialsAction = formAction(
  "supplier.profile.edit",
  z.object({ materialIds: formList }),
  async (input, { user }) => {
    const codes = await setSupplierMaterials(getPrisma(), editorOf(user), input);
    profileChanged();
    return `Materials saved: ${codes.length} chosen.`;
  },
  { failure: "save the materials" },
);

export const addMachineAction = formAction(
  "supplier.profile.edit",
  z.object({
    process: formText,
    name: formText,
    count: formText,
    envelopeXMm: formText,
    envelopeYMm: formText,
    envelopeZMm: formText,
  }),
  async (input, { user }) => {
    const machine = await addMachine(getPrisma(), editorOf(user), input);
    profileChanged();
    return `${machine.name} added.`;
  },
  { failure: "add the machine" },
);

export const removeMachineAction = formAction(
  "supplier.profile.edit",
  z.object({ machineId: formText }),
  async ({ machineId }, { user }) => {
    const machine = await removeMachine(getPrisma(), editorOf(user), machineId);
    profileChanged();
    return `${machine.name} removed.`;
  },
  { failure: "remove the machine" },
);

export const addCertificateAction = formAction(
  "supplier.profile.edit",
  z.object({
    kind: formText,
    number: formText,
    issuer: formText,
    validFrom: formText,
    validUntil: formText,
    file: z.instanceof(File).optional(),
  }),
  async ({ file, ...fields }, { user }) => {
    await addCertificate({ db: getPrisma(), storage: getFileStorage() }, editorOf(user), {
      fields,
      file: file ?? null,
    });
    profileChanged();
    return "Certificate added.";
  },
  { failure: "add the certificate" },
);

export const removeCertificateAction = formAction(
  "supplier.profile.edit",
  z.object({ certificateId: formText }),
  async ({ certificateId }, { user }) => {
    await removeCertificate(getPrisma(), editorOf(user), certificateId);
    profileChanged();
    return "Certificate removed.";
  },
  { failure: "remove the certificate" },
);

export const blockDaysAction = formAction(
  "supplier.capacity.edit",
  z.object({ from: formText, to: formText, reason: formText }),
  async (input, { user }) => {
    const result = await blockDays(getPrisma(), editorOf(user), input);
    profileChanged();
    return blockedDaysSummary(result);
  },
  { failure: "block the days" },
);

export const unblockDayAction = formAction(
  "supplier.capacity.edit",
  z.object({ blockedDayId: formText }),
  async ({ blockedDayId }, { user }) => {
    const day = await unblockDay(getPrisma(), editorOf(user), blockedDayId);
    profileChanged();
    return `${formatDay(day.day)} is open for production again.`;
  },
  { failure: "unblock the day" },
);
