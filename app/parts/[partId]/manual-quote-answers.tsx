import Link from "next/link";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { formatEuros } from "@/lib/money/format-euros";
import type { PartManualQuote } from "@/lib/quotes/list-part-manual-quotes";
import { AddManualQuoteToCart } from "./add-manual-quote-to-cart";
import { defaultTolerance, toleranceNames } from "@/quoting-engine/catalogue/catalogue";
import { toleranceLabel } from "@/lib/catalogue/catalogue-labels";
import priceStyles from "@/app/_components/price.module.css";
import requestNotesStyles from "@/app/_components/request-notes.module.css";
import styles from "./part.module.css";
import { formatDeadline } from "@/lib/dates/format-deadline";

function asked(request: PartManualQuote): string {
  const { quantity, tolerance } = request.options;
  return `${quantity} pcs, ${toleranceNames[tolerance ?? defaultTolerance]}, asked on ${formatMoment(request.createdAt)}`;
}

/**
 * The part's manual quote requests on its page: waiting ones, the quotes our engineers sent (with the
 * price, date, validity, their note and "Add to cart" for a buyer) and declined ones with the reason.
 */
export function ManualQuoteAnswers({
  requests,
  canOrder,
}: {
  requests: PartManualQuote[];
  canOrder: boolean;
}) {
  return (
    <section className={styles.manualQuotes} aria-label="Quotes from our engineers">
      {requests.map((request) => {
        const quote = request.quote;
        if (request.status === "OPEN")
          return (
            <div
              key={request.id}
              className={`card ${styles.manualQuoteCard} waiting`}
              data-testid="manual-quote"
            >
              <h2>Waiting for our engineers</h2>
              <p>
                An engineer prices this part by hand and answers by e-mail within one working day.{" "}
                <span className="muted">({asked(request)})</span>
              </p>
            </div>
          );
        if (request.status === "DECLINED")
          return (
            <div
              key={request.id}
              className={`card ${styles.manualQuoteCard} declined`}
              data-testid="manual-quote"
            >
              <h2>Our engineers cannot quote this part</h2>
              <p className={requestNotesStyles.requestNotes}>{request.declineReason}</p>
              <p className="muted">{asked(request)}</p>
            </div>
          );
        if (!quote) return null;
        return (
          <div
            key={request.id}
            className={`card ${styles.manualQuoteCard} answered`}
            data-testid="manual-quote"
          >
            <h2>Quote from our engineers</h2>
            <div className={priceStyles.priceMain}>
              <div>
                <div
                  className={styles.priceUnit}
                  data-testid="manual-unit-price"
                  data-cents={quote.unitPriceCents}
                >
                  {formatEuros(quote.unitPriceCents)}
                </div>
                <div className="muted">per part, excluding VAT</div>
              </div>
              <div>
                <div className={priceStyles.priceTotal} data-cents={quote.totalPriceCents}>
                  {formatEuros(quote.totalPriceCents)}
                </div>
                <div className="muted">
                  for {quote.quantity} in {quote.material.name} · delivered{" "}
                  <strong data-testid="manual-delivery-date">{formatDay(quote.deliveryDate)}</strong>
                </div>
              </div>
            </div>
            {request.answerNote && (
              <blockquote className={`${requestNotesStyles.requestNotes} ${styles.engineerNote}`}>
                {request.answerNote}
              </blockquote>
            )}
            {quote.status === "ORDERED" ? (
              <p className="alert ok">
                Ordered: follow it under <Link href="/orders">Orders</Link>.
              </p>
            ) : quote.status !== "ACTIVE" || quote.expired ? (
              <p className="alert warn">
                This quote expired on {formatDeadline(quote.validUntil)}: request a new one below.
              </p>
            ) : (
              <>
                {canOrder && <AddManualQuoteToCart quoteId={quote.id} />}
                <p className="hint">
                  Valid until {formatDeadline(quote.validUntil)}. {toleranceLabel(quote.toleranceClass)}; made
                  by an audited partner, and we guarantee the spec.
                </p>
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
