import { formatDay } from "@/app/_components/format-dates";
import { AmountCell } from "@/app/_components/amount-cell";
import { StackTable } from "@/app/_components/stack-table";
import type { OrderMoney } from "@/lib/ledger/load-order-money";
import { lineStatusLabel } from "@/lib/orders/line-status-labels";
import { badgeClass } from "@/app/_components/status-badge";
import { supplierPriceCentsOf } from "@/lib/orders/supplier-price-of-line";

/** The order's lines with supplier, status, delivery date and both prices; a remake names the line it remakes. */
export function OrderLinesSection({ order }: { order: OrderMoney }) {
  const partOfLine = new Map(order.lines.map((line) => [line.id, line.part.originalFileName]));
  return (
    <section aria-labelledby="lines-heading">
      <h2 id="lines-heading">Lines</h2>
      <StackTable
        columns={[
          "Part",
          "Quantity",
          "Partner",
          "Status",
          "Delivery",
          { label: "Buyer price", className: "amount" },
          { label: "Partner price", className: "amount" },
        ]}
      >
        {order.lines.map((line) => (
          <tr key={line.id}>
            <td data-label="Part">
              <div>
                <span className="file-name">{line.part.originalFileName}</span>
                {line.remakeOfLineId && (
                  <span className="hint">
                    {" "}
                    · remake of {partOfLine.get(line.remakeOfLineId) ?? "another line"}: {line.remakeReason}
                  </span>
                )}
              </div>
            </td>
            <td data-label="Quantity">{line.quantity}</td>
            <td data-label="Partner">{line.supplierCompany?.name ?? "–"}</td>
            <td data-label="Status">
              <span className={badgeClass(line.status)}>{lineStatusLabel(line.status, order.status)}</span>
            </td>
            <td data-label="Delivery">{formatDay(line.deliveryDate)}</td>
            <AmountCell label="Buyer price" cents={line.totalPriceCents} />
            <AmountCell label="Partner price" cents={supplierPriceCentsOf(line)} />
          </tr>
        ))}
      </StackTable>
    </section>
  );
}
