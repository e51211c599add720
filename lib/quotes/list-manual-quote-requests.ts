import type { Database } from "../db/prisma";
import { parseRequestOptions } from "./parse-request-options";

const closedShown = 50;

/**
 * The manual quote requests for operations: every open one, oldest first (the longest wait leads), then
 * the 50 most recently answered or declined. Each with its part, who asked (user and company, or only
 * the e-mail of a visitor), the options and how many hours it has waited.
 */
export async function listManualQuoteRequests(db: Database, now = new Date()) {
  const include = {
    part: { select: { id: true, originalFileName: true } },
    requestedBy: { select: { name: true, email: true, company: { select: { name: true } } } },
    answeredBy: { select: { name: true } },
    answeredQuote: { select: { unitPriceCents: true, totalPriceCents: true, status: true } },
  } as const;
  const [open, closed] = await Promise.all([
    db.manualQuoteRequest.findMany({ where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, include }),
    db.manualQuoteRequest.findMany({
      where: { status: { not: "OPEN" } },
      orderBy: { answeredAt: "desc" },
      take: closedShown,
      include,
    }),
  ]);
  return [...open, ...closed].map((request) => ({
    ...request,
    options: parseRequestOptions(request.options),
    waitingHours: Math.floor(
      ((request.answeredAt ?? now).getTime() - request.createdAt.getTime()) / 3_600_000,
    ),
  }));
}

export type ManualQuoteRequestRow = Awaited<ReturnType<typeof listManualQuoteRequests>>[number];
