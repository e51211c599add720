import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { appUrl } from "../env";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { loadQuoteDocument } from "./load-quote-document";
import { newQuoteShareToken, quoteShareTokenSha256 } from "./quote-share-token";

/** At most this many links per quote: enough to send to several people, not a way to fill the table. */
export const maxShareLinksPerQuote = 20;

/**
 * A link anyone may open to see this quote and download its PDF, until the quote's validity ends. The
 * token is returned once (only its SHA-256 is stored) and opens this one quote, nothing else of the
 * company. Refused for a quote that has expired: price it again first.
 */
export async function createQuoteShareLink(
  db: Database,
  actor: { userId: string; companyId: string },
  quoteId: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const document = await loadQuoteDocument(db, { quoteId, companyId: actor.companyId }, now);
  if (document.expired)
    throw new AppError(
      "invalid_state_transition",
      "This quote has expired: open the part, check its new price and share the new quote.",
    );
  const token = newQuoteShareToken();
  await db.$transaction(async (tx) => {
    // One lock per quote: links made at the same moment are counted one after another (walk 7).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quote-share-links:${quoteId}`}, 0))`;
    const count = await tx.quoteShareLink.count({ where: { quoteId } });
    if (count >= maxShareLinksPerQuote)
      throw new AppError(
        "rate_limited",
        `This quote already has ${maxShareLinksPerQuote} share links: send one of those, or save a new quote.`,
      );
    const link = await tx.quoteShareLink.create({
      data: { quoteId, tokenHash: quoteShareTokenSha256(token) },
    });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      companyId: actor.companyId,
      action: "quote.shared",
      entityType: "QuoteShareLink",
      entityId: link.id,
      data: { quoteId, number: document.number, expiresAt: document.validUntil.toISOString() },
    });
  });
  return { url: `${appUrl()}/shared-quotes/${token}`, expiresAt: document.validUntil };
}
