import { z } from "zod";
import { recordAuditLog } from "../audit-log/record-audit-log";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { checkNoContactDetails } from "./check-no-contact-details";
import { queueJobMessageEmails } from "./queue-job-message-emails";

export const jobMessageSchema = z.object({
  text: z
    .string({ error: "Write your message." })
    .trim()
    .min(2, "Write your message.")
    .max(4000, "Keep the message under 4000 characters."),
});

/** Who writes, to which thread. Operations write in either; buyers and partners only in their own. */
export type JobMessageTarget =
  | { side: "SUPPLIER"; orderLineId: string }
  | { side: "BUYER"; orderId: string }
  | { side: "OPERATIONS"; thread: "PARTNER"; orderLineId: string; forwardedFromId?: string }
  | { side: "OPERATIONS"; thread: "BUYER"; orderId: string };

/**
 * Posts a message to a job's thread (docs/decisions/0042). The partner and operations talk per order
 * line; the buyer and operations per order; a buyer's question reaches the partner only when operations
 * pass it on in their own words (`forwardedFromId` links it). Text carrying contact details or names of
 * the other company's people is refused with what was found. The other side is e-mailed a link.
 */
export async function postJobMessage(
  db: Database,
  author: { userId: string; companyId: string },
  target: JobMessageTarget,
  input: unknown,
) {
  const { text } = jobMessageSchema.parse(input);
  const line =
    "orderLineId" in target
      ? await db.orderLine.findFirst({
          where: {
            id: target.orderLineId,
            ...(target.side === "SUPPLIER" ? { supplierCompanyId: author.companyId } : {}),
          },
          select: {
            id: true,
            orderId: true,
            supplierCompanyId: true,
            order: { select: { buyerCompanyId: true } },
          },
        })
      : null;
  const order =
    "orderId" in target
      ? await db.order.findFirst({
          where: {
            id: target.orderId,
            ...(target.side === "BUYER" ? { buyerCompanyId: author.companyId } : {}),
          },
          select: { id: true, buyerCompanyId: true, lines: { select: { supplierCompanyId: true } } },
        })
      : null;
  if (("orderLineId" in target && !line) || ("orderId" in target && !order))
    throw new AppError("not_found", "There is no such job or order.");
  if (target.side === "SUPPLIER" && line && !line.supplierCompanyId)
    throw new AppError("not_found", "There is no such job or order.");
  const thread = target.side === "SUPPLIER" ? "PARTNER" : target.side === "BUYER" ? "BUYER" : target.thread;
  // The partner thread must not carry the buyer's people, the buyer thread not the partners'.
  const otherCompanyIds =
    thread === "PARTNER" ? [line!.order.buyerCompanyId] : order!.lines.map((each) => each.supplierCompanyId);
  await checkNoContactDetails(db, text, { otherCompanyIds, field: "text" });
  const forwardedFromId = "forwardedFromId" in target ? target.forwardedFromId : undefined;
  if (forwardedFromId) {
    const question = await db.jobMessage.findFirst({
      where: { id: forwardedFromId, thread: "BUYER", orderId: line!.orderId },
    });
    if (!question) throw new AppError("not_found", "There is no such buyer question on this order.");
  }
  return db.$transaction(async (tx) => {
    const message = await tx.jobMessage.create({
      data: {
        thread,
        orderId: line?.orderId ?? order!.id,
        orderLineId: line?.id ?? null,
        authorUserId: author.userId,
        authorSide: target.side,
        text,
        forwardedFromId: forwardedFromId ?? null,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: author.userId,
      companyId: author.companyId,
      action: "job.message",
      entityType: "JobMessage",
      entityId: message.id,
      data: {
        thread,
        orderId: message.orderId,
        orderLineId: message.orderLineId,
        forwardedFromId: forwardedFromId ?? null,
      },
    });
    await queueJobMessageEmails(tx, message);
    return message;
  });
}
