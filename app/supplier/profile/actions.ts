"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ManufacturingProcess } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { addCertificate } from "@/lib/suppliers/add-certificate";
import { addMachine } from "@/lib/suppliers/add-machine";
import type { SupplierEditor } from "@/lib/suppliers/assert-supplier-admin";
import { blockDays } from "@/lib/suppliers/block-days";
import { removeCertificate } from "@/lib/suppliers/remove-certificate";
import { removeMachine } from "@/lib/suppliers/remove-machine";
import { setSupplierMaterials } from "@/lib/suppliers/set-supplier-materials";
import { setSupplierProcesses } from "@/lib/suppliers/set-supplier-processes";
import { unblockDay } from "@/lib/suppliers/unblock-day";
import { updateSupplierLocation } from "@/lib/suppliers/update-supplier-location";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface ProfileActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again (React resets a form after its action). */
  values?: Record<string, string>;
}

const profilePath = "/supplier/profile";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

async function run(
  user: CurrentUser,
  formData: FormData,
  what: string,
  change: (editor: SupplierEditor) => Promise<string>,
): Promise<ProfileActionState> {
  const editor: SupplierEditor = { userId: user.id, companyId: user.companyId, role: user.role };
  try {
    const success = await change(editor);
    revalidatePath(profilePath);
    return { success };
  } catch (error) {
    return refusedFormState(error, what, formData);
  }
}

export const saveLocationAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "save the location", async (editor) => {
      await updateSupplierLocation(getPrisma(), editor, {
        countryCode: field(formData, "countryCode"),
        region: field(formData, "region"),
        city: field(formData, "city"),
        postalCode: field(formData, "postalCode"),
        addressLine: field(formData, "addressLine"),
        latitude: field(formData, "latitude"),
        longitude: field(formData, "longitude"),
        minOrderValueEuros: field(formData, "minOrderValueEuros"),
        maxOrderValueEuros: field(formData, "maxOrderValueEuros"),
      });
      return "Location and order values saved.";
    });
  },
);

export const saveProcessesAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "save the processes", async (editor) => {
      const ticked = new Set(formData.getAll("offers").map(String));
      const offeredProcesses = Object.fromEntries(
        Object.values(ManufacturingProcess)
          .filter((process) => ticked.has(process))
          .map((process) => [process, field(formData, `hours.${process}`)]),
      );
      const { droppedMaterials } = await setSupplierProcesses(getPrisma(), editor, { offeredProcesses });
      return droppedMaterials > 0
        ? `Processes and capacity saved; ${droppedMaterials} material(s) of processes you no longer offer were removed.`
        : "Processes and capacity saved.";
    });
  },
);

export const saveMaterialsAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "save the materials", async (editor) => {
      const codes = await setSupplierMaterials(getPrisma(), editor, {
        materialIds: formData.getAll("materialIds").map(String),
      });
      return `Materials saved: ${codes.length} chosen.`;
    });
  },
);

export const addMachineAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "add the machine", async (editor) => {
      const machine = await addMachine(getPrisma(), editor, {
        process: field(formData, "process"),
        name: field(formData, "name"),
        count: field(formData, "count"),
        envelopeXMm: field(formData, "envelopeXMm"),
        envelopeYMm: field(formData, "envelopeYMm"),
        envelopeZMm: field(formData, "envelopeZMm"),
      });
      return `${machine.name} added.`;
    });
  },
);

export const removeMachineAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "remove the machine", async (editor) => {
      const machine = await removeMachine(getPrisma(), editor, field(formData, "machineId"));
      return `${machine.name} removed.`;
    });
  },
);

export const addCertificateAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "add the certificate", async (editor) => {
      const file = formData.get("file");
      await addCertificate({ db: getPrisma(), storage: getFileStorage() }, editor, {
        fields: {
          kind: field(formData, "kind"),
          number: field(formData, "number"),
          issuer: field(formData, "issuer"),
          validFrom: field(formData, "validFrom"),
          validUntil: field(formData, "validUntil"),
        },
        file: file instanceof File ? file : null,
      });
      return "Certificate added.";
    });
  },
);

export const removeCertificateAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "remove the certificate", async (editor) => {
      await removeCertificate(getPrisma(), editor, field(formData, "certificateId"));
      return "Certificate removed.";
    });
  },
);

export const blockDaysAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "block the days", async (editor) => {
      const result = await blockDays(getPrisma(), editor, {
        from: field(formData, "from"),
        to: field(formData, "to"),
        reason: field(formData, "reason"),
      });
      const skipped = [
        result.alreadyBlocked > 0 ? `${result.alreadyBlocked} already blocked` : "",
        result.weekendDays > 0 ? `${result.weekendDays} weekend day(s)` : "",
      ].filter(Boolean);
      return `${result.blocked} day(s) blocked${skipped.length ? `; skipped ${skipped.join(" and ")}` : ""}.`;
    });
  },
);

export const unblockDayAction = guardedAction(
  "supplier.profile.edit",
  async (user, _previous: ProfileActionState, formData: FormData): Promise<ProfileActionState> => {
    return run(user, formData, "unblock the day", async (editor) => {
      const day = await unblockDay(getPrisma(), editor, field(formData, "blockedDayId"));
      return `${day.day.toISOString().slice(0, 10)} is open for production again.`;
    });
  },
);
