import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import type { FileStorage } from "../storage/file-storage";
import { checkComplaintPhotos } from "./check-complaint-photos";
import { checkNoContactDetails } from "../messages/check-no-contact-details";
import { storeComplaintPhotos } from "./store-complaint-photos";

export const complaintAnswerSchema = z.object({
  answer: z
    .string({ error: "Write your answer to the complaint (at least 10 characters)." })
    .trim()
    .min(10, "Write your answer to the complaint (at least 10 characters).")
    .max(5000, "Keep the answer under 5000 characters."),
});

/**
 * The partner answers an open complaint about one of its jobs, once, with text and up to five photos
 * (the buyer's limits), before operations decide (docs/decisions/0042). Operations read it on the order
 * page and are e-mailed a link. An answer after the deadline is still taken while the complaint is open:
 * operations may not have decided yet, and then it helps them. No contact details pass to the buyer's
 * side, as in messages.
 */
export async function answerComplaint(
  deps: { db: Database; storage: FileStorage },
  supplier: { companyId: string; userId: string },
  complaintId: string,
  input: { answer: unknown; photos: File[] },
  now = new Date(),
) {
  const { answer } = complaintAnswerSchema.parse({ answer: input.answer });
  const photos = await checkComplaintPhotos(input.photos);
  const { db, storage } = deps;
  const complaint = await db.complaint.findFirst({
    where: { id: complaintId, orderLine: { supplierCompanyId: supplier.companyId } },
    include: { orderLine: { include: { order: { select: { number: true, buyerCompanyId: true } } } } },
  });
  if (!complaint) throw new AppError("not_found", "There is no such complaint about your jobs.");
  await checkNoContactDetails(db, answer, {
    otherCompanyIds: [complaint.orderLine.order.buyerCompanyId],
    field: "answer",
  });
  if (complaint.status !== "OPEN")
    throw new AppError("invalid_state_transition", "Operations have decided this complaint already.");
  if (complaint.supplierAnsweredAt)
    throw new AppError(
      "invalid_state_transition",
      "You have answered this complaint already; write to operations in the job's messages to add something.",
    );
  const keys = await storeComplaintPhotos(storage, photos);
  return db.$transaction(async (tx) => {
    const saved = await tx.complaint.updateMany({
      where: { id: complaint.id, status: "OPEN", supplierAnsweredAt: null },
      data: {
        supplierAnswer: answer,
        supplierAnswerPhotoKeys: keys,
        supplierAnsweredAt: now,
        supplierAnsweredById: supplier.userId,
      },
    });
    if (saved.count !== 1)
      throw new AppError("invalid_state_transition", "This complaint was answered or decided meanwhile.");
    await recordAuditLog(tx, {
      actorUserId: supplier.userId,
      companyId: supplier.companyId,
      action: "complaint.answered",
      entityType: "Complaint",
      entityId: complaint.id,
      data: { orderLineId: complaint.orderLineId, photos: keys.length },
    });
    const line = complaint.orderLine;
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Complaint on order ${line.order.number}: the partner answered`,
      text: [
        `The partner answered the complaint${keys.length ? ` with ${keys.length} photo(s)` : ""}:\n\n${answer}`,
        `Decide it here: ${appUrl()}/ops/orders/${line.orderId}#complaints-heading`,
      ].join("\n\n"),
    });
  });
}
