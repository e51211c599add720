import type { Metadata } from "next";
import Link from "next/link";
import { may } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { loadQuoteDocument } from "@/lib/quote-documents/load-quote-document";
import { quoteVatNote } from "@/lib/quote-documents/render-quote-pdf";
import { QuoteDocumentFacts } from "@/app/_components/quote-document-facts";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import { ShareLinkForm } from "./share-link-form";
import styles from "./quote.module.css";
import { formatDeadline } from "@/lib/dates/format-deadline";

export const metadata: Metadata = { title: "Quote" };

/**
 * A saved quote of the company as a document: what it says, its PDF (with the buyer's purchase-order
 * number and cost centre printed when typed in) and a link to share it until it expires.
 */
export default async function QuotePage({ params }: { params: Promise<{ quoteId: string }> }) {
  const { quoteId } = await params;
  const user = await requirePermission("shop.view", `/quotes/${quoteId}`);
  const db = getPrisma();
  const quote = await orNotFoundPage(loadQuoteDocument(db, { quoteId, companyId: user.companyId }));
  const { partId } = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { partId: true } });
  const validUntil = formatDeadline(quote.validUntil);
  return (
    <>
      <div className={pageHeadStyles.pageHead}>
        <h1>Quote {quote.number}</h1>
        <Link href={`/parts/${partId}`}>Back to the part</Link>
      </div>
      {quote.expired && (
        <p className="alert warn" role="status">
          This quote expired on {validUntil}. Open the part for today&apos;s price and save a new quote.
        </p>
      )}
      <div className={styles.quote}>
        <section className="card" aria-labelledby="quote-heading">
          <h2 id="quote-heading">What we quote</h2>
          <QuoteDocumentFacts quote={quote} partHref={`/parts/${partId}`} />
          <p className="hint">{quoteVatNote}</p>
        </section>
        <div className={styles.side}>
          <section className="card" aria-labelledby="pdf-heading">
            <h2 id="pdf-heading">PDF for your approval</h2>
            <form method="get" action={`/api/v1/quotes/${quote.quoteId}/pdf`} className="form">
              <div className={styles.references}>
                <div className="field">
                  <label htmlFor="purchaseOrderNumber">Your purchase order (optional)</label>
                  <input id="purchaseOrderNumber" name="purchaseOrderNumber" maxLength={50} />
                </div>
                <div className="field">
                  <label htmlFor="costCentre">Cost centre (optional)</label>
                  <input id="costCentre" name="costCentre" maxLength={50} />
                </div>
              </div>
              <div className="actions">
                <button type="submit">Download PDF</button>
              </div>
            </form>
          </section>
          {!quote.expired && may(user.role, "cart.edit") && (
            <section className="card" aria-labelledby="share-heading">
              <h2 id="share-heading">Share</h2>
              <p className="hint">
                Someone without an account (your purchasing department, a customer) can see this quote and
                download its PDF with the link until {validUntil}.
              </p>
              <ShareLinkForm quoteId={quote.quoteId} validUntil={validUntil} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
