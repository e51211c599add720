import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Quote requests by hand a visitor's browser may send in an hour… */
export const manualQuoteRequestsPerVisitorPerHour = 10;
/** …a client address, whichever visitors' browsers send them… */
export const manualQuoteRequestsPerAddressPerHour = 20;
/** …and a buyer company, whose accounts are confirmed and named (a batch of parts at once). */
export const manualQuoteRequestsPerCompanyPerHour = 100;

const hourMs = 3_600_000;

/**
 * Refuses a quote request by hand past the hourly numbers. The form is open to visitors and e-mails the
 * contact address it names with the notes typed, so without a limit one upload made our mail a relay to
 * any address and stored a 20 MB drawing per post (walk 7). A visitor's network is counted through the
 * audit log's address of each visitor's request. With `lock`, inside the request's transaction,
 * requests sent at the same moment are counted one after another.
 */
export async function refuseManualQuoteFlood(
  db: Database | TransactionClient,
  request: { owner: { companyId: string } | { visitorToken: string }; ipAddress?: string },
  options: { lock: boolean; now: Date },
): Promise<void> {
  const ownerKey = "companyId" in request.owner ? request.owner.companyId : request.owner.visitorToken;
  if (options.lock) {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`manual-quotes:owner:${ownerKey}`}, 0))`;
    if (request.ipAddress)
      await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`manual-quotes:address:${request.ipAddress}`}, 0))`;
  }
  const since = new Date(options.now.getTime() - hourMs);
  const ownerLimit =
    "companyId" in request.owner
      ? manualQuoteRequestsPerCompanyPerHour
      : manualQuoteRequestsPerVisitorPerHour;
  const byOwner = await db.manualQuoteRequest.findMany({
    where: { createdAt: { gt: since }, part: request.owner },
    orderBy: { createdAt: "desc" },
    take: ownerLimit,
    select: { createdAt: true },
  });
  if (byOwner.length >= ownerLimit)
    throw new AppError(
      "rate_limited",
      `You asked for ${ownerLimit} prices by hand in the last hour. Try again in ${minutesUntilFree(byOwner, options.now)} minute(s), or write all your questions into one request.`,
    );
  if (!request.ipAddress || "companyId" in request.owner) return;
  const byAddress = await db.auditLogEntry.findMany({
    where: {
      action: "manual-quote.requested",
      ipAddress: request.ipAddress,
      companyId: null,
      createdAt: { gt: since },
    },
    orderBy: { createdAt: "desc" },
    take: manualQuoteRequestsPerAddressPerHour,
    select: { createdAt: true },
  });
  if (byAddress.length >= manualQuoteRequestsPerAddressPerHour)
    throw new AppError(
      "rate_limited",
      `${manualQuoteRequestsPerAddressPerHour} prices by hand were asked for from your network in the last hour. Try again in ${minutesUntilFree(byAddress, options.now)} minute(s).`,
    );
}

/** When the oldest counted request leaves the hour. */
function minutesUntilFree(counted: { createdAt: Date }[], now: Date): number {
  return Math.max(1, Math.ceil((counted.at(-1)!.createdAt.getTime() + hourMs - now.getTime()) / 60_000));
}
