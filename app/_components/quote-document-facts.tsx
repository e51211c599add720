import Link from "next/link";
import { formatEuros } from "@/lib/money/format-euros";
import type { QuoteDocument } from "@/lib/quote-documents/quote-document";
import { partSizeText, readableBytes } from "@/lib/quote-documents/render-quote-pdf";
import factsStyles from "./facts.module.css";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { formatDay } from "@/app/_components/format-dates";

/** What a quote says, as the buyer's quote page and the shared-quote page show it (names, not codes). */
export function QuoteDocumentFacts({ quote, partHref }: { quote: QuoteDocument; partHref?: string }) {
  return (
    <dl className={factsStyles.facts}>
      <dt>Part</dt>
      <dd className="file-name">
        {partHref ? <Link href={partHref}>{quote.fileName}</Link> : quote.fileName}
        <div className="hint">
          {readableBytes(quote.fileSizeBytes)}
          {quote.partSizeMm.length > 0 && ` · ${partSizeText(quote.partSizeMm)}`}
        </div>
      </dd>
      <dt>Process</dt>
      <dd>{quote.processName}</dd>
      <dt>Material</dt>
      <dd>{quote.materialName}</dd>
      <dt>Finish</dt>
      <dd>{quote.finishName}</dd>
      <dt>Tolerance</dt>
      <dd>{quote.toleranceName}</dd>
      <dt>Quantity</dt>
      <dd>{quote.quantity}</dd>
      <dt>Per part</dt>
      <dd>{formatEuros(quote.unitPriceCents)}</dd>
      {quote.smallOrderSurchargeCents > 0 && (
        <>
          <dt>Small-order surcharge</dt>
          <dd>{formatEuros(quote.smallOrderSurchargeCents)}</dd>
        </>
      )}
      <dt>Total, net</dt>
      <dd>
        <strong data-testid="quote-total">{formatEuros(quote.totalPriceCents)}</strong>
      </dd>
      <dt>Delivered by</dt>
      <dd className="day">{formatDay(quote.deliveryDate)}</dd>
      <dt>Valid until</dt>
      <dd className="day">{formatDeadline(quote.validUntil)}</dd>
    </dl>
  );
}
