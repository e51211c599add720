import { formatEuros } from "@/lib/money/format-euros";
import { processLabel } from "@/lib/catalogue/catalogue-labels";
import type { ManufacturingProcess } from "@/lib/db/generated/enums";
import styles from "./cart.module.css";

/** Under a cart line's part: its small-order surcharge, which its total includes, and why it is there. */
export function SmallOrderNote({
  surchargeCents,
  process,
}: {
  surchargeCents: number;
  process: ManufacturingProcess;
}) {
  if (surchargeCents <= 0) return null;
  return (
    <div className="hint" data-testid="cart-small-order-surcharge">
      Includes a small-order surcharge of {formatEuros(surchargeCents)}: our {processLabel(process)} partners
      take each order line from a minimum value, and every line is placed on its own.
    </div>
  );
}

/** Above the cart's subtotal: the parts and the surcharges, so the surcharge reads as its own line. */
export function CartSubtotalLines({
  subtotalCents,
  surchargeCents,
}: {
  subtotalCents: number;
  surchargeCents: number;
}) {
  if (surchargeCents <= 0) return null;
  return (
    <dl className={styles.subtotalLines}>
      <dt>Parts</dt>
      <dd className="amount">{formatEuros(subtotalCents - surchargeCents)}</dd>
      <dt>Small-order surcharges</dt>
      <dd className="amount" data-testid="cart-surcharges">
        {formatEuros(surchargeCents)}
      </dd>
    </dl>
  );
}
