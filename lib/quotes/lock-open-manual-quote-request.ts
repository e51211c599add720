import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatDayOfMoment } from "@/lib/dates/format-day";

/**
 * Locks a manual quote request for the rest of the transaction and returns it with its part and its
 * requester's company; refuses one that is answered or declined already (say by whom and when), so two
 * engineers pricing the same request at once cannot both send a quote.
 */
export async function lockOpenManualQuoteRequest(tx: TransactionClient, requestId: string) {
  await tx.$queryRaw`SELECT 1 FROM "ManualQuoteRequest" WHERE "id" = ${requestId} FOR UPDATE`;
  const request = await tx.manualQuoteRequest.findUnique({
    where: { id: requestId },
    include: {
      part: { select: { id: true, originalFileName: true, companyId: true, status: true } },
      requestedBy: { select: { id: true, companyId: true } },
      answeredBy: { select: { name: true } },
    },
  });
  if (!request) throw new AppError("not_found", "There is no such quote request.");
  if (request.status !== "OPEN") {
    const by = request.answeredBy?.name ?? "someone";
    const when = request.answeredAt ? ` on ${formatDayOfMoment(request.answeredAt)}` : "";
    throw new AppError(
      "invalid_state_transition",
      request.status === "ANSWERED"
        ? `This request was answered already by ${by}${when}: the buyer has that quote.`
        : `This request was declined already by ${by}${when}.`,
    );
  }
  return request;
}
