import type { TransactionClient } from "../db/prisma";
import { formatDeadline } from "../dates/format-deadline";
import { AppError } from "../errors/app-error";

/**
 * Whether operations may decide a complaint now: the partner answered, or its time to answer is over.
 * Before that a decision needs a reason (a safety issue, a buyer's deadline), which is kept on the
 * complaint; once the partner is heard, no reason is stored. Returns the reason to keep.
 */
export async function checkSupplierHeard(
  tx: TransactionClient,
  complaintId: string,
  earlyDecisionReason: string | undefined,
  now: Date,
): Promise<string | null> {
  const complaint = await tx.complaint.findUnique({
    where: { id: complaintId },
    select: { supplierAnsweredAt: true, supplierAnswerDueAt: true, status: true },
  });
  if (!complaint) throw new AppError("not_found", "There is no such complaint.");
  if (complaint.status !== "OPEN" || complaint.supplierAnsweredAt) return null;
  if (!complaint.supplierAnswerDueAt || complaint.supplierAnswerDueAt <= now) return null;
  if (!earlyDecisionReason || earlyDecisionReason.length < 5)
    throw new AppError(
      "validation_failed",
      `The partner may answer until ${formatDeadline(complaint.supplierAnswerDueAt)}. Wait for its answer, or write why you decide now.`,
      { field: "earlyDecisionReason" },
    );
  return earlyDecisionReason;
}
