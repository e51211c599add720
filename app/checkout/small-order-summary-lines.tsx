import { formatEuros } from "@/lib/money/format-euros";
import styles from "./checkout.module.css";

/**
 * The checkout summary's small-order surcharges, one line per surcharged cart line, between the parts and
 * the subtotal (which includes them: the cart's net, lib/carts/load-cart.ts).
 */
export function SmallOrderSummaryLines({
  items,
}: {
  items: { id: string; quote: { smallOrderSurchargeCents: number; part: { originalFileName: string } } }[];
}) {
  const surcharged = items.filter((item) => item.quote.smallOrderSurchargeCents > 0);
  if (surcharged.length === 0) return null;
  return (
    <ul className={styles.summaryLines} aria-label="Small-order surcharges">
      {surcharged.map((item) => (
        <li key={item.id} data-testid="checkout-small-order-surcharge">
          <span>
            Small-order surcharge <span className="file-name">{item.quote.part.originalFileName}</span>
          </span>
          <span className="amount">{formatEuros(item.quote.smallOrderSurchargeCents)}</span>
        </li>
      ))}
    </ul>
  );
}
