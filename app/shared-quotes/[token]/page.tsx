import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db/prisma";
import { openSharedQuote } from "@/lib/quote-documents/open-shared-quote";
import { quoteVatNote } from "@/lib/quote-documents/render-quote-pdf";
import { QuoteDocumentFacts } from "@/app/_components/quote-document-facts";
import { formatDeadline } from "@/lib/dates/format-deadline";

export const metadata: Metadata = { title: "Shared quote", robots: { index: false, follow: false } };

/**
 * A quote someone shared by link, for anyone holding the link (no account): the quote and its PDF while
 * it is valid; afterwards only that it expired and how to get a new one. A wrong link is not found.
 */
export default async function SharedQuotePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await openSharedQuote(getPrisma(), token);
  if (shared.state === "unknown") notFound();
  if (shared.state === "expired")
    return (
      <div className="narrow">
        <h1>This quote has expired</h1>
        <div className="card" role="status">
          <p>
            The link was valid as long as its quote, and that time is over: prices and delivery dates are only
            held for a limited time.
          </p>
          <p>
            For a new quote, ask the person who sent you the link: they open the part, save a new quote and
            share it again. Or <Link href="/">upload the part yourself</Link> for a price in seconds.
          </p>
        </div>
      </div>
    );
  const quote = shared.document;
  return (
    <div className="narrow">
      <h1>Quote {quote.number}</h1>
      <p className="muted">
        {quote.companyName ? `Prepared for ${quote.companyName}. ` : ""}Shared with you by link; it works
        until {formatDeadline(quote.validUntil)}.
      </p>
      <section className="card" aria-labelledby="quote-heading">
        <h2 id="quote-heading">What we quote</h2>
        <QuoteDocumentFacts quote={quote} />
        <p className="hint">{quoteVatNote}</p>
        <div className="actions">
          <a className="button" href={`/api/v1/shared-quotes/${token}/pdf`} download>
            Download PDF
          </a>
        </div>
      </section>
    </div>
  );
}
