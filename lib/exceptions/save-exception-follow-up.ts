import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { exceptionListKeys } from "./exception-list-keys";

const followUpSchema = z.object({
  key: z
    .string()
    .regex(
      new RegExp(`^(${exceptionListKeys.join("|")}):[A-Za-z0-9_-]{1,64}$`),
      "This exception is not on the board any more. Reload the page.",
    ),
  ownerUserId: z.string().max(64),
  note: z
    .string()
    .max(2000, "Keep the note under 2000 characters.")
    .transform((note) => note.trim()),
});

export type ExceptionFollowUpInput = z.input<typeof followUpSchema>;

/**
 * Operations take on an exception (or leave it without an owner) and keep a note on it that every
 * operator sees on the board. The owner must be an active operations user. Each change of owner or note
 * is one audit-log entry with the value before and after, in the same transaction; saving the same
 * values again changes and logs nothing.
 */
export async function saveExceptionFollowUp(db: Database, operator: { userId: string }, input: unknown) {
  const { key, ownerUserId, note } = followUpSchema.parse(input);
  return db.$transaction(async (tx) => {
    const owner = ownerUserId
      ? await tx.user.findFirst({
          where: { id: ownerUserId, role: "OPERATIONS", disabledAt: null },
          select: { id: true, name: true },
        })
      : null;
    if (ownerUserId && !owner)
      throw new AppError("bad_request", "Choose an owner from the operations team.", {
        field: "ownerUserId",
      });
    // Locks the row when it exists, so two operators saving at once are logged one after the other.
    const [before] = await tx.$queryRaw<{ ownerUserId: string | null; note: string }[]>`
      SELECT "ownerUserId", "note" FROM "ExceptionFollowUp" WHERE "key" = ${key} FOR UPDATE`;
    const previousOwner = before?.ownerUserId ?? null;
    const previousNote = before?.note ?? "";
    const saved = await tx.exceptionFollowUp.upsert({
      where: { key },
      create: { key, ownerUserId: owner?.id ?? null, note, updatedByUserId: operator.userId },
      update: { ownerUserId: owner?.id ?? null, note, updatedByUserId: operator.userId },
    });
    if (previousOwner !== (owner?.id ?? null)) {
      const previousName = previousOwner
        ? ((await tx.user.findUnique({ where: { id: previousOwner }, select: { name: true } }))?.name ?? null)
        : null;
      await recordAuditLog(tx, {
        actorUserId: operator.userId,
        action: "exception.owner",
        entityType: "ExceptionFollowUp",
        entityId: key,
        data: {
          from: previousOwner,
          fromName: previousName,
          to: owner?.id ?? null,
          toName: owner?.name ?? null,
        },
      });
    }
    if (previousNote !== note)
      await recordAuditLog(tx, {
        actorUserId: operator.userId,
        action: "exception.note",
        entityType: "ExceptionFollowUp",
        entityId: key,
        data: { from: previousNote, to: note },
      });
    return saved;
  });
}
