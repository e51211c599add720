"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addAuditEvidence } from "@/lib/audits/add-audit-evidence";
import { auditChecklistItemKeys } from "@/lib/audits/audit-checklist";
import { decideAudit } from "@/lib/workflows/decide-audit";
import { openAudit } from "@/lib/audits/open-audit";
import { reinstateSupplier } from "@/lib/workflows/reinstate-supplier";
import { saveAuditChecklist, type ChecklistConflict } from "@/lib/audits/save-audit-checklist";
import { suspendSupplier } from "@/lib/workflows/suspend-supplier";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import type { FormErrorState } from "@/lib/errors/form-state-from-error";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface SupplierActionState extends FormErrorState {
  success?: string;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
  /** A checklist save refused because someone saved meanwhile: what they saved, to show beside the form. */
  checklistConflict?: ChecklistConflict;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

function supplierPath(companyId: string): string {
  return `/ops/suppliers/${encodeURIComponent(companyId)}`;
}

export const saveChecklistAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    try {
      const input = Object.fromEntries(
        auditChecklistItemKeys.map((key) => [
          key,
          {
            result: field(formData, `${key}.result`),
            method: field(formData, `${key}.method`),
            note: field(formData, `${key}.note`),
          },
        ]),
      );
      const { changed } = await saveAuditChecklist(
        getPrisma(),
        { userId: user.id },
        field(formData, "auditId"),
        input,
        field(formData, "shownAt") || undefined,
      );
      revalidatePath(supplierPath(companyId));
      return {
        success:
          changed.length === 0
            ? "Nothing changed."
            : `Checklist saved (${changed.length} item${changed.length === 1 ? "" : "s"} changed).`,
      };
    } catch (error) {
      const conflict = isAppError(error) ? error.details?.checklistConflict : undefined;
      return {
        ...refusedFormState(error, "save the checklist", formData),
        ...(conflict ? { checklistConflict: conflict as ChecklistConflict } : {}),
      };
    }
  },
);

export const addEvidenceAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    try {
      const file = formData.get("file");
      const evidence = await addAuditEvidence(
        { db: getPrisma(), storage: getFileStorage() },
        { userId: user.id },
        field(formData, "auditId"),
        { description: formData.get("description") ?? "", file: file instanceof File ? file : null },
      );
      revalidatePath(supplierPath(companyId));
      return { success: `“${evidence.fileName}” is kept with the audit.` };
    } catch (error) {
      return refusedFormState(error, "keep the evidence file", formData);
    }
  },
);

export const decideAuditAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    let status: string;
    try {
      const decided = await decideAudit(getPrisma(), { userId: user.id }, field(formData, "auditId"), {
        decision: field(formData, "decision"),
        expiresOn: field(formData, "expiresOn"),
        conditions: field(formData, "conditions"),
        note: field(formData, "note"),
      });
      status = decided.status;
    } catch (error) {
      return refusedFormState(error, "record the decision", formData);
    }
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=${status === "REJECTED" ? "rejected" : "approved"}`);
  },
);

export const openAuditAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    try {
      await openAudit(getPrisma(), { userId: user.id }, companyId, { purpose: field(formData, "purpose") });
    } catch (error) {
      return refusedFormState(error, "open the audit", formData);
    }
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=audit-opened`);
  },
);

export const suspendSupplierAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    let withdrawn: number;
    try {
      const result = await suspendSupplier(getPrisma(), { userId: user.id }, companyId, {
        reason: formData.get("reason") ?? "",
      });
      withdrawn = result.withdrawnOfferIds.length;
    } catch (error) {
      return refusedFormState(error, "suspend the partner", formData);
    }
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=suspended&withdrawn=${withdrawn}`);
  },
);

export const reinstateSupplierAction = guardedAction(
  "ops.suppliers.audit",
  async (user, _previous: SupplierActionState, formData: FormData): Promise<SupplierActionState> => {
    const companyId = field(formData, "companyId");
    try {
      await reinstateSupplier(getPrisma(), { userId: user.id }, companyId, {
        reason: formData.get("reason") ?? "",
      });
    } catch (error) {
      return refusedFormState(error, "reinstate the partner", formData);
    }
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=reinstated`);
  },
);
