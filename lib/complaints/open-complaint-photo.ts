import { buffer } from "node:stream/consumers";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { complaintPhotoType } from "./complaint-photo-type";

export type ComplaintPhotoReader = {
  userId: string;
  role: string;
  companyId: string;
  ipAddress?: string | null;
};

/**
 * One photo of a complaint: `b<n>` the buyer's n-th, `p<n>` the partner's answer's n-th. Operations, the
 * complaining buyer's company and the partner of the line may see them; anyone else reads "not found", as
 * for a complaint that does not exist. Every read is written to the audit log with who and from where,
 * like the other stored files. The type comes from the file's bytes (complaintPhotoType).
 */
export async function openComplaintPhoto(
  db: Database,
  storage: FileStorage,
  reader: ComplaintPhotoReader,
  complaintId: string,
  photo: string,
): Promise<{ bytes: Buffer; fileName: string; contentType: string; inline: boolean }> {
  const match = /^([bp])([0-4])$/.exec(photo);
  const complaint = match
    ? await db.complaint.findUnique({
        where: { id: complaintId },
        include: { orderLine: { select: { supplierCompanyId: true } } },
      })
    : null;
  const allowed =
    complaint &&
    (reader.role === "OPERATIONS" ||
      (reader.role.startsWith("BUYER_") && complaint.buyerCompanyId === reader.companyId) ||
      (reader.role.startsWith("SUPPLIER_") && complaint.orderLine.supplierCompanyId === reader.companyId));
  const key =
    allowed && match
      ? (match[1] === "b" ? complaint.photoStorageKeys : complaint.supplierAnswerPhotoKeys)[Number(match[2])]
      : undefined;
  if (!complaint || !key) throw new AppError("not_found", "There is no such complaint photo.");
  const bytes = await buffer(await storage.get(key));
  await recordAuditLog(db, {
    actorUserId: reader.userId,
    companyId: reader.companyId,
    action: "file.read",
    entityType: "Complaint",
    entityId: complaint.id,
    data: { photo, by: match![1] === "b" ? "buyer" : "partner" },
    ipAddress: reader.ipAddress ?? null,
  });
  const type = complaintPhotoType(bytes.subarray(0, 16));
  const name = `complaint-${complaint.id}-${photo}`;
  if (!type)
    return { bytes, fileName: `${name}.bin`, contentType: "application/octet-stream", inline: false };
  return { bytes, fileName: `${name}.${type.extension}`, contentType: type.contentType, inline: type.inline };
}
