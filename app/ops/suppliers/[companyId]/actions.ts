"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addAuditEvidence } from "@/lib/audits/add-audit-evidence";
import { auditChecklistItemKeys, type AuditChecklistItem } from "@/lib/audits/audit-checklist";
import { decideAudit } from "@/lib/workflows/decide-audit";
import { openAudit } from "@/lib/audits/open-audit";
import { reinstateSupplier } from "@/lib/workflows/reinstate-supplier";
import { saveAuditChecklist, type ChecklistConflict } from "@/lib/audits/save-audit-checklist";
import { suspendSupplier } from "@/lib/workflows/suspend-supplier";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors/app-error";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import type { FormReply } from "@/lib/forms/form-reply";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** A checklist save refused because someone saved meanwhile also carries what they saved, shown beside the form. */
export type ChecklistReply = FormReply & { checklistConflict?: ChecklistConflict };

function supplierPath(companyId: string): string {
  return `/ops/suppliers/${encodeURIComponent(companyId)}`;
}

const supplierForm = { companyId: formText };
const auditForm = { companyId: formText, auditId: formText };

// Fields `<item>.result`, `<item>.method`, `<item>.note` per item; an untouched item reads as empty
// fields, which saveAuditChecklist names.
const checkFields = z
  .object({ result: formText, method: formText, note: formText })
  .default({ result: "", method: "", note: "" });
const checklistSchema = z.object({
  ...auditForm,
  shownAt: formText,
  ...(Object.fromEntries(auditChecklistItemKeys.map((key) => [key, checkFields])) as Record<
    AuditChecklistItem,
    typeof checkFields
  >),
});

/** The checklist's form action; `seen` receives the conflict of a refusal because someone saved meanwhile. */
const saveChecklist = (seen: { conflict?: ChecklistConflict }) =>
  formAction(
    "ops.suppliers.audit",
    checklistSchema,
    async ({ companyId, auditId, shownAt, ...checklist }, { user }) => {
      try {
        const { changed } = await saveAuditChecklist(
          getPrisma(),
          { userId: user.id },
          auditId,
          checklist,
          shownAt || undefined,
        );
        revalidatePath(supplierPath(companyId));
        return changed.length === 0
          ? "Nothing changed."
          : `Checklist saved (${changed.length} item${changed.length === 1 ? "" : "s"} changed).`;
      } catch (error) {
        const conflict = isAppError(error) ? error.details?.checklistConflict : undefined;
        if (conflict) seen.conflict = conflict as ChecklistConflict;
        throw error;
      }
    },
    { failure: "save the checklist" },
  );

export async function saveChecklistAction(
  previous: FormReply | null,
  formData: FormData,
): Promise<ChecklistReply> {
  const seen: { conflict?: ChecklistConflict } = {};
  const reply = await saveChecklist(seen)(previous, formData);
  return seen.conflict ? { ...reply, checklistConflict: seen.conflict } : reply;
}

export const addEvidenceAction = formAction(
  "ops.suppliers.audit",
  z.object({ ...auditForm, description: formText }),
  async ({ companyId, auditId, description }, { user, formData }) => {
    const file = formData.get("file");
    const evidence = await addAuditEvidence(
      { db: getPrisma(), storage: getFileStorage() },
      { userId: user.id },
      auditId,
      { description, file: file instanceof File ? file : null },
    );
    revalidatePath(supplierPath(companyId));
    return `“${evidence.fileName}” is kept with the audit.`;
  },
  { failure: "keep the evidence file", valueField: "description" },
);

export const decideAuditAction = formAction(
  "ops.suppliers.audit",
  z.object({
    ...auditForm,
    decision: formText,
    expiresOn: formText,
    conditions: formText,
    note: formText,
    probationMaxOrderValueEuros: formText,
    probationMaxOpenJobs: formText,
    conditionsDueOn: formText,
  }),
  async ({ companyId, auditId, ...decision }, { user }) => {
    const decided = await decideAudit(getPrisma(), { userId: user.id }, auditId, decision);
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=${decided.status === "REJECTED" ? "rejected" : "approved"}`);
  },
  { failure: "record the decision" },
);

export const openAuditAction = formAction(
  "ops.suppliers.audit",
  z.object({ ...supplierForm, purpose: formText }),
  async ({ companyId, purpose }, { user }) => {
    await openAudit(getPrisma(), { userId: user.id }, companyId, { purpose });
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=audit-opened`);
  },
  { failure: "open the audit" },
);

export const suspendSupplierAction = formAction(
  "ops.suppliers.audit",
  z.object({ ...supplierForm, reason: formText }),
  async ({ companyId, reason }, { user }) => {
    const result = await suspendSupplier(getPrisma(), { userId: user.id }, companyId, { reason });
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=suspended&withdrawn=${result.withdrawnOfferIds.length}`);
  },
  { failure: "suspend the partner" },
);

export const reinstateSupplierAction = formAction(
  "ops.suppliers.audit",
  z.object({ ...supplierForm, reason: formText }),
  async ({ companyId, reason }, { user }) => {
    await reinstateSupplier(getPrisma(), { userId: user.id }, companyId, {
      reason,
    });
    revalidatePath(supplierPath(companyId));
    redirect(`${supplierPath(companyId)}?done=reinstated`);
  },
  { failure: "reinstate the partner" },
);
