"use client";

import type { PricedQuote } from "@/quoting-engine/pricing/quote-part";
import type { CalendarDay } from "@/quoting-engine/pricing/delivery-calendar";
import { formatEuros } from "@/lib/money/format-euros";
import { DeliveryCalendar } from "./delivery-calendar";
import type { LiveQuote } from "./use-live-quote";
import styles from "./part.module.css";

/** A priced part's delivery calendar, price breakdown per part and price per quantity. */
export function PriceDetails({
  priced,
  calendar,
  change,
  typeQuantity,
}: {
  priced: PricedQuote;
  calendar: CalendarDay[];
  change: LiveQuote["change"];
  typeQuantity: LiveQuote["typeQuantity"];
}) {
  return (
    <>
      <section className="card" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Delivery date</h2>
        <p className="hint">Working days in Germany; a later date costs less.</p>
        <DeliveryCalendar
          days={calendar}
          chosen={priced.delivery.date}
          onChoose={(date) => change({ deliveryDate: date })}
        />
      </section>
      <section className="card" aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">What the price is made of (per part)</h2>
        <table className={styles.breakdown}>
          <tbody>
            {priced.breakdown.map((line, index) => (
              <tr key={`${line.kind}-${index}`}>
                <td>
                  {line.label}
                  {line.minutesPerPart !== undefined && (
                    <span className="muted"> · {line.minutesPerPart} min</span>
                  )}
                </td>
                <td className="amount">{formatEuros(line.centsPerPart)}</td>
              </tr>
            ))}
            <tr className={styles.sum}>
              <td>Unit price</td>
              <td className="amount">{formatEuros(priced.buyer.unitPriceCents)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="breaks-heading">
        <h2 id="breaks-heading">Price per quantity</h2>
        <table className={styles.priceBreaks}>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col">Per part</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {priced.priceBreaks.map((priceBreak) => (
              <tr
                key={priceBreak.quantity}
                className={priceBreak.quantity === priced.quantity ? "chosen" : ""}
              >
                <td>
                  <button
                    type="button"
                    className={styles.link}
                    onClick={() => typeQuantity(String(priceBreak.quantity))}
                  >
                    {priceBreak.quantity}
                  </button>
                </td>
                <td className="amount">{formatEuros(priceBreak.buyerUnitPriceCents)}</td>
                <td className="amount">{formatEuros(priceBreak.buyerTotalPriceCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">At the standard delivery date.</p>
      </section>
    </>
  );
}
