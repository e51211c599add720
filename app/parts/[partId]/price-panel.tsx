"use client";

import { formatIsoDay } from "@/app/_components/format-dates";
import { formatEuros } from "@/lib/money/format-euros";
import { ManualQuoteForm } from "./manual-quote-form";
import { OrderButtons } from "./order-buttons";
import { lineTotalCents, SmallOrderLines } from "./small-order-lines";
import { QuoteDocumentButton } from "./quote-document-button";
import type { LiveQuote } from "./use-live-quote";
import priceStyles from "@/app/_components/price.module.css";
import styles from "./part.module.css";

/** The live price with its delivery date and the way to order, or why an engineer must quote the part. */
export function PricePanel({
  partId,
  buyer,
  live,
}: {
  partId: string;
  buyer: { email: string } | null;
  live: LiveQuote;
}) {
  const { options, requestError, optionError, priced, manualReasons, cannotMake, smallOrder } = live;
  // While the typed quantity is not one we take (0, 1e9), the price shown is the last valid one's: ordering
  // it then would put another quantity in the cart than the buyer typed.
  const quantityTyped = live.quantityValid;
  return (
    <section className={`card ${styles.priceCard}`} aria-labelledby="price-heading" aria-busy={live.pricing}>
      <h2 id="price-heading">Price</h2>
      {requestError && <p className="alert error">{requestError.message}</p>}
      {optionError && <p className="alert error">{optionError.message}</p>}
      {priced && (
        <>
          <div className={priceStyles.priceMain}>
            <div>
              <div
                className={styles.priceUnit}
                data-testid="unit-price"
                data-cents={priced.buyer.unitPriceCents}
              >
                {formatEuros(priced.buyer.unitPriceCents)}
              </div>
              <div className="muted">per part, excluding VAT</div>
            </div>
            <div>
              <div
                className={`${priceStyles.priceTotal} ${styles.livePrice}`}
                data-testid="total-price"
                data-cents={lineTotalCents(priced.buyer.totalPriceCents, smallOrder)}
              >
                {formatEuros(lineTotalCents(priced.buyer.totalPriceCents, smallOrder))}
              </div>
              <div className="muted">
                for {priced.quantity} · delivered{" "}
                <strong data-testid="delivery-date">{formatIsoDay(priced.delivery.date)}</strong>
              </div>
            </div>
          </div>
          <SmallOrderLines
            smallOrder={smallOrder}
            quantity={priced.quantity}
            partsTotalCents={priced.buyer.totalPriceCents}
          />
          {priced.warnings.length > 0 && (
            <ul className={priceStyles.warnings}>
              {priced.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          {!quantityTyped && (
            <p className="alert warn" data-testid="quantity-not-priced">
              The quantity you typed cannot be ordered: correct it above. The price shown is for{" "}
              {priced.quantity}.
            </p>
          )}
          <OrderButtons
            partId={partId}
            options={options}
            buyer={buyer}
            blocked={smallOrder?.kind === "missing" || !quantityTyped}
          />
          {buyer && <QuoteDocumentButton partId={partId} options={options} blocked={!quantityTyped} />}
          <p className="hint">
            Price valid until {formatIsoDay(priced.validUntil)}. Made by an audited partner; we guarantee the
            spec.
          </p>
        </>
      )}
      {manualReasons && cannotMake && cannotMake.length > 0 && (
        <div className="alert error" data-testid="cannot-make">
          <strong>{live.processEntry.name} cannot make this part:</strong>
          <ul>
            {cannotMake.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          Choose another process above; an engineer could not quote it this way either.
        </div>
      )}
      {manualReasons && cannotMake?.length === 0 && (
        <>
          <div className="alert warn">
            <strong>This part needs a quote from an engineer:</strong>
            <ul>
              {manualReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
          <ManualQuoteForm partId={partId} options={options} defaultEmail={buyer?.email ?? ""} />
        </>
      )}
    </section>
  );
}
