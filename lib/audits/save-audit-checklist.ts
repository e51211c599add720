import { moveAudit } from "./move-audit";
import { z } from "zod";
import type { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import {
  auditCheckMethods,
  auditCheckResults,
  auditChecklistItemKeys,
  auditChecklistItems,
  checklistOf,
  type AuditChecklist,
} from "./audit-checklist";
import { AppError } from "../errors/app-error";
import { lockUndecidedAudit } from "./lock-undecided-audit";

const checkSchema = z.object({
  result: z.enum(Object.keys(auditCheckResults) as [keyof typeof auditCheckResults], {
    error: "Choose passed, failed or not checked yet.",
  }),
  method: z
    .union([z.literal(""), z.enum(Object.keys(auditCheckMethods) as [keyof typeof auditCheckMethods])])
    .default(""),
  note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
});

/** Form fields `<item>.result`, `<item>.method`, `<item>.note` for every checklist item. */
export const checklistInputSchema = z
  .object(Object.fromEntries(auditChecklistItemKeys.map((key) => [key, checkSchema])))
  .superRefine((items, ctx) => {
    for (const key of auditChecklistItemKeys) {
      const item = items[key]!;
      if (item.result !== "open" && item.method === "")
        ctx.addIssue({
          code: "custom",
          path: [key, "method"],
          message: `Say how "${auditChecklistItems[key]}" was verified.`,
        });
      if (item.result === "failed" && item.note.length < 5)
        ctx.addIssue({
          code: "custom",
          path: [key, "note"],
          message: `Write down what failed in "${auditChecklistItems[key]}".`,
        });
    }
  });

/** A refused stale save: what is stored now, who saved it last, and the version to save over. */
export interface ChecklistConflict {
  savedBy: string | null;
  checklist: AuditChecklist;
  updatedAt: string;
}

export interface AuditActor {
  userId: string;
}

/**
 * Saves the auditor's checklist of an undecided audit: each item's result, how it was verified (on
 * site, by video, from documents) and a note; a failed item needs a note. The first save starts the
 * audit (IN_PROGRESS) and makes the saver its auditor. The audit log keeps which items changed. The
 * form sends all items, so a save is refused when the audit changed since the saver's page showed it.
 */
export async function saveAuditChecklist(
  db: Database,
  actor: AuditActor,
  auditId: string,
  input: unknown,
  /** When the saver's page showed the audit (its updatedAt): a save by someone else since is not overwritten. */
  shownAt?: string,
) {
  const parsed = checklistInputSchema.parse(input);
  const checklist = Object.fromEntries(
    auditChecklistItemKeys.map((key) => {
      const item = parsed[key]!;
      return [key, { result: item.result, method: item.method || null, note: item.note }];
    }),
  ) as AuditChecklist;
  return db.$transaction(async (tx) => {
    const audit = await lockUndecidedAudit(tx, auditId);
    if (shownAt && audit.updatedAt.toISOString() !== shownAt) {
      const lastSave = await tx.auditLogEntry.findFirst({
        where: { entityType: "SupplierAudit", entityId: audit.id, action: "audit.checklist" },
        orderBy: { createdAt: "desc" },
        select: { actor: { select: { name: true } } },
      });
      // What is stored now and its version: the form shows them beside what was typed, and a second
      // save with this version keeps the typed entries on purpose.
      const conflict: ChecklistConflict = {
        savedBy: lastSave?.actor?.name ?? null,
        checklist: checklistOf(audit.checklist),
        updatedAt: audit.updatedAt.toISOString(),
      };
      throw new AppError(
        "conflict",
        `${conflict.savedBy ?? "Someone"} changed this audit after you opened the page. What is saved now is shown under each item that differs; your entries are still in the form. Save again to keep yours.`,
        { checklistConflict: conflict },
      );
    }
    const before = checklistOf(audit.checklist);
    const changed = auditChecklistItemKeys.filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(checklist[key]),
    );
    await moveAudit(tx, {
      auditId: audit.id,
      from: audit.status,
      to: "IN_PROGRESS",
      set: {
        checklist: checklist as unknown as Prisma.InputJsonValue,
        auditorId: audit.auditorId ?? actor.userId,
      },
    });
    if (changed.length > 0)
      await recordAuditLog(tx, {
        actorUserId: actor.userId,
        companyId: audit.supplierCompanyId,
        action: "audit.checklist",
        entityType: "SupplierAudit",
        entityId: audit.id,
        // "open → passed (video): Haas Mini Mill seen running" per changed item.
        data: Object.fromEntries(
          changed.map((key) => {
            const after = checklist[key];
            return [
              key,
              `${before[key].result} → ${after.result}${after.method ? ` (${after.method})` : ""}${after.note ? `: ${after.note}` : ""}`,
            ];
          }),
        ),
      });
    return { changed };
  });
}
