import { movePayouts } from "../payouts/move-payouts";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { payoutHeldReasons } from "../payouts/payout-method-for";
import { complaintWindowEnd, loadComplaintWindow } from "../payouts/complaint-window";
import { complaintPayoutNotes } from "../payouts/complaint-payout-notes";
import type { FileStorage } from "../storage/file-storage";
import { checkComplaintPhotos } from "../complaints/check-complaint-photos";
import { storeComplaintPhotos } from "../complaints/store-complaint-photos";
import { queueComplaintFiledEmails } from "../complaints/queue-complaint-filed-emails";
import { offerDeadline } from "../matching/offer-deadline";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { formatDayOfMoment } from "@/lib/dates/format-day";

const complaintSchema = z.object({
  text: z
    .string()
    .trim()
    .min(10, "Describe what is wrong in a sentence or two (at least 10 characters).")
    .max(5000, "Keep the description under 5000 characters."),
});

/**
 * A complaint about a shipped or delivered line, within the complaint window (a setting, 14 days by default)
 * of its arrival: a description and up to
 * five photos (JPEG, PNG, WebP or HEIC, 10 MB each). Photos are checked before anything is stored, so a
 * refused complaint leaves nothing behind; operations are told by e-mail. An open complaint stops the
 * automatic delivery confirmation and holds the supplier's payout until operations decide; one that comes
 * after the payout was made (the buyer confirmed "no complaint", or the window had closed) is accepted all
 * the same, and operations read that the payout cannot be held back (docs/decisions/0031). The partner is
 * told at once, with a link to the job, and answers by `supplierAnswerDueAt` (docs/decisions/0042).
 */
export async function fileComplaint(
  deps: { db: Database; storage: FileStorage },
  buyer: { companyId: string; userId: string },
  orderLineId: string,
  input: { text: unknown; photos: File[] },
  now = new Date(),
) {
  const { text } = complaintSchema.parse({ text: input.text });
  const photos = await checkComplaintPhotos(input.photos);
  const { db, storage } = deps;
  const line = await db.orderLine.findFirst({
    where: { id: orderLineId, order: { buyerCompanyId: buyer.companyId } },
    include: { order: { select: { id: true, number: true } } },
  });
  if (!line) throw new AppError("not_found", "There is no such order line in your company.");
  // From shipping on: parts can arrive before anyone confirms the delivery.
  const arrivedAt =
    line.status === "DELIVERED" ? line.deliveredAt : line.status === "SHIPPED" ? line.shippedAt : null;
  if (!arrivedAt)
    throw new AppError(
      "invalid_state_transition",
      "A complaint can be made once the part has been shipped to you.",
    );
  const { days: complaintWindowDays, supplierAnswerWorkingDays } = await loadComplaintWindow(db);
  if (now > complaintWindowEnd(arrivedAt, complaintWindowDays))
    throw new AppError(
      "invalid_state_transition",
      `Complaints are accepted within ${complaintWindowDays} days of delivery; this part arrived on ${formatDayOfMoment(arrivedAt)}. Contact us directly.`,
    );
  // The partner answers within working days (a setting) before operations decide (docs/decisions/0042).
  const answerDueAt = offerDeadline(
    now,
    supplierAnswerWorkingDays * 24,
    await loadPlatformHolidayCalendar(db),
  );
  const keys = await storeComplaintPhotos(storage, photos);
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.create({
      data: {
        orderLineId: line.id,
        buyerCompanyId: buyer.companyId,
        createdById: buyer.userId,
        text,
        photoStorageKeys: keys,
        supplierAnswerDueAt: answerDueAt,
      },
    });
    if (line.supplierCompanyId)
      await emitWebhookEvent(tx, {
        companyId: line.supplierCompanyId,
        type: "complaint.opened",
        data: {
          complaintId: complaint.id,
          orderLineId: line.id,
          status: complaint.status,
          supplierAnswerDueAt: complaint.supplierAnswerDueAt?.toISOString() ?? null,
        },
      });
    await recordAuditLog(tx, {
      actorUserId: buyer.userId,
      companyId: buyer.companyId,
      action: "complaint.filed",
      entityType: "Complaint",
      entityId: complaint.id,
      data: { orderLineId: line.id, photos: keys.length },
    });
    // The payout waits for operations' decision (a transfer under way finishes first: it holds the row).
    const held = await movePayouts(tx, {
      where: { orderLineId: line.id },
      from: ["PENDING", "WAITING"],
      to: "HELD",
      set: { heldReason: payoutHeldReasons.complaint },
    });
    const notes = await complaintPayoutNotes(tx, line.id, held > 0);
    await queueComplaintFiledEmails(tx, { complaint, line, answerDueAt, notes });
    if (line.supplierCompanyId) await refreshSupplierScore(tx, line.supplierCompanyId);
    return complaint;
  });
}
