import { z } from "zod";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { lockOpenManualQuoteRequest } from "./lock-open-manual-quote-request";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

const declineSchema = z.object({
  reason: z
    .string({ error: "Tell the buyer why we cannot quote this part." })
    .trim()
    .min(5, "Tell the buyer why we cannot quote this part (at least 5 characters).")
    .max(2000, "Keep the reason under 2000 characters."),
});

/**
 * Operations decline a manual quote request with a reason the buyer reads (by e-mail and on the part's
 * page). Like answering, it locks the request and refuses one that is not OPEN.
 */
export async function declineManualQuote(
  db: Database,
  operator: { userId: string },
  requestId: string,
  input: unknown,
) {
  const { reason } = declineSchema.parse(input);
  return db.$transaction(async (tx) => {
    const request = await lockOpenManualQuoteRequest(tx, requestId);
    const declined = await tx.manualQuoteRequest.update({
      where: { id: request.id },
      data: {
        status: "DECLINED",
        declineReason: reason,
        answeredById: operator.userId,
        answeredAt: new Date(),
      },
    });
    const companyId = request.requestedBy?.companyId ?? request.part.companyId;
    if (companyId)
      await emitWebhookEvent(tx, {
        companyId,
        type: "quote.answered",
        data: {
          manualQuoteRequestId: request.id,
          partId: request.partId,
          status: "DECLINED",
          quoteId: null,
          unitPriceCents: null,
          totalPriceCents: null,
          currency: null,
        },
      });
    await recordAuditLog(tx, {
      actorUserId: operator.userId,
      companyId,
      action: "manual-quote.declined",
      entityType: "ManualQuoteRequest",
      entityId: request.id,
      data: { reason },
    });
    await queueEmail(tx, {
      to: request.contactEmail,
      subject: `We cannot quote ${request.part.originalFileName}`,
      text: `Our engineers looked at ${request.part.originalFileName} and cannot offer a price for it:\n\n${reason}\n\nThe part stays in your account: ${appUrl()}/parts/${request.partId}`,
    });
    return declined;
  });
}
