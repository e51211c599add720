import { formatEuros } from "../money/format-euros";
import type { SmallOrder } from "./small-order-for-quote";

/** "2 more pieces (7 in total)", or null when no quantity up to the instant-quote limit would do. */
function morePieces(smallOrder: { piecesToReach?: number | null }, quantity: number): string | null {
  const target = smallOrder.piecesToReach;
  if (!target) return null;
  const more = target - quantity;
  return `${more} more piece${more === 1 ? "" : "s"} (${target} in total)`;
}

/**
 * What the buyer reads about a line below the partners' minimum order value, on the part page, in the
 * cart and in the refusal of a line that cannot be ordered. Null when the line needs nothing.
 */
export function smallOrderMessage(smallOrder: SmallOrder | null, quantity: number): string | null {
  if (!smallOrder) return null;
  if (smallOrder.kind === "missing") {
    const pieces = morePieces(smallOrder, quantity);
    return `Our partners take this process from ${formatEuros(smallOrder.supplierMinimumCents)} per order line. Add ${pieces ? `${pieces} or ` : ""}${formatEuros(smallOrder.missingCents)} to this line to reach the partners' minimum.`;
  }
  if (smallOrder.kind === "surcharge" && smallOrder.surchargeCents > 0) {
    const pieces = morePieces(smallOrder, quantity);
    return `Our partners take this process from ${formatEuros(smallOrder.supplierMinimumCents)} per order line, so a small-order surcharge of ${formatEuros(smallOrder.surchargeCents)} applies.${pieces ? ` Order ${pieces} and it falls away.` : ""}`;
  }
  return null;
}
