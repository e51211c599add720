"use client";

import { formatEuros } from "@/lib/money/format-euros";
import type { SmallOrder } from "@/lib/small-orders/small-order-for-quote";
import { smallOrderMessage } from "@/lib/small-orders/small-order-message";
import styles from "./part.module.css";

/** The buyer's total for the line: the engine's, or with the small-order surcharge. */
export function lineTotalCents(engineTotalCents: number, smallOrder: SmallOrder | null): number {
  return smallOrder?.kind === "surcharge" ? smallOrder.buyerTotalCents : engineTotalCents;
}

/**
 * Under the live price: the small-order surcharge as its own line (parts, surcharge, total), or the
 * amount the line is short of the partners' minimum, with how many pieces would reach it.
 */
export function SmallOrderLines({
  smallOrder,
  quantity,
  partsTotalCents,
}: {
  smallOrder: SmallOrder | null;
  quantity: number;
  partsTotalCents: number;
}) {
  const message = smallOrderMessage(smallOrder, quantity);
  if (!smallOrder || !message) return null;
  if (smallOrder.kind === "missing")
    return (
      <p className="alert warn" data-testid="small-order-missing">
        {message}
      </p>
    );
  if (smallOrder.kind !== "surcharge") return null;
  return (
    <>
      <table className={styles.priceLines} aria-label="What the total is made of">
        <tbody>
          <tr>
            <td>
              {quantity} {quantity === 1 ? "part" : "parts"}
            </td>
            <td className="amount">{formatEuros(partsTotalCents)}</td>
          </tr>
          <tr>
            <td>Small-order surcharge</td>
            <td className="amount" data-testid="small-order-surcharge" data-cents={smallOrder.surchargeCents}>
              {formatEuros(smallOrder.surchargeCents)}
            </td>
          </tr>
          <tr className={styles.sum}>
            <td>Total, excluding VAT</td>
            <td className="amount">{formatEuros(smallOrder.buyerTotalCents)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">{message}</p>
    </>
  );
}
