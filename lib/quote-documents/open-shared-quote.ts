import type { Database } from "../db/prisma";
import { loadQuoteDocument } from "./load-quote-document";
import type { QuoteDocument } from "./quote-document";
import { looksLikeQuoteShareToken, quoteShareTokenSha256 } from "./quote-share-token";

export type SharedQuote =
  | { state: "valid"; document: QuoteDocument }
  /** The link was real but its quote has expired: nothing of the quote is given, only that. */
  | { state: "expired" }
  /** No such link: not even whether one ever existed. */
  | { state: "unknown" };

/**
 * What a share link opens: the one quote it was made for while the quote is valid; after that, only
 * that it expired. The company's name is the one other thing shown (to say who it is from); no other
 * quote, part, order or address of the company is reachable through it.
 */
export async function openSharedQuote(db: Database, token: string, now = new Date()): Promise<SharedQuote> {
  if (!looksLikeQuoteShareToken(token)) return { state: "unknown" };
  const link = await db.quoteShareLink.findUnique({
    where: { tokenHash: quoteShareTokenSha256(token) },
    select: { quoteId: true, quote: { select: { validUntil: true, status: true } } },
  });
  if (!link) return { state: "unknown" };
  const { validUntil, status } = link.quote;
  if (validUntil < now || status === "EXPIRED" || status === "SUPERSEDED") return { state: "expired" };
  const document = await loadQuoteDocument(db, { quoteId: link.quoteId }, now);
  return { state: "valid", document };
}
