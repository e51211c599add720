import type { Database } from "../db/prisma";
import { findViewablePart, type PartViewer } from "../parts/find-viewable-part";
import { parseRequestOptions } from "./parse-request-options";

/**
 * The manual quote requests for one part as its buyer sees them on the part's page, newest first: open
 * ones (waiting for our engineers), declined ones with the reason, and answered ones with the quote —
 * which is shown only to the company it was made for, and only while it can still be put in a cart or
 * was ordered. Refuses (not_found) a part the viewer may not see.
 */
export async function listPartManualQuotes(
  db: Database,
  viewer: PartViewer,
  partId: string,
  now = new Date(),
) {
  const part = await findViewablePart(db, partId, viewer);
  const requests = await db.manualQuoteRequest.findMany({
    where: { partId: part.id },
    orderBy: { createdAt: "desc" },
    include: {
      answeredQuote: {
        select: {
          id: true,
          companyId: true,
          status: true,
          quantity: true,
          unitPriceCents: true,
          totalPriceCents: true,
          deliveryDate: true,
          validUntil: true,
          toleranceClass: true,
          finish: true,
          material: { select: { name: true } },
        },
      },
    },
  });
  return requests.map((request) => {
    const quote =
      request.answeredQuote && viewer.companyId && request.answeredQuote.companyId === viewer.companyId
        ? { ...request.answeredQuote, expired: request.answeredQuote.validUntil < now }
        : null;
    return {
      id: request.id,
      status: request.status,
      createdAt: request.createdAt,
      answeredAt: request.answeredAt,
      options: parseRequestOptions(request.options),
      notes: request.notes,
      answerNote: request.answerNote,
      declineReason: request.declineReason,
      quote,
    };
  });
}

export type PartManualQuote = Awaited<ReturnType<typeof listPartManualQuotes>>[number];
