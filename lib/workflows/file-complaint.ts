import { movePayouts } from "../payouts/move-payouts";
import { Readable } from "node:stream";
import { z } from "zod";
import type { Database } from "../db/prisma";
import { refreshSupplierScore } from "../matching/refresh-supplier-score";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { queueEmail } from "../notifications/queue-email";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { payoutHeldReasons } from "../payouts/payout-method-for";
import { complaintWindowEnd, loadComplaintWindow } from "../payouts/complaint-window";
import { complaintPayoutNotes } from "../payouts/complaint-payout-notes";
import type { FileStorage } from "../storage/file-storage";

export const maxComplaintPhotos = 5;
export const maxComplaintPhotoBytes = 10 * 1024 * 1024;
const photoTypes = new Set(["image/jpeg", "image/png", "image/webp", "image/heic"]);

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
 * the same, and operations read that the payout cannot be held back (docs/decisions/0031).
 */
export async function fileComplaint(
  deps: { db: Database; storage: FileStorage },
  buyer: { companyId: string; userId: string },
  orderLineId: string,
  input: { text: unknown; photos: File[] },
  now = new Date(),
) {
  const { text } = complaintSchema.parse({ text: input.text });
  const photos = input.photos.filter((photo) => photo.size > 0);
  if (photos.length > maxComplaintPhotos)
    throw new AppError("validation_failed", `Attach at most ${maxComplaintPhotos} photos.`, {
      field: "photos",
    });
  for (const photo of photos) {
    if (!photoTypes.has(photo.type))
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is not a photo; attach JPEG, PNG, WebP or HEIC.`,
        {
          field: "photos",
        },
      );
    if (photo.size > maxComplaintPhotoBytes)
      throw new AppError(
        "validation_failed",
        `"${photo.name}" is larger than 10 MB; attach a smaller photo.`,
        {
          field: "photos",
        },
      );
  }
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
  const { days: complaintWindowDays } = await loadComplaintWindow(db);
  if (now > complaintWindowEnd(arrivedAt, complaintWindowDays))
    throw new AppError(
      "invalid_state_transition",
      `Complaints are accepted within ${complaintWindowDays} days of delivery; this part arrived on ${arrivedAt.toISOString().slice(0, 10)}. Contact us directly.`,
    );
  const keys: string[] = [];
  for (const photo of photos) {
    const stored = await storage.put(Readable.fromWeb(photo.stream() as never), {
      maxBytes: maxComplaintPhotoBytes,
      contentType: photo.type,
    });
    keys.push(stored.key);
  }
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.create({
      data: {
        orderLineId: line.id,
        buyerCompanyId: buyer.companyId,
        createdById: buyer.userId,
        text,
        photoStorageKeys: keys,
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
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Complaint on order ${line.order.number}`,
      text: [
        `A buyer filed a complaint on order ${line.order.number} with ${keys.length} photo${keys.length === 1 ? "" : "s"}:\n\n${text}`,
        notes.operations,
        `Decide it on the order's page: ${appUrl()}/ops/orders/${line.order.id}`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    });
    if (notes.supplier && line.supplierCompanyId)
      await queueCompanyEmail(tx, line.supplierCompanyId, {
        subject: `Complaint on order ${line.order.number}: your payout is held`,
        text: notes.supplier,
      });
    if (line.supplierCompanyId) await refreshSupplierScore(tx, line.supplierCompanyId);
    return complaint;
  });
}
