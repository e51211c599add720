import type { PurchaseReference } from "@/lib/documents/purchase-reference-lines";

/** The buyer's purchase-order number and cost centre as `<dt>`/`<dd>` pairs of a facts list, when given. */
export function PurchaseReferenceFacts({ order }: { order: PurchaseReference }) {
  return (
    <>
      {order.purchaseOrderNumber && (
        <>
          <dt>Purchase order</dt>
          <dd data-testid="purchase-order-number">{order.purchaseOrderNumber}</dd>
        </>
      )}
      {order.costCentre && (
        <>
          <dt>Cost centre</dt>
          <dd data-testid="cost-centre">{order.costCentre}</dd>
        </>
      )}
    </>
  );
}
